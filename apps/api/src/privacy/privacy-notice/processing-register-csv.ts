import type { PrivacyNoticeDto } from '@passerelle/shared/dto';
import { csvField } from '../../common/http/csv';

/**
 * The columns of the CNIL's model register (« Modèle de registre », one sheet per processing activity), which are
 * those of article 30.1 of the RGPD.
 */
export const REGISTER_COLUMNS = [
  'Référence',
  'Activité de traitement',
  'Responsable du traitement',
  'Délégué à la protection des données',
  'Finalité',
  'Base légale',
  'Catégories de personnes concernées',
  'Catégories de données personnelles',
  'Destinataires',
  'Transferts hors de l’Union européenne',
  'Durée de conservation',
  'Mesures de sécurité',
] as const;

/** Inside a cell, the items of a list: a spreadsheet shows them on one line. */
const LIST_SEPARATOR = ' ; ';

function line(cells: string[]): string {
  return cells.map((cell) => csvField(cell, false)).join(';') + '\r\n';
}

/** The register as a spreadsheet opens it: BOM (for the accents), `;`, CRLF, one line per processing activity. */
export async function* processingRegisterCsv(notice: PrivacyNoticeDto): AsyncGenerator<string> {
  yield '\ufeff' + line([...REGISTER_COLUMNS]);
  const dpo = notice.dpoEmail ?? 'Non désigné dans la configuration (DPO_EMAIL)';
  for (const [index, activity] of notice.activities.entries()) {
    yield line([
      `T${String(index + 1).padStart(2, '0')}-${activity.key}`,
      activity.name,
      notice.controller,
      dpo,
      activity.purpose,
      activity.legalBasis,
      activity.people,
      activity.data.join(LIST_SEPARATOR),
      activity.recipients.join(LIST_SEPARATOR),
      notice.transfers,
      activity.retention,
      notice.security.join(LIST_SEPARATOR),
    ]);
  }
}
