import { apiErrorMessage, DEFAULT_ERROR_MESSAGE, NETWORK_ERROR_MESSAGE } from './api-error-message';

describe('apiErrorMessage', () => {
  it('shows the French message of an API error body', () => {
    const error = {
      status: 404,
      error: { code: 'COMMUNE_NOT_FOUND', message: 'Commune introuvable.', requestId: 'r1' },
    };
    expect(apiErrorMessage(error)).toBe('Commune introuvable.');
  });

  it('explains a request that never reached the server', () => {
    expect(apiErrorMessage({ status: 0, error: new ProgressEvent('error') })).toBe(NETWORK_ERROR_MESSAGE);
  });

  it('falls back when the body is not an API error (proxy page, HTML)', () => {
    expect(apiErrorMessage({ status: 502, error: '<html>Bad gateway</html>' })).toBe(DEFAULT_ERROR_MESSAGE);
    expect(apiErrorMessage({ status: 500 }, 'Impossible de charger.')).toBe('Impossible de charger.');
    expect(apiErrorMessage(undefined)).toBe(DEFAULT_ERROR_MESSAGE);
  });
});
