import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type FaqErrorCode =
  | 'FAQ_NOT_FOUND'
  | 'FAQ_VERSION_CONFLICT'
  | 'FAQ_WRONG_STATUS'
  | 'FAQ_OWN_ENTRY'
  | 'FAQ_REASON_REQUIRED'
  | 'FAQ_ARCHIVED'
  | 'FAQ_PERSONAL_DATA'
  | 'FAQ_THREAD_NOT_FOUND'
  | 'FAQ_THREAD_NOT_ANSWERED';

export class FaqException extends DomainException {
  constructor(code: FaqErrorCode, extra?: Record<string, unknown>) {
    const { kind, message } = describe(code);
    super(code, kind, message, code === 'FAQ_REASON_REQUIRED' ? { reason: message } : undefined, extra);
  }
}

function describe(code: FaqErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'FAQ_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Cette réponse de la FAQ est introuvable.' };
    case 'FAQ_VERSION_CONFLICT':
      return { kind: 'CONFLICT', message: 'Quelqu’un d’autre a modifié cette réponse entre-temps : rechargez-la avant de recommencer.' };
    case 'FAQ_WRONG_STATUS':
      return { kind: 'CONFLICT', message: 'Cette action n’est pas possible dans l’état actuel de la réponse.' };
    case 'FAQ_OWN_ENTRY':
      return { kind: 'FORBIDDEN', message: 'Une réponse est relue par un autre agent que celui qui l’a rédigée ou soumise.' };
    case 'FAQ_REASON_REQUIRED':
      return { kind: 'INVALID', message: 'Indiquez ce qui doit être repris : l’auteur le lira.' };
    case 'FAQ_PERSONAL_DATA':
      return { kind: 'CONFLICT', message: 'Reformulez les passages signalés (noms, adresses, téléphones, nom de la commune) avant de soumettre.' };
    case 'FAQ_THREAD_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Cette question est introuvable.' };
    case 'FAQ_THREAD_NOT_ANSWERED':
      return { kind: 'CONFLICT', message: 'Une question devient une réponse de la FAQ une fois que le département y a répondu.' };
    case 'FAQ_ARCHIVED':
      return { kind: 'CONFLICT', message: 'Cette réponse est archivée : elle ne peut plus être modifiée.' };
  }
}
