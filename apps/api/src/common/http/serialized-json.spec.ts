import { createHash } from 'node:crypto';
import { lastValueFrom, of } from 'rxjs';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { SerializedJson } from './serialized-json';
import { SerializedJsonInterceptor } from './serialized-json.interceptor';

function replyStub(existing: Record<string, string> = {}) {
  const headers: Record<string, string> = { ...existing };
  const reply = {
    headers,
    hasHeader: (name: string) => name in headers,
    header: (name: string, value: string) => {
      headers[name] = value;
      return reply;
    },
  };
  return reply;
}

function run(result: unknown, reply: ReturnType<typeof replyStub>): Promise<unknown> {
  const context = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of(result) };
  return lastValueFrom(new SerializedJsonInterceptor().intercept(context, next));
}

describe(SerializedJson.name, () => {
  it('serialises once, with the tag @fastify/etag would give the same text', () => {
    const body = new SerializedJson({ items: [{ name: 'Épône' }], total: 1 });
    const text = '{"items":[{"name":"Épône"}],"total":1}';
    expect(body.bytes).toEqual(Buffer.from(text, 'utf8'));
    expect(body.etag).toBe(`"${createHash('sha1').update(text).digest('base64')}"`);
  });

  it('is sent as the UTF-8 bytes of its text with its tag and a JSON type; other answers pass untouched', async () => {
    const body = new SerializedJson({ total: 0 });
    const reply = replyStub();
    await expect(run(body, reply)).resolves.toEqual(Buffer.from('{"total":0}'));
    expect(reply.headers).toEqual({ 'content-type': 'application/json; charset=utf-8', etag: body.etag });

    const other = replyStub();
    const plain = { total: 0 };
    await expect(run(plain, other)).resolves.toBe(plain);
    expect(other.headers).toEqual({});
  });

  it('keeps a content type the route set', async () => {
    const reply = replyStub({ 'content-type': 'application/geo+json; charset=utf-8' });
    await run(new SerializedJson({ type: 'FeatureCollection' }), reply);
    expect(reply.headers['content-type']).toBe('application/geo+json; charset=utf-8');
  });
});
