import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/**
 * A project's documents and photos (uploads: `DocumentUploads`). Their content needs the bearer token, which `<img src>` and `<a href>` would not
 * send: everything goes through HttpClient (and its interceptor) as blobs.
 */
@Injectable({ providedIn: 'root' })
export class DocumentsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** The file itself (`contentUrl`) or a photo's thumbnail (`thumbnailUrl`, a project's `coverUrl`). */
  getBlob(url: string): Observable<Blob> {
    return this.http.get(url, { responseType: 'blob' });
  }

  deleteDocument(id: string): Observable<void> {
    return this.http.delete<void>(`${this.baseUrl}/documents/${encodeURIComponent(id)}`);
  }
}
