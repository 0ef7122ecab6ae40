/** What kind of failure a domain error is; the global filter turns it into an HTTP status. */
export type ErrorKind =
  | 'INVALID'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  /** Existed, and is no more on purpose (an expired download link): 410. */
  | 'GONE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

/**
 * Base of every feature's exception (`TerritoryException`, …): a stable code, a kind, a French message for
 * the user and, for invalid input, field errors.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly errors?: Record<string, string>,
    /** More fields for the error body, e.g. the current state of a resource after a conflict. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Invalid input (body, query or path), with one French message per field. */
export class ValidationFailedException extends DomainException {
  constructor(errors: Record<string, string>) {
    super('VALIDATION_FAILED', 'INVALID', 'Certaines informations sont invalides : corrigez les champs indiqués.', errors);
  }
}

/** A JSON body with more keys or deeper nesting than any form of the API sends, refused before it is transformed. */
export class BodyTooComplexException extends DomainException {
  constructor(limits: { maxEntries: number; maxDepth: number }) {
    super(
      'BODY_TOO_COMPLEX',
      'INVALID',
      `Le contenu envoyé est trop complexe : au plus ${limits.maxEntries} champs ` +
        `et ${limits.maxDepth} niveaux d’imbrication.`,
    );
  }
}
