import { asEndedSessions, asEnvelope, endsStream, type LiveAudience, type LiveListener, reaches, wireEvent } from './live-audience';
import { accessTokenExpiry } from './live-streams';

const mayor: LiveListener = { id: 'm', sessionId: 's-m', role: 'MAYOR', departementCode: '95', communeInsee: '95002' };
const neighbour: LiveListener = { id: 'n', sessionId: 's-n', role: 'COLLABORATOR', departementCode: '95', communeInsee: '95625' };
const agent: LiveListener = { id: 'a', sessionId: 's-a', role: 'AGENT', departementCode: '95', communeInsee: null };
const otherAgent: LiveListener = { id: 'o', sessionId: 's-o', role: 'ADMIN', departementCode: '78', communeInsee: null };

describe(reaches.name, () => {
  const thread: LiveAudience = { type: 'thread', departementCode: '95', communeInsee: '95002' };
  const note: LiveAudience = { type: 'thread', departementCode: '95', communeInsee: null };

  it('sends a thread event to its commune and its département’s staff only', () => {
    expect([mayor, neighbour, agent, otherAgent].map((l) => reaches(thread, l))).toEqual([true, false, true, false]);
  });

  it('keeps a staff-only event from every commune', () => {
    expect([mayor, neighbour, agent, otherAgent].map((l) => reaches(note, l))).toEqual([false, false, true, false]);
  });

  it('sends a user event to those users only', () => {
    expect([mayor, neighbour, agent].map((l) => reaches({ type: 'users', userIds: ['n', 'a'] }, l))).toEqual([false, true, true]);
  });
});

describe(asEnvelope.name, () => {
  it('accepts what LiveEvents publishes and drops anything else', () => {
    const good = { id: '1', event: { kind: 'thread.message', threadId: 't' }, audience: { type: 'thread', departementCode: '95', communeInsee: null } };
    expect(asEnvelope(good)).toEqual(good);
    expect(asEnvelope({ ...good, event: { kind: 'thread.message' } })).toBeNull();
    expect(asEnvelope({ ...good, event: { kind: 'message.body', threadId: 't' } })).toBeNull();
    expect(asEnvelope({ ...good, audience: { type: 'users', userIds: [1] } })).toBeNull();
    expect(asEnvelope({ ...good, audience: { type: 'everyone' } })).toBeNull();
    expect(asEnvelope('x')).toBeNull();
  });

  it('writes only the kind and the id to the wire', () => {
    const leaky = { kind: 'thread.message', threadId: 't', body: 'secret' } as never;
    expect(wireEvent(leaky)).toEqual({ kind: 'thread.message', threadId: 't' });
    expect(wireEvent({ kind: 'notification.created', title: 'x' } as never)).toEqual({ kind: 'notification.created' });
  });
});

describe(endsStream.name, () => {
  const user = 'a8e1c7a2-5b0e-4d7e-9d3a-1f2e3d4c5b6a';
  const [phone, laptop] = ['0d9f8e7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f', '7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910'];
  const on = (sessionId: string): LiveListener => ({ ...agent, id: user, sessionId });

  it('ends the streams of the one session that ended, or of all but the one kept', () => {
    expect([phone, laptop].map((s) => endsStream({ userId: user, sessionId: phone, exceptSessionId: null }, on(s)))).toEqual([true, false]);
    expect([phone, laptop].map((s) => endsStream({ userId: user, sessionId: null, exceptSessionId: laptop }, on(s)))).toEqual([true, false]);
    expect([phone, laptop].map((s) => endsStream({ userId: user, sessionId: null, exceptSessionId: null }, on(s)))).toEqual([true, true]);
  });

  it('never ends another user’s stream', () => {
    expect(endsStream({ userId: user, sessionId: null, exceptSessionId: null }, { ...agent, sessionId: phone })).toBe(false);
  });

  it('reads only well-formed messages from the bus', () => {
    const good = { userId: user, sessionId: phone, exceptSessionId: null };
    expect(asEndedSessions(good)).toEqual(good);
    expect(asEndedSessions({ ...good, userId: 'x' })).toBeNull();
    expect(asEndedSessions({ userId: user })).toBeNull();
    expect(asEndedSessions('ended')).toBeNull();
  });
});

describe(accessTokenExpiry.name, () => {
  const token = (payload: object) => `Bearer h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`;

  it('reads the exp claim of the bearer token', () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    expect(accessTokenExpiry(token({ exp }))).toBe(exp * 1000);
  });

  it('gives at most a quarter of an hour', () => {
    const now = Date.now();
    expect(accessTokenExpiry(token({ exp: Math.floor(now / 1000) + 86_400 }))).toBeLessThanOrEqual(now + 15 * 60_000 + 50);
    expect(accessTokenExpiry(undefined)).toBeGreaterThanOrEqual(now + 15 * 60_000);
    expect(accessTokenExpiry(token({}))).toBeGreaterThanOrEqual(now + 15 * 60_000);
  });
});
