const MINUTE = 60_000;

/** Waits before the 1st, 2nd, … retry: about 14 h 36 min in all, so a night-long SMTP outage loses nothing. */
export const RETRY_DELAYS_MS: readonly number[] = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * 60 * MINUTE, 12 * 60 * MINUTE];

const MAX_ERROR_LENGTH = 300;

export interface DeliveryError {
  /** Shortened, without links (a mail's link may be a sign-in link quoted back by the server). */
  message: string;
  /** The server refused the recipient for good (5xx): trying again cannot help. */
  permanent: boolean;
}

/**
 * The wait before the next try after the failed try number `attempts` (1 for the first try), or `null` when it was
 * the last one (the mail is then listed as failed for admins).
 */
export function retryDelayMs(attempts: number, error: Pick<DeliveryError, 'permanent'>): number | null {
  if (error.permanent || attempts > RETRY_DELAYS_MS.length) {
    return null;
  }
  return RETRY_DELAYS_MS[attempts - 1];
}

/**
 * Reads a nodemailer error. Only a recipient refused with a 5xx reply is permanent: a 5xx to the whole session (bad
 * credentials, relay denied) is a configuration problem that the operator may fix within the retries.
 */
export function describeDeliveryError(error: unknown): DeliveryError {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    message?: unknown;
    code?: unknown;
    responseCode?: unknown;
  };
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : null;
  const code = typeof fields.code === 'string' ? fields.code : null;
  const raw = typeof fields.message === 'string' ? fields.message : String(error);
  const message = [code, raw]
    .filter(Boolean)
    .join(' : ')
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[lien]')
    // eslint-disable-next-line no-control-regex -- server replies are shown to admins: no control characters.
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, MAX_ERROR_LENGTH);
  const permanent = code === 'EENVELOPE' && responseCode !== null && responseCode >= 500 && responseCode < 600;
  return { message, permanent };
}
