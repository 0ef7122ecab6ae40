import { HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { DomainException, ValidationFailedException } from './domain.exception';
import { toApiError } from './api-error';

describe(toApiError.name, () => {
  it('maps a domain exception to its status, code and French message', () => {
    const mapped = toApiError(new DomainException('COMMUNE_NOT_FOUND', 'NOT_FOUND', 'Aucune commune…'), 'req-1');
    expect(mapped).toEqual({
      status: 404,
      body: { code: 'COMMUNE_NOT_FOUND', message: 'Aucune commune…', requestId: 'req-1' },
      unexpected: false,
    });
  });

  it('keeps field errors of invalid input', () => {
    const mapped = toApiError(new ValidationFailedException({ limit: 'trop grand' }), 'r');
    expect(mapped.status).toBe(400);
    expect(mapped.body.errors).toEqual({ limit: 'trop grand' });
  });

  it('gives French words to framework errors that only carry a status', () => {
    expect(toApiError(new NotFoundException('Cannot GET /x'), 'r').body).toMatchObject({ code: 'NOT_FOUND', message: 'Cette adresse n’existe pas.' });
    expect(toApiError(new PayloadTooLargeException(), 'r').status).toBe(413);
    expect(toApiError(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }), 'r').body.code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('never leaks the message of an unexpected error', () => {
    const mapped = toApiError(new Error('relation "commune" does not exist at /srv/app/x.ts:12'), 'req-9');
    expect(mapped.status).toBe(500);
    expect(mapped.unexpected).toBe(true);
    expect(JSON.stringify(mapped.body)).not.toMatch(/relation|\/srv/);
    expect(mapped.body).toMatchObject({ code: 'INTERNAL_ERROR', requestId: 'req-9' });
    expect(toApiError(new HttpException('boom', 502), 'r').status).toBe(500);
  });
});
