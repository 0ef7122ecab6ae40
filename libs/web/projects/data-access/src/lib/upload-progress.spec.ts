import { HttpEventType, HttpHeaders, HttpResponse } from '@angular/common/http';
import { uploadState } from './upload-progress';

describe('uploadState', () => {
  it('turns the bytes sent into a whole percentage', () => {
    expect(uploadState({ type: HttpEventType.UploadProgress, loaded: 0, total: 2000 })).toEqual({ state: 'progress', percent: 0 });
    expect(uploadState({ type: HttpEventType.UploadProgress, loaded: 1337, total: 2000 })).toEqual({ state: 'progress', percent: 66 });
  });

  it('waits for the answer before showing 100 %', () => {
    expect(uploadState({ type: HttpEventType.UploadProgress, loaded: 2000, total: 2000 })).toEqual({ state: 'progress', percent: 99 });
    const response = new HttpResponse({ body: { id: 'd1' }, status: 201, headers: new HttpHeaders() });
    expect(uploadState(response)).toEqual({ state: 'done', result: { id: 'd1' } });
  });

  it('shows 0 % when the browser does not know the total', () => {
    expect(uploadState({ type: HttpEventType.UploadProgress, loaded: 500 })).toEqual({ state: 'progress', percent: 0 });
  });

  it('ignores the events that say nothing about progress', () => {
    expect(uploadState({ type: HttpEventType.Sent })).toBeNull();
  });
});
