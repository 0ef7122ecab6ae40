import { HttpClient, provideHttpClient, withInterceptors, withXhr } from '@angular/common/http';
import {
  createEnvironmentInjector,
  DestroyRef,
  EnvironmentInjector,
  type EnvironmentProviders,
  inject,
  Injectable,
  makeEnvironmentProviders,
} from '@angular/core';
import type { DocumentDto } from '@passerelle/shared/dto';
import { authInterceptor } from '@passerelle/web/auth/data-access';
import { type UploadState, uploadState } from '@passerelle/web/projects/data-access';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { filter, map, type Observable } from 'rxjs';

/**
 * Attachments of a question or an answer: each file is uploaded first (same checks as project documents) and the
 * message then lists their ids. Provided by `provideAttachmentUploads()` only (or `injectAttachmentUploads()`).
 */
@Injectable()
export class AttachmentUploads {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  upload(insee: string, file: File): Observable<UploadState<DocumentDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http
      .post<DocumentDto>(`${this.baseUrl}/communes/${encodeURIComponent(insee)}/attachments`, body, {
        reportProgress: true,
        observe: 'events',
      })
      .pipe(
        map((event) => uploadState(event)),
        filter((state): state is UploadState<DocumentDto> => state !== null),
      );
  }
}

/** An XMLHttpRequest client for the routes that upload attachments, so that the percentage moves (see `provideDocumentUploads`). */
export function provideAttachmentUploads(): EnvironmentProviders {
  return makeEnvironmentProviders([provideHttpClient(withXhr(), withInterceptors([authInterceptor])), AttachmentUploads]);
}

/**
 * The upload client with progress, for a page whose route gives no providers: created in a child injector that
 * lives as long as the page, so the XHR-based HttpClient stays out of the rest of the app. Call it in an injection
 * context (a field initialiser of the page).
 */
export function injectAttachmentUploads(): AttachmentUploads {
  const injector = createEnvironmentInjector([provideAttachmentUploads()], inject(EnvironmentInjector));
  inject(DestroyRef).onDestroy(() => injector.destroy());
  return injector.get(AttachmentUploads);
}
