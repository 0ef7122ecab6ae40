import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type WorkspacesErrorCode =
  | 'DEPARTEMENT_NOT_FOUND'
  | 'WORKSPACE_NOT_OPEN'
  | 'WORKSPACE_ALREADY_OPEN'
  | 'COMMUNE_NOT_ELIGIBLE'
  | 'NO_FREE_SEAT'
  | 'MAYOR_SEAT_TAKEN'
  | 'ALREADY_MEMBER'
  | 'ALREADY_INVITED'
  | 'MEMBER_NOT_FOUND'
  | 'INVITATION_NOT_FOUND'
  | 'INVITATION_INVALID'
  | 'CANNOT_DISABLE_SELF'
  | 'INVITATION_MAIL_LIMIT'
  | 'FORBIDDEN';

export class WorkspacesException extends DomainException {
  /** `retryAfterSeconds`: for INVITATION_MAIL_LIMIT, sent as `Retry-After` and in the body. */
  constructor(code: WorkspacesErrorCode, retryAfterSeconds?: number) {
    const { kind, message } = describe(code, Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)));
    super(code, kind, message, undefined, retryAfterSeconds === undefined ? undefined : { retryAfterSeconds });
  }
}

function describe(code: WorkspacesErrorCode, minutes: number): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'DEPARTEMENT_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce département est introuvable.' };
    case 'WORKSPACE_NOT_OPEN':
      return { kind: 'NOT_FOUND', message: 'L’espace de cette commune n’est pas encore ouvert.' };
    case 'WORKSPACE_ALREADY_OPEN':
      return { kind: 'CONFLICT', message: 'L’espace de cette commune est déjà ouvert : gérez son équipe depuis sa fiche.' };
    case 'COMMUNE_NOT_ELIGIBLE':
      return {
        kind: 'CONFLICT',
        message: 'Passerelle est réservé aux communes sous le seuil de population du département : cet espace ne peut pas être ouvert.',
      };
    case 'NO_FREE_SEAT':
      return {
        kind: 'CONFLICT',
        message:
          'Les 4 places de l’espace sont occupées (1 maire et 3 collaborateurs, invitations en attente comprises). ' +
          'Retirez un collaborateur ou annulez une invitation pour libérer une place.',
      };
    case 'MAYOR_SEAT_TAKEN':
      return {
        kind: 'CONFLICT',
        message: 'Cette commune a déjà un maire (ou une invitation de maire en attente) : utilisez « Remplacer le maire ».',
      };
    case 'ALREADY_MEMBER':
      return { kind: 'CONFLICT', message: 'Cette adresse électronique a déjà un compte Passerelle actif.' };
    case 'ALREADY_INVITED':
      return {
        kind: 'CONFLICT',
        message: 'Une invitation est déjà en attente pour cette adresse électronique : renvoyez-la ou annulez-la.',
      };
    case 'MEMBER_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce membre est introuvable dans l’équipe.' };
    case 'INVITATION_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Cette invitation est introuvable ou n’est plus en attente.' };
    case 'INVITATION_INVALID':
      return {
        kind: 'NOT_FOUND',
        message: 'Cette invitation n’est plus valable (déjà acceptée, annulée ou expirée). Demandez une nouvelle invitation.',
      };
    case 'INVITATION_MAIL_LIMIT':
      return {
        kind: 'RATE_LIMITED',
        message:
          'Cette adresse électronique a déjà reçu plusieurs invitations de votre part dans l’heure : pour ne pas encombrer sa ' +
          `messagerie, attendez ${minutes > 1 ? `${minutes} minutes` : '1 minute'} avant de la relancer.`,
      };
    case 'CANNOT_DISABLE_SELF':
      return { kind: 'CONFLICT', message: 'Vous ne pouvez pas désactiver votre propre compte.' };
    case 'FORBIDDEN':
      return { kind: 'FORBIDDEN', message: 'Seul le maire (ou un administrateur du département) peut faire cette action.' };
  }
}
