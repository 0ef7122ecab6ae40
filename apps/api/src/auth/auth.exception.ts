import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type AuthErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'SESSION_EXPIRED'
  | 'CHALLENGE_EXPIRED'
  | 'TOTP_INVALID'
  | 'TOTP_NOT_STARTED'
  | 'TOTP_REQUIRED_FOR_STAFF'
  | 'WRONG_PASSWORD'
  | 'TOKEN_INVALID'
  | 'LOGIN_LOCKED'
  | 'TOO_MANY_ATTEMPTS'
  | 'FORBIDDEN';

export class AuthException extends DomainException {
  /** `retryAfterSeconds`: for the rate-limit codes, sent as `Retry-After` and in the body. */
  constructor(code: AuthErrorCode, retryAfterSeconds?: number) {
    const { kind, message } = describe(code, Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)));
    super(code, kind, message, undefined, retryAfterSeconds === undefined ? undefined : { retryAfterSeconds });
  }
}

/** "1 minute", "15 minutes". */
export function inMinutes(minutes: number): string {
  return minutes > 1 ? `${minutes} minutes` : '1 minute';
}

function describe(code: AuthErrorCode, minutes: number): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'UNAUTHENTICATED':
      return { kind: 'UNAUTHENTICATED', message: 'Votre session a expiré ou n’est pas valide : reconnectez-vous.' };
    case 'INVALID_CREDENTIALS':
      return { kind: 'UNAUTHENTICATED', message: 'Adresse électronique ou mot de passe incorrect.' };
    case 'SESSION_EXPIRED':
      return { kind: 'UNAUTHENTICATED', message: 'Votre session est terminée : reconnectez-vous.' };
    case 'CHALLENGE_EXPIRED':
      return { kind: 'UNAUTHENTICATED', message: 'Le délai pour saisir le code est dépassé : reconnectez-vous.' };
    case 'TOTP_INVALID':
      return {
        kind: 'UNAUTHENTICATED',
        message: 'Code incorrect. Saisissez le code à 6 chiffres affiché par votre application, ou un code de secours.',
      };
    case 'TOTP_NOT_STARTED':
      return { kind: 'CONFLICT', message: 'Commencez par afficher le QR code de la double authentification.' };
    case 'TOTP_REQUIRED_FOR_STAFF':
      return {
        kind: 'FORBIDDEN',
        message: 'La double authentification est obligatoire pour les agents et administrateurs du département.',
      };
    case 'WRONG_PASSWORD':
      return { kind: 'INVALID', message: 'Le mot de passe actuel est incorrect.' };
    case 'TOKEN_INVALID':
      return {
        kind: 'NOT_FOUND',
        message: 'Ce lien n’est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau.',
      };
    case 'LOGIN_LOCKED':
      // The same words whether the address has an account or not: a lock must not tell who uses Passerelle.
      return {
        kind: 'RATE_LIMITED',
        message:
          `Trop de tentatives de connexion pour cette adresse électronique : par sécurité, la connexion est suspendue ` +
          `pendant ${inMinutes(minutes)}. Si vous avez oublié votre mot de passe, choisissez-en un nouveau avec ` +
          '« Mot de passe oublié ? ».',
      };
    case 'TOO_MANY_ATTEMPTS':
      return {
        kind: 'RATE_LIMITED',
        message: `Trop de tentatives de connexion depuis votre réseau : réessayez dans ${inMinutes(minutes)}.`,
      };
    case 'FORBIDDEN':
      return { kind: 'FORBIDDEN', message: 'Vous n’avez pas les droits nécessaires pour cette action.' };
  }
}
