import { ALLOWED_DOCUMENT_TYPES } from '@passerelle/shared/dto';
import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type DocumentsErrorCode =
  | 'DOCUMENT_NOT_FOUND'
  | 'FILE_MISSING'
  | 'QUOTA_EXCEEDED'
  | 'UNSUPPORTED_FILE_TYPE';

export class DocumentsException extends DomainException {
  constructor(code: DocumentsErrorCode) {
    const { kind, message } = describe(code);
    super(code, kind, message);
  }
}

function describe(code: DocumentsErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'DOCUMENT_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Ce document est introuvable (il a peut-être été supprimé).' };
    case 'FILE_MISSING':
      return { kind: 'INVALID', message: 'Aucun fichier reçu : choisissez un fichier à envoyer (champ « file »).' };
    case 'QUOTA_EXCEEDED':
      return {
        kind: 'PAYLOAD_TOO_LARGE',
        message: 'L’espace de stockage de la commune est plein : supprimez des documents devenus inutiles ou contactez le département.',
      };
    case 'UNSUPPORTED_FILE_TYPE':
      return {
        kind: 'UNSUPPORTED_MEDIA_TYPE',
        message: `Ce type de fichier n’est pas accepté. Types acceptés : ${[...new Set(Object.values(ALLOWED_DOCUMENT_TYPES))].join(', ')}.`,
      };
  }
}
