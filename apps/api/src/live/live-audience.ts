import type { LiveEventDto } from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { isUuid } from '../common/http/uuid';

/**
 * Who may hear of an event, decided by tenancy as the routes decide who may read:
 * - a thread: the département's staff, and the members of its commune unless the event is staff-only (an internal
 *   note, an assignment, labels);
 * - users: these accounts only (their notifications).
 */
export type LiveAudience =
  | { type: 'thread'; departementCode: string; communeInsee: string | null }
  | { type: 'users'; userIds: string[] };

/** What travels between instances: the event for the wire, and whom it is for (never written to a stream). */
export interface LiveEnvelope {
  id: string;
  event: LiveEventDto;
  audience: LiveAudience;
}

/** What a stream knows of its user, as the access guard loaded it when the stream opened. */
export type LiveListener = Pick<AuthUser, 'id' | 'sessionId' | 'role' | 'departementCode' | 'communeInsee'>;

/**
 * Sessions that ended (a sign-out, a member disabled, a password changed): their streams close at once on every
 * instance, rather than when their access token expires. `sessionId` null: every session of the user but
 * `exceptSessionId`.
 */
export interface EndedSessions {
  userId: string;
  sessionId: string | null;
  exceptSessionId: string | null;
}

/** A bus message about ended sessions, checked as `asEnvelope` checks events. */
export function asEndedSessions(message: unknown): EndedSessions | null {
  if (typeof message !== 'object' || message === null) {
    return null;
  }
  const { userId, sessionId, exceptSessionId } = message as Record<string, unknown>;
  if (!isUuid(userId) || (sessionId !== null && !isUuid(sessionId)) || (exceptSessionId !== null && !isUuid(exceptSessionId))) {
    return null;
  }
  return { userId, sessionId, exceptSessionId };
}

export function endsStream(ended: EndedSessions, listener: LiveListener): boolean {
  if (listener.id !== ended.userId) {
    return false;
  }
  return ended.sessionId !== null ? listener.sessionId === ended.sessionId : listener.sessionId !== ended.exceptSessionId;
}

export function reaches(audience: LiveAudience, listener: LiveListener): boolean {
  switch (audience.type) {
    case 'users':
      return audience.userIds.includes(listener.id);
    case 'thread':
      if (listener.departementCode !== audience.departementCode) {
        return false;
      }
      return isStaff(listener) || (audience.communeInsee !== null && listener.communeInsee === audience.communeInsee);
  }
}

const THREAD_KINDS = new Set<string>(['thread.created', 'thread.message', 'thread.updated']);

/**
 * A message of the bus, checked before use: with Redis it crossed a network, and a malformed one (an older or newer
 * instance during a rolling update) is dropped rather than written to streams.
 */
export function asEnvelope(message: unknown): LiveEnvelope | null {
  if (typeof message !== 'object' || message === null) {
    return null;
  }
  const { id, event, audience } = message as Partial<Record<keyof LiveEnvelope, unknown>>;
  if (typeof id !== 'string' || !isEvent(event) || !isAudience(audience)) {
    return null;
  }
  return { id, event, audience };
}

function isEvent(value: unknown): value is LiveEventDto {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { kind, threadId } = value as Record<string, unknown>;
  if (kind === 'notification.created') {
    return true;
  }
  return typeof kind === 'string' && THREAD_KINDS.has(kind) && typeof threadId === 'string';
}

function isAudience(value: unknown): value is LiveAudience {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const audience = value as Record<string, unknown>;
  if (audience['type'] === 'users') {
    return Array.isArray(audience['userIds']) && audience['userIds'].every((id) => typeof id === 'string');
  }
  return (
    audience['type'] === 'thread' &&
    typeof audience['departementCode'] === 'string' &&
    (audience['communeInsee'] === null || typeof audience['communeInsee'] === 'string')
  );
}

/** Only the kind and the id go on the wire, whatever else a future publisher might put in the event. */
export function wireEvent(event: LiveEventDto): LiveEventDto {
  return event.kind === 'notification.created' ? { kind: event.kind } : { kind: event.kind, threadId: event.threadId };
}
