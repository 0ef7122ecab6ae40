import { createHash } from 'node:crypto';
import etag from '@fastify/etag';
import Fastify, { type FastifyInstance } from 'fastify';
import { SerializedJson, sendSerializedJson } from './serialized-json';

async function server(): Promise<FastifyInstance> {
  const fastify = Fastify();
  sendSerializedJson(fastify);
  await fastify.register(etag);
  fastify.get('/kept', async () => new SerializedJson({ items: [{ name: 'Épône' }], total: 1 }));
  fastify.get('/plain', async () => ({ total: 0 }));
  fastify.get('/geo', async (_request, reply) => {
    void reply.header('content-type', 'application/geo+json; charset=utf-8');
    return new SerializedJson({ type: 'FeatureCollection' });
  });
  await fastify.ready();
  return fastify;
}

describe(SerializedJson.name, () => {
  let fastify: FastifyInstance;
  beforeAll(async () => {
    fastify = await server();
  });
  afterAll(() => fastify.close());

  it('serialises once, with the tag @fastify/etag would give the same text', () => {
    const body = new SerializedJson({ items: [{ name: 'Épône' }], total: 1 });
    const text = '{"items":[{"name":"Épône"}],"total":1}';
    expect(body.bytes).toEqual(Buffer.from(text, 'utf8'));
    expect(body.etag).toBe(`"${createHash('sha1').update(text).digest('base64')}"`);
  });

  it('is sent as the UTF-8 bytes of its text with its tag and a JSON type; other answers are serialised as usual', async () => {
    const kept = new SerializedJson({ items: [{ name: 'Épône' }], total: 1 });
    const res = await fastify.inject('/kept');
    expect(res.rawPayload).toEqual(kept.bytes);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['etag']).toBe(kept.etag);

    const plain = await fastify.inject('/plain');
    expect(plain.json()).toEqual({ total: 0 });
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const kept = new SerializedJson({ items: [{ name: 'Épône' }], total: 1 });
    const res = await fastify.inject({ url: '/kept', headers: { 'if-none-match': kept.etag } });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
  });

  it('keeps a content type the route set', async () => {
    const res = await fastify.inject('/geo');
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(res.json()).toEqual({ type: 'FeatureCollection' });
  });
});
