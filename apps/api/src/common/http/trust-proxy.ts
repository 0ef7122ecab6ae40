import { isIP } from 'node:net';

/**
 * Which peers may tell us the client's address (`X-Forwarded-For`) and protocol: nobody (`false`), the first
 * `n` hops (a number), or the listed proxies (addresses, CIDR ranges, proxy-addr keywords). Passed as is to
 * Fastify's `trustProxy`, so `request.ip` is the forwarded address only when the peer is one of them.
 */
export type TrustProxy = false | number | readonly string[];

/** Named ranges understood by proxy-addr (Fastify's implementation of `trustProxy`). */
const KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];
const MAX_HOPS = 10;

export interface ParsedTrustProxy {
  value: TrustProxy;
  problem: string | null;
}

/** `TRUST_PROXY`: empty → trust nobody; `2` → two hops; `10.0.0.2, 172.30.0.0/24, ::1` → those proxies. */
export function parseTrustProxy(raw: string | undefined, name = 'TRUST_PROXY'): ParsedTrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '') {
    return { value: false, problem: null };
  }
  const expected =
    `${name} : attendu un nombre de relais (entier de 0 à ${MAX_HOPS}) ou la liste, séparée par des virgules, ` +
    `des adresses IP ou plages CIDR des relais (par exemple 172.30.0.10 ou 10.0.0.0/8, ::1), ou loopback`;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) {
      return { value: false, problem: `${expected} (valeur reçue : « ${value} »)` };
    }
    return { value: hops === 0 ? false : hops, problem: null };
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isProxyEntry(entry));
  if (wrong.length > 0) {
    return { value: false, problem: `${expected} ; non reconnu : ${wrong.map((w) => `« ${w} »`).join(', ')}` };
  }
  return { value: Object.freeze([...new Set(entries)]), problem: null };
}

function isProxyEntry(entry: string): boolean {
  if (KEYWORDS.includes(entry)) {
    return true;
  }
  const slash = entry.indexOf('/');
  if (slash === -1) {
    return isIP(entry) !== 0;
  }
  const version = isIP(entry.slice(0, slash));
  const prefix = entry.slice(slash + 1);
  if (version === 0 || !/^\d{1,3}$/.test(prefix)) {
    return false;
  }
  return Number(prefix) <= (version === 4 ? 32 : 128);
}
