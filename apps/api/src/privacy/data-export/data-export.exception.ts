import { DATA_EXPORT_LINK_DAYS } from '@passerelle/shared/dto';
import { DomainException, type ErrorKind } from '../../common/exceptions/domain.exception';

export type DataExportErrorCode =
  | 'DATA_EXPORT_NOT_FOUND'
  | 'DATA_EXPORT_PENDING'
  | 'DATA_EXPORT_TOO_MANY'
  | 'DATA_EXPORT_NOT_READY'
  | 'DATA_EXPORT_EXPIRED'
  | 'DATA_EXPORT_UNAVAILABLE';

export class DataExportException extends DomainException {
  constructor(code: DataExportErrorCode, extra?: Record<string, unknown>) {
    const { kind, message } = describe(code);
    super(code, kind, message, undefined, extra);
  }
}

function describe(code: DataExportErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'DATA_EXPORT_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Cette archive de vos données est introuvable.' };
    case 'DATA_EXPORT_PENDING':
      return { kind: 'CONFLICT', message: 'Une archive de vos données est déjà en préparation : vous serez prévenu dès qu’elle sera prête.' };
    case 'DATA_EXPORT_TOO_MANY':
      return { kind: 'RATE_LIMITED', message: 'Vous avez demandé vos données plusieurs fois aujourd’hui : réessayez demain, ou téléchargez la dernière archive préparée.' };
    case 'DATA_EXPORT_NOT_READY':
      return { kind: 'CONFLICT', message: 'Cette archive n’est pas disponible : elle est encore en préparation, ou sa préparation a échoué (demandez-en une nouvelle).' };
    case 'DATA_EXPORT_EXPIRED':
      return {
        kind: 'GONE',
        message: `Ce lien a expiré : une archive reste téléchargeable ${DATA_EXPORT_LINK_DAYS} jours. Demandez une nouvelle archive depuis la page « Mon compte ».`,
      };
    case 'DATA_EXPORT_UNAVAILABLE':
      return { kind: 'UNAVAILABLE', message: 'Le stockage des fichiers est momentanément indisponible : réessayez dans quelques instants.' };
  }
}
