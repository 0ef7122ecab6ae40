import { HttpErrorResponse } from '@angular/common/http';
import { staleCurrent } from './publication-api';

describe(staleCurrent.name, () => {
  it('gives the current preview of a 409 PUBLICATION_STALE_PREVIEW, and nothing for any other error', () => {
    const current = { title: 'Lavoir', version: 'b'.repeat(64) };
    const stale = new HttpErrorResponse({ status: 409, error: { code: 'PUBLICATION_STALE_PREVIEW', message: 'La fiche a changé.', current } });
    expect(staleCurrent(stale)).toBe(current);
    expect(staleCurrent(new HttpErrorResponse({ status: 409, error: { code: 'PUBLICATION_TRANSITION_FORBIDDEN', message: '' } }))).toBeNull();
    expect(staleCurrent(new HttpErrorResponse({ status: 502, error: '<html>' }))).toBeNull();
    expect(staleCurrent(null)).toBeNull();
  });
});
