/**
 * What `GET /api/events` (server-sent events) tells a signed-in client: a kind and an id, never content. The client
 * reads again, through the usual routes, what it may see; so an event cannot carry an internal note to a commune.
 */
export type LiveEventDto =
  /** A new question of a commune (the agents' inbox). */
  | { kind: 'thread.created'; threadId: string }
  /** A message in a thread: an answer, or an internal note (those reach the département's staff only). */
  | { kind: 'thread.message'; threadId: string }
  /** Anything else about a thread: its state, assignee, labels, a corrected message, a rating. */
  | { kind: 'thread.updated'; threadId: string }
  /** A notification for the user of the stream (the bell's count). */
  | { kind: 'notification.created' };

export type LiveEventKind = LiveEventDto['kind'];

export const LIVE_EVENT_KINDS: readonly LiveEventKind[] = ['thread.created', 'thread.message', 'thread.updated', 'notification.created'];

/**
 * The server writes a comment line at least this often, so that proxies and idle timeouts keep the stream open; a
 * client that hears nothing for twice as long takes the connection for lost and opens another.
 */
export const LIVE_HEARTBEAT_MS = 25_000;
