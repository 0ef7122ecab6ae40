import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiError, GeocodeResponse } from '@passerelle/shared/dto';
import { createTeam, createUser, signIn, type Session } from './factories';
import { type TestApp, startTestApp } from './test-app';

const UNAVAILABLE = 'La recherche d’adresse est indisponible : placez le projet sur la carte ou utilisez « Centre du village ».';

/** A stand-in for the Base Adresse Nationale on 127.0.0.1, answering in its format (or not at all). */
async function fakeBan(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; server: Server; requests: URL[] }> {
  const requests: URL[] = [];
  const server = createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://127.0.0.1'));
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

const feature = (label: string, lon: number, lat: number, citycode: string, type = 'housenumber', score = 0.93) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { label, score, type, citycode, city: 'Ableiges', postcode: '95450' },
});

describe('Address search (GET /api/geocode)', () => {
  describe('with the Base Adresse Nationale answering', () => {
    let t: TestApp;
    let ban: Awaited<ReturnType<typeof fakeBan>>;
    let mayor: Session;
    let otherMayor: Session;
    let agent: Session;

    beforeAll(async () => {
      ban = await fakeBan((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(
          JSON.stringify({
            type: 'FeatureCollection',
            version: 'draft',
            features: [
              feature('8 Rue de la Mairie 95450 Ableiges', 1.9852, 49.0905, '95002'),
              feature('Rue de la Mairie 95450 Ableiges', 1.9849, 49.0901, '95002', 'street', 0.81),
              // The BAN filters on citycode; should it ever not, another commune's address must not get through.
              feature('8 Rue de la Mairie 95000 Cergy', 2.06, 49.03, '95127'),
              { type: 'Feature', geometry: { type: 'Point', coordinates: ['x', 49] }, properties: { label: 'cassé', type: 'street', citycode: '95002' } },
            ],
            query: 'mairie',
          }),
        );
      });
      t = await startTestApp('valDOise', { GEOCODER_URL: `${ban.url}/` });
      mayor = await signIn(t.app, (await createTeam(t.db, '95002')).mayor);
      otherMayor = await signIn(t.app, (await createTeam(t.db, '95625')).mayor);
      agent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
    });
    afterAll(async () => {
      await t.close();
      await close(ban.server);
    });

    const search = (session: Session | null, query: string) =>
      t.app.inject({ method: 'GET', url: `/api/geocode?${query}`, headers: session?.headers ?? {} });

    it('returns the addresses of the commune as [lat, lng] points, asking the BAN for that commune only', async () => {
      ban.requests.length = 0;
      const res = await search(mayor, `q=${encodeURIComponent('  8 rue de la mairie ')}&insee=95002`);
      expect(res.statusCode).toBe(200);
      expect(res.json<GeocodeResponse>()).toEqual({
        items: [
          { label: '8 Rue de la Mairie 95450 Ableiges', lat: 49.0905, lng: 1.9852, score: 0.93, type: 'housenumber' },
          { label: 'Rue de la Mairie 95450 Ableiges', lat: 49.0901, lng: 1.9849, score: 0.81, type: 'street' },
        ],
      });
      expect(ban.requests).toHaveLength(1);
      const [sent] = ban.requests;
      expect(sent.pathname).toBe('/search/');
      expect(Object.fromEntries(sent.searchParams)).toEqual({ q: '8 rue de la mairie', citycode: '95002', limit: '5' });
    });

    it('lets the département’s agents search their communes', async () => {
      expect((await search(agent, 'q=mairie&insee=95625')).statusCode).toBe(200);
    });

    it('refuses anonymous users, and another commune’s members like an unknown commune (404), without asking the BAN', async () => {
      ban.requests.length = 0;
      expect((await search(null, 'q=mairie&insee=95002')).statusCode).toBe(401);
      const other = await search(otherMayor, 'q=mairie&insee=95002');
      const unknown = await search(otherMayor, 'q=mairie&insee=99999');
      expect(other.statusCode).toBe(404);
      expect(unknown.statusCode).toBe(404);
      expect(other.json<ApiError>().message).toBe(unknown.json<ApiError>().message);
      expect(ban.requests).toHaveLength(0);
    });

    it('names the hidden commune COMMUNE_NOT_FOUND, in French', async () => {
      const res = await search(otherMayor, 'q=mairie&insee=95002');
      expect(res.json<ApiError>()).toMatchObject({ code: 'COMMUNE_NOT_FOUND', message: 'Cette commune est introuvable.' });
    });

    it.each([
      ['a query too short', 'q=ab&insee=95002', 'q'],
      ['a query too long', `q=${'a'.repeat(201)}&insee=95002`, 'q'],
      ['a query starting with a sign', 'q=%25%25mairie&insee=95002', 'q'],
      ['a missing query', 'insee=95002', 'q'],
      ['a bad INSEE code', 'q=mairie&insee=9500', 'insee'],
      ['an unknown parameter', 'q=mairie&insee=95002&limit=50', 'limit'],
    ])('refuses %s (400)', async (_label, query, field) => {
      const res = await search(mayor, query);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json<ApiError>().errors ?? {})).toContain(field);
    });
  });

  describe('with the Base Adresse Nationale down, slow, broken or turned off', () => {
    const cases: [string, (req: IncomingMessage, res: ServerResponse) => void][] = [
      ['answering 502', (_req, res) => res.writeHead(502).end('Bad Gateway')],
      ['answering something that is not JSON', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>')],
      // Never answers: the API gives up after its 3 s timeout.
      ['too slow', () => undefined],
    ];

    it.each(cases)('answers 503 GEOCODER_UNAVAILABLE in French when the BAN is %s', async (_label, handler) => {
      const ban = await fakeBan(handler);
      const t = await startTestApp('valDOise', { GEOCODER_URL: ban.url });
      try {
        const mayor = await signIn(t.app, (await createTeam(t.db, '95002')).mayor);
        const started = Date.now();
        const res = await t.app.inject({ method: 'GET', url: '/api/geocode?q=mairie&insee=95002', headers: mayor.headers });
        expect(Date.now() - started).toBeLessThan(6_000);
        expect(res.statusCode).toBe(503);
        expect(res.json<ApiError>()).toMatchObject({ code: 'GEOCODER_UNAVAILABLE', message: UNAVAILABLE });
        expect(ban.requests).toHaveLength(1);
      } finally {
        await t.close();
        await close(ban.server);
      }
    }, 30_000);

    it('answers 503 GEOCODER_UNAVAILABLE when nothing listens at GEOCODER_URL, and when it is `none`', async () => {
      const ban = await fakeBan(() => undefined);
      const downUrl = ban.url;
      await close(ban.server);
      for (const url of [downUrl, 'none']) {
        const t = await startTestApp('valDOise', { GEOCODER_URL: url });
        try {
          const mayor = await signIn(t.app, (await createTeam(t.db, '95002')).mayor);
          const res = await t.app.inject({ method: 'GET', url: '/api/geocode?q=mairie&insee=95002', headers: mayor.headers });
          expect(res.statusCode).toBe(503);
          expect(res.json<ApiError>()).toMatchObject({ code: 'GEOCODER_UNAVAILABLE', message: UNAVAILABLE });
        } finally {
          await t.close();
        }
      }
    }, 30_000);
  });
});
