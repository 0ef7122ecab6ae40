import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { catchError, EMPTY } from 'rxjs';
import { DocumentsApi } from './documents-api';

/**
 * Images of the API shown through `blob:` URLs (the CSP allows them), fetched once per API address and revoked when
 * the component that provided this service is destroyed. Provide it in the component, not in root: the URLs live as
 * long as the page that shows them.
 */
@Injectable()
export class ObjectUrls {
  private readonly api = inject(DocumentsApi);
  private readonly loaded = signal<Readonly<Record<string, string>>>({});
  private readonly requested = new Set<string>();
  private destroyed = false;

  /** API address → `blob:` URL, for the images that have arrived. */
  readonly urls = this.loaded.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      for (const url of Object.values(this.loaded())) {
        URL.revokeObjectURL(url);
      }
    });
  }

  /** Starts downloading the images not asked for yet. */
  load(apiUrls: readonly (string | null)[]): void {
    for (const apiUrl of apiUrls) {
      if (!apiUrl || this.requested.has(apiUrl)) {
        continue;
      }
      this.requested.add(apiUrl);
      // A missing thumbnail leaves the placeholder in place: nothing the user could do about it.
      this.api
        .getBlob(apiUrl)
        .pipe(catchError(() => EMPTY))
        .subscribe((blob) => {
          if (this.destroyed) {
            return;
          }
          const url = URL.createObjectURL(blob);
          this.loaded.update((urls) => ({ ...urls, [apiUrl]: url }));
        });
    }
  }
}
