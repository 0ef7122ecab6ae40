import { HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { DomainException, ValidationFailedException } from './domain.exception';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, toApiError } from './api-error';

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

  describe('database unavailable', () => {
    const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    it.each([
      ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', errno: -111 })],
      ['an administrator shutdown (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
      ['a server starting or stopping (57P03)', pgError('57P03', 'the database system is shutting down')],
      ['a connection exception (08006)', pgError('08006')],
      ['a lost connection', new Error('Connection terminated unexpectedly')],
      ['a pool timeout', new Error('timeout exceeded when trying to connect')],
      ['a connection timeout with its cause', Object.assign(new Error('Connection terminated due to connection timeout'), { cause: new Error('x') })],
      ['a wrapped driver error', new QueryFailedError('SELECT 1', [], pgError('57P01'))],
      ['an aggregate of refused addresses', Object.assign(new Error(''), { name: 'AggregateError', errors: [pgError('ECONNREFUSED')] })],
    ])('answers 503 DATABASE_UNAVAILABLE for %s, without leaking its text', (_label, error) => {
      expect(isDatabaseUnavailable(error)).toBe(true);
      const mapped = toApiError(error, 'req-db');
      expect(mapped.status).toBe(503);
      expect(mapped.body.code).toBe('DATABASE_UNAVAILABLE');
      expect(mapped.body.message).toMatch(/momentanément indisponible/);
      expect(JSON.stringify(mapped.body)).not.toMatch(/127\.0\.0\.1|administrator|ECONN/);
    });

    it('keeps other database errors as 500', () => {
      const unique = new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key'));
      expect(isDatabaseUnavailable(unique)).toBe(false);
      expect(toApiError(unique, 'r').status).toBe(500);
      expect(isDatabaseUnavailable(pgError('42P01', 'relation "x" does not exist'))).toBe(false);
    });
  });
});
