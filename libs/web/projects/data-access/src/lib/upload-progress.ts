import { type HttpEvent, HttpEventType } from '@angular/common/http';

/** Where an upload stands: the percentage sent, then the server's answer. */
export type UploadState<T> = { state: 'progress'; percent: number } | { state: 'done'; result: T };

/**
 * Turns HttpClient's events into what the progress bar shows, or `null` for events of no interest (sent, headers).
 * The percentage stays at 99 until the answer arrives: the bytes are out, but the server still checks and stores the
 * file, and a full bar with nothing happening would look stuck.
 */
export function uploadState<T>(event: HttpEvent<T>): UploadState<T> | null {
  switch (event.type) {
    case HttpEventType.UploadProgress: {
      const total = event.total ?? 0;
      const percent = total > 0 ? Math.min(99, Math.floor((event.loaded / total) * 100)) : 0;
      return { state: 'progress', percent };
    }
    case HttpEventType.Response:
      return { state: 'done', result: event.body as T };
    default:
      return null;
  }
}
