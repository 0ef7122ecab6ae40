import { HttpClient, provideHttpClient, withInterceptors, withXhr } from '@angular/common/http';
import { type EnvironmentProviders, inject, Injectable, makeEnvironmentProviders } from '@angular/core';
import type { DocumentDto } from '@passerelle/shared/dto';
import { authInterceptor } from '@passerelle/web/auth/data-access';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { filter, map, type Observable } from 'rxjs';
import { type UploadState, uploadState } from './upload-progress';

/** Sends a file to a project, reporting the percentage sent. Provided by `provideDocumentUploads()` only. */
@Injectable()
export class DocumentUploads {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** `multipart/form-data` with one field `file`; reports the percentage sent, then the stored document. */
  upload(projectId: string, file: File): Observable<UploadState<DocumentDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http
      .post<DocumentDto>(`${this.baseUrl}/projects/${encodeURIComponent(projectId)}/documents`, body, {
        reportProgress: true,
        observe: 'events',
      })
      .pipe(
        map((event) => uploadState(event)),
        filter((state): state is UploadState<DocumentDto> => state !== null),
      );
  }
}

/**
 * For the routes that upload. The app's HttpClient runs on `fetch`, which cannot report upload progress; this
 * route-level HttpClient runs on XMLHttpRequest, with the same authentication interceptor, so that the progress bar
 * moves. Everything else keeps using the app's client.
 */
export function provideDocumentUploads(): EnvironmentProviders {
  return makeEnvironmentProviders([provideHttpClient(withXhr(), withInterceptors([authInterceptor])), DocumentUploads]);
}
