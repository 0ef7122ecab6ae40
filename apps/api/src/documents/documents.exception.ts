import { ALLOWED_DOCUMENT_TYPES, MAX_UPLOAD_BYTES } from '@passerelle/shared/dto';
import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';

export type DocumentsErrorCode =
  | 'DOCUMENT_NOT_FOUND'
  | 'FILE_MISSING'
  | 'FILE_TOO_LARGE'
  | 'QUOTA_EXCEEDED'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'UNREADABLE_IMAGE';

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
    case 'FILE_TOO_LARGE':
      return {
        kind: 'PAYLOAD_TOO_LARGE',
        message: `Ce fichier dépasse ${MAX_UPLOAD_BYTES / 1024 / 1024} Mo : réduisez-le (par exemple en compressant les images) ou découpez-le.`,
      };
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
    case 'UNREADABLE_IMAGE':
      return { kind: 'UNSUPPORTED_MEDIA_TYPE', message: 'Cette image est illisible ou abîmée : enregistrez-la à nouveau puis réessayez.' };
  }
}
