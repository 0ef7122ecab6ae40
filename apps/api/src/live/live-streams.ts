import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { LIVE_HEARTBEAT_MS } from '@passerelle/shared/dto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../common/access/auth-user';
import { ClusterBus } from '../cluster/cluster-bus';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { asEndedSessions, asEnvelope, endsStream, type LiveListener, reaches, wireEvent } from './live-audience';
import { InstanceFullException, TooManyStreamsException } from './live.exception';
import { LiveStream } from './live-stream';

/** The bus channel of live events: every instance hears every event and writes it to its own streams. */
export const LIVE_CHANNEL = 'live.events';
/** The bus channel of ended sessions: every instance closes the streams it holds for them. */
export const SESSIONS_ENDED_CHANNEL = 'live.sessions-ended';

/**
 * Streams one user may hold open on one instance (tabs, devices). Browsers allow six connections per origin over
 * HTTP/1.1: more streams would starve the tabs' own requests.
 */
export const MAX_STREAMS_PER_USER = 5;

/**
 * The open event streams of this instance, by département (a thread's event concerns one) and by user (their
 * notifications, the cap). Events come from the cluster bus, so a change made through another instance reaches
 * the streams held here.
 */
@Injectable()
export class LiveStreams implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveStreams.name);
  private readonly byDepartement = new Map<string, Set<LiveStream>>();
  private readonly byUser = new Map<string, Set<LiveStream>>();
  private unsubscribe: (() => void)[] = [];
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly bus: ClusterBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = [
      this.bus.subscribe(LIVE_CHANNEL, (message) => this.deliver(message)),
      this.bus.subscribe(SESSIONS_ENDED_CHANNEL, (message) => this.closeEnded(message)),
    ];
    // Keeps this instance's own open connections alive (proxies close a silent one): every instance must beat for
    // the streams it holds, so this is a per-process timer, not a durable job (a job runs on one instance only).
    // One timer for all the streams of the instance rather than one per stream.
    this.heartbeat = setInterval(() => this.forEach((stream) => stream.heartbeat()), LIVE_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Before the HTTP server closes: open streams would keep it waiting for ever. Clients reconnect elsewhere. */
  beforeApplicationShutdown(): void {
    this.unsubscribe.splice(0).forEach((unsubscribe) => unsubscribe());
    if (this.heartbeat) {
      clearInterval(this.heartbeat);
    }
    this.forEach((stream) => stream.close());
  }

  /** Streams open on this instance (all users). */
  get size(): number {
    let size = 0;
    for (const streams of this.byUser.values()) {
      size += streams.size;
    }
    return size;
  }

  /**
   * Answers the request with an event stream for `user`. The stream ends when its session ends (a sign-out, a
   * deactivation: `LiveEvents.sessionsEnded`), and at the latest when the access token that opened it expires: it
   * never outlives its token, and the client comes back with a fresh one.
   */
  open(user: AuthUser, request: FastifyRequest, reply: FastifyReply): void {
    if ((this.byUser.get(user.id)?.size ?? 0) >= MAX_STREAMS_PER_USER) {
      throw new TooManyStreamsException();
    }
    if (this.size >= this.config.liveMaxStreams) {
      throw new InstanceFullException();
    }
    const listener: LiveListener = {
      id: user.id,
      sessionId: user.sessionId,
      role: user.role,
      departementCode: user.departementCode,
      communeInsee: user.communeInsee,
    };
    // From here on Fastify no longer answers: the response is written by hand, headers set so far kept (request
    // id, security headers). No compression: it would hold events back until a buffer fills.
    reply.hijack();
    const response = reply.raw;
    const kept = Object.entries(reply.getHeaders()).filter((entry): entry is [string, string | number | string[]] => entry[1] !== undefined);
    response.writeHead(200, {
      ...Object.fromEntries(kept),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    });
    request.raw.socket.setNoDelay(true);
    const stream = new LiveStream(listener, response);
    stream.heartbeat();
    this.add(stream);

    const expiresInMs = accessTokenExpiry(request.headers.authorization) - Date.now();
    const expiry = setTimeout(() => stream.close(), Math.max(0, expiresInMs));
    expiry.unref();
    response.on('close', () => {
      clearTimeout(expiry);
      this.remove(stream);
    });
  }

  private deliver(message: unknown): void {
    const envelope = asEnvelope(message);
    if (!envelope) {
      this.logger.warn('Événement en direct mal formé ignoré.');
      return;
    }
    const { audience } = envelope;
    const candidates =
      audience.type === 'users'
        ? audience.userIds.flatMap((id) => [...(this.byUser.get(id) ?? [])])
        : [...(this.byDepartement.get(audience.departementCode) ?? [])];
    const event = wireEvent(envelope.event);
    for (const stream of candidates) {
      if (reaches(audience, stream.listener)) {
        stream.send(envelope.id, event);
      }
    }
  }

  private closeEnded(message: unknown): void {
    const ended = asEndedSessions(message);
    if (!ended) {
      this.logger.warn('Fin de session mal formée ignorée.');
      return;
    }
    for (const stream of [...(this.byUser.get(ended.userId) ?? [])]) {
      if (endsStream(ended, stream.listener)) {
        stream.close();
      }
    }
  }

  private add(stream: LiveStream): void {
    const { id, departementCode } = stream.listener;
    setOf(this.byUser, id).add(stream);
    setOf(this.byDepartement, departementCode).add(stream);
  }

  private remove(stream: LiveStream): void {
    const { id, departementCode } = stream.listener;
    deleteFrom(this.byUser, id, stream);
    deleteFrom(this.byDepartement, departementCode, stream);
  }

  private forEach(action: (stream: LiveStream) => void): void {
    for (const streams of this.byUser.values()) {
      [...streams].forEach(action);
    }
  }
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}

function deleteFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  set?.delete(value);
  if (set?.size === 0) {
    map.delete(key);
  }
}

/**
 * When the bearer token of the request expires (ms since the epoch). The access guard has already verified it:
 * only its `exp` claim is read here. Without one, the stream gets a quarter of an hour (the longest access token).
 */
export function accessTokenExpiry(authorization: string | undefined): number {
  const fallback = Date.now() + 15 * 60_000;
  const payload = authorization?.match(/^Bearer [\w-]+\.([\w-]+)\.[\w-]+$/)?.[1];
  if (!payload) {
    return fallback;
  }
  try {
    const exp: unknown = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? Math.min(exp * 1000, fallback) : fallback;
  } catch {
    return fallback;
  }
}
