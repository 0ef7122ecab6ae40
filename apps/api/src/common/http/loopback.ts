import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 form (what a dual-stack socket reports for 127.0.0.1). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) {
    return false;
  }
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    return v4.startsWith('127.');
  }
  return address === '::1' || address === '0:0:0:0:0:0:0:1';
}

/** The interface the server listens on is reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || isLoopbackAddress(bare);
}

/** Headers a reverse proxy adds: a request carrying one was forwarded, so its real client is elsewhere. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'];

/**
 * A client sitting on this machine and talking to the server directly: the TCP peer is loopback (never the
 * forwarded address, even from a trusted proxy) and no proxy forwarded the request (a proxy on the same host
 * connects from loopback on behalf of remote clients).
 */
export function isLocalDirectClient(socketAddress: string | undefined, headers: Record<string, unknown>): boolean {
  return isLoopbackAddress(socketAddress) && FORWARDING_HEADERS.every((name) => headers[name] === undefined);
}
