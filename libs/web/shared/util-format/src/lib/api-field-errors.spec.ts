import { apiErrorCode, apiFieldErrors } from './api-field-errors';

describe('apiFieldErrors', () => {
  it('returns the field errors of a validation failure', () => {
    const error = {
      status: 400,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Certains champs sont incorrects.',
        errors: { password: 'Ce mot de passe est trop courant.' },
        requestId: 'r',
      },
    };
    expect(apiFieldErrors(error)).toEqual({ password: 'Ce mot de passe est trop courant.' });
    expect(apiErrorCode(error)).toBe('VALIDATION_FAILED');
  });

  it('returns nothing for other failures', () => {
    expect(apiFieldErrors({ status: 0, error: new ProgressEvent('error') })).toEqual({});
    expect(apiFieldErrors({ status: 409, error: { code: 'NO_FREE_SEAT', message: 'Plus de place.', requestId: 'r' } })).toEqual({});
    expect(apiFieldErrors(null)).toEqual({});
    expect(apiErrorCode({ status: 502, error: '<html>' })).toBeNull();
  });
});
