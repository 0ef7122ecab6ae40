import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets, worked out once: with our options they depend on the configuration only, never on the
 * request (no nonce, no function directive), yet helmet's middleware rebuilt the policy on every response — a
 * twentieth of what a kept public page cost. A hook then sets them on every response.
 */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown = 'helmet did not finish synchronously';
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error ?? null;
  });
  if (failure !== null) {
    throw failure instanceof Error ? failure : new Error(String(failure));
  }
  return Object.freeze(headers);
}
