import { DomainException, type ErrorKind } from '../../common/exceptions/domain.exception';

export type AccountDeletionErrorCode =
  | 'ACCOUNT_DELETION_LAST_MAYOR'
  | 'ACCOUNT_DELETION_LAST_ADMIN'
  | 'ACCOUNT_DELETION_ALREADY_REQUESTED'
  | 'ACCOUNT_DELETION_NOT_REQUESTED'
  | 'ACCOUNT_DELETION_OWN_ACCOUNT'
  | 'USER_NOT_FOUND';

export class AccountDeletionException extends DomainException {
  constructor(code: AccountDeletionErrorCode) {
    const { kind, message } = describe(code);
    super(code, kind, message);
  }
}

function describe(code: AccountDeletionErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'ACCOUNT_DELETION_LAST_MAYOR':
      return {
        kind: 'CONFLICT',
        message:
          'Ce compte est celui du maire de la commune : il ne peut pas être supprimé tant que le département n’a pas désigné ' +
          'un autre maire (« Remplacer le maire » sur la fiche de la commune). Demandez-le au département.',
      };
    case 'ACCOUNT_DELETION_LAST_ADMIN':
      return {
        kind: 'CONFLICT',
        message:
          'Ce compte est celui du dernier administrateur actif du département : nommez d’abord un autre administrateur, ' +
          'puis demandez la suppression.',
      };
    case 'ACCOUNT_DELETION_ALREADY_REQUESTED':
      return { kind: 'CONFLICT', message: 'La suppression de ce compte est déjà demandée.' };
    case 'ACCOUNT_DELETION_NOT_REQUESTED':
      return { kind: 'NOT_FOUND', message: 'Aucune suppression n’est prévue pour ce compte.' };
    case 'ACCOUNT_DELETION_OWN_ACCOUNT':
      return { kind: 'CONFLICT', message: 'Pour supprimer votre propre compte, passez par « Mon compte ».' };
    case 'USER_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce compte est introuvable.' };
  }
}
