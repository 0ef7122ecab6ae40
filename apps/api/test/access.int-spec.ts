import { RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { ApiError } from '@passerelle/shared/dto';
import type { LightMyRequestResponse } from 'fastify';
import { ACCESS_KEY, type AccessRule } from '../src/common/access/access.decorators';
import { createUser } from './factories';
import { type TestApp, startTestApp } from './test-app';

interface Route {
  route: string;
  rule: AccessRule | undefined;
}

/** Every handler of every controller, with its access declaration (handler first, then class). */
function walkRouter(t: TestApp): Route[] {
  const scanner = new MetadataScanner();
  const reflector = t.app.get(Reflector);
  const routes: Route[] = [];
  const controllers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of controllers) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) {
      continue;
    }
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) {
        continue;
      }
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const url = `/${Reflect.getMetadata(PATH_METADATA, metatype)}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
      routes.push({
        route: `${method} ${url} (${metatype.name}.${name})`,
        rule: reflector.getAllAndOverride<AccessRule>(ACCESS_KEY, [handler, metatype]),
      });
    }
  }
  return routes;
}

describe('Access control', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
  });
  afterAll(() => t.close());

  it('finds every route of the API declared public or restricted to roles (deny by default)', () => {
    const routes = walkRouter(t);
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !r.rule).map((r) => r.route)).toEqual([]);
    // The public surface, written out so that a route made public by mistake shows up here.
    const publicRoutes = routes.filter((r) => r.rule?.kind === 'public').map((r) => r.route.split(' (')[0]).sort();
    expect(publicRoutes).toEqual(
      [
        'GET /communes/:insee',
        'POST /auth/password-reset/check',
        'GET /config',
        'GET /departements',
        'GET /departements/:code',
        'GET /departements/:code/cantons',
        'GET /departements/:code/cantons.geojson',
        'GET /departements/:code/communes',
        'GET /departements/:code/communes.geojson',
        'GET /dev/mails',
        'GET /health',
        'GET /invitations/:token',
        'GET /notifications/unsubscribe',
        'GET /public/departements/:code/axes',
        'GET /public/dept-photos/:id/content',
        'GET /public/dept-photos/:id/thumbnail',
        'GET /public/dept-projects',
        'GET /public/dept-projects/:slug',
        'POST /public/dept-projects/:slug/views',
        'GET /public/documents/:id/content',
        'GET /public/documents/:id/thumbnail',
        'GET /public/faq',
        'GET /public/faq/:id',
        'GET /public/feed.atom',
        'GET /public/indicators',
        'GET /public/indicators.csv',
        'GET /public/opendata/projects.geojson',
        'GET /public/privacy',
        'GET /public/privacy/register.csv',
        'GET /public/projects',
        'GET /public/projects.csv',
        'GET /public/projects.geojson',
        'GET /public/projects/:slug',
        'GET /public/projects/:slug/similar',
        'POST /auth/login',
        'POST /auth/login/totp',
        'POST /auth/logout',
        'POST /auth/password-reset',
        'POST /auth/password-reset/confirm',
        'POST /auth/refresh',
        'POST /auth/totp/enrolment/confirm',
        'POST /auth/totp/enrolment/start',
        'POST /invitations/:token/accept',
        'POST /notifications/unsubscribe',
        'POST /public/projects/:slug/views',
        'GET /public/newsletter/confirm/*',
        'POST /public/newsletter/subscriptions',
        'POST /public/newsletter/unsubscribe/:token',
      ].sort(),
    );
  });

  it('refuses a route with no declaration at all (the guard itself denies by default)', async () => {
    const { AccessGuard } = await import('../src/auth/access.guard');
    const guard = new AccessGuard(t.app.get(Reflector));
    const undeclared = { getHandler: () => walkRouter, getClass: () => class Undeclared {} };
    await expect(guard.canActivate(undeclared as never)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('limits sign-in attempts: 429 with Retry-After and a French message', async () => {
    const limited = await startTestApp('valDOise', { RATE_LIMIT: 'true' });
    try {
      const user = await createUser(limited.db, { role: 'MAYOR', communeInsee: '95002' });
      const attempts: LightMyRequestResponse[] = [];
      // Sign-in counts failures (per account and address: 5 in 15 minutes), not requests: see account-security.int-spec.
      for (let i = 0; i < 6; i++) {
        attempts.push(await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'mauvais mot de passe' } }));
      }
      expect(attempts.slice(0, 5).map((a) => a.statusCode)).toEqual(Array(5).fill(401));
      const refused = attempts[5];
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json<ApiError>()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/^Trop de tentatives/) });
      // Reads stay unlimited: the public map must not be throttled.
      const reads = await Promise.all(Array.from({ length: 150 }, () => limited.app.inject({ method: 'GET', url: '/api/health' })));
      expect(reads.every((r) => r.statusCode === 200)).toBe(true);
    } finally {
      await limited.close();
    }
  });

  it('limits password-reset requests', async () => {
    const limited = await startTestApp('valDOise', { RATE_LIMIT: 'true' });
    try {
      const codes = [];
      for (let i = 0; i < 6; i++) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: `x${i}@y.example` } })).statusCode);
      }
      expect(codes).toEqual([202, 202, 202, 202, 202, 429]);
    } finally {
      await limited.close();
    }
  });

  it('limits the checks of reset links, whose token is a credential', async () => {
    const limited = await startTestApp('valDOise', { RATE_LIMIT: 'true' });
    try {
      const codes = [];
      for (let i = 0; i < 11; i++) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/auth/password-reset/check', payload: { token: `essai-${i}` } })).statusCode);
      }
      expect(codes).toEqual([...Array(10).fill(404), 429]);
    } finally {
      await limited.close();
    }
  });
});
