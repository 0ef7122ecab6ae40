import { AID_GRANT_IMPORT_MAX_BYTES } from '@passerelle/shared/dto';
import { DomainException, type ErrorKind } from '../../common/exceptions/domain.exception';
import { GRANT_COLUMN_LABELS, type GrantColumn, REQUIRED_GRANT_COLUMNS } from './grant-file';

export type AidGrantImportErrorCode =
  | 'AID_GRANT_IMPORT_NOT_FOUND'
  | 'AID_GRANT_FILE_MISSING'
  | 'AID_GRANT_FILE_TOO_LARGE'
  | 'AID_GRANT_FILE_NOT_TEXT'
  | 'AID_GRANT_FILE_NO_HEADER'
  | 'AID_GRANT_FILE_MALFORMED';

/** What a message needs to say more than its code: the columns not found, the line where reading stopped. */
export interface AidGrantImportErrorDetail {
  missing?: readonly GrantColumn[];
  line?: number | null;
}

const RE_SAVE = 'Ouvrez-le dans votre tableur et enregistrez-le au format « CSV (séparateur : point-virgule) », puis importez ce fichier.';

export class AidGrantImportException extends DomainException {
  constructor(code: AidGrantImportErrorCode, detail: AidGrantImportErrorDetail = {}) {
    const { kind, message } = describe(code, detail);
    super(code, kind, message);
  }
}

function describe(code: AidGrantImportErrorCode, detail: AidGrantImportErrorDetail): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'AID_GRANT_IMPORT_NOT_FOUND':
      return { kind: 'NOT_FOUND', message: 'Cet import est introuvable (il a peut-être été supprimé ou remplacé).' };
    case 'AID_GRANT_FILE_MISSING':
      return { kind: 'INVALID', message: 'Aucun fichier reçu : choisissez le fichier CSV des subventions à importer (champ « file »).' };
    case 'AID_GRANT_FILE_TOO_LARGE':
      return {
        kind: 'PAYLOAD_TOO_LARGE',
        message: `Ce fichier dépasse ${AID_GRANT_IMPORT_MAX_BYTES / 1024 / 1024} Mo : importez les subventions d’une année à la fois.`,
      };
    case 'AID_GRANT_FILE_NOT_TEXT':
      return { kind: 'UNSUPPORTED_MEDIA_TYPE', message: `Ce fichier n’est pas un fichier CSV (texte). ${RE_SAVE}` };
    case 'AID_GRANT_FILE_NO_HEADER': {
      const expected = REQUIRED_GRANT_COLUMNS.map((column) => GRANT_COLUMN_LABELS[column]).join(', ');
      const missing = (detail.missing ?? []).map((column) => GRANT_COLUMN_LABELS[column]).join(', ');
      return {
        kind: 'INVALID',
        message:
          `La ligne d’en-tête du fichier est introuvable. Colonnes attendues : ${expected} ` +
          `(et, si le fichier les donne, ${GRANT_COLUMN_LABELS.beneficiary} et ${GRANT_COLUMN_LABELS.scheme})` +
          (missing ? `. Colonnes non reconnues : ${missing}.` : '.'),
      };
    }
    case 'AID_GRANT_FILE_MALFORMED':
      return {
        kind: 'INVALID',
        message: `Le fichier n’a pas pu être lu${detail.line ? ` (ligne ${detail.line})` : ''} : un guillemet n’est pas refermé ou une ligne est trop longue. ${RE_SAVE}`,
      };
  }
}
