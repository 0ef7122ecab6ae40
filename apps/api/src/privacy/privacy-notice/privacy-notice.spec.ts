import { RETENTION_RULES } from '@passerelle/shared/dto';
import type { PrivacyConfig } from '../../config/app-config';
import { buildPrivacyNotice, durationInWords } from './privacy-notice';
import { processingRegisterCsv, REGISTER_COLUMNS } from './processing-register-csv';

const PRIVACY: PrivacyConfig = {
  dpoEmail: null,
  deletionGraceDays: 30,
  inactiveAccountDays: 730,
  auditDays: 365,
  notificationDays: 365,
  devMailDays: 7,
  closedThreadAuthorDays: 1095,
  maxPerRun: 1000,
};

async function collect(body: AsyncGenerator<string>): Promise<string> {
  let text = '';
  for await (const chunk of body) {
    text += chunk;
  }
  return text;
}

describe(durationInWords.name, () => {
  it('says whole years as years and anything else in days', () => {
    expect(durationInWords(365)).toBe('1 an');
    expect(durationInWords(730)).toBe('2 ans');
    expect(durationInWords(1095)).toBe('3 ans');
    expect(durationInWords(400)).toBe('400 jours');
    expect(durationInWords(30)).toBe('30 jours');
    expect(durationInWords(1)).toBe('1 jour');
  });
});

describe(buildPrivacyNotice.name, () => {
  it('writes the configured periods into the activities, the rights and the policies', () => {
    const notice = buildPrivacyNotice({ ...PRIVACY, auditDays: 180, deletionGraceDays: 14, inactiveAccountDays: 1095 }, 'Département Val-d’Oise');
    const byKey = new Map(notice.activities.map((a) => [a.key, a]));
    expect(byKey.get('AUDIT')?.retention).toBe('180 jours');
    expect(byKey.get('ACCOUNTS')?.retention).toContain('sans connexion depuis 3 ans');
    expect(byKey.get('ACCOUNTS')?.retention).toContain('supprimé 14 jours plus tard');
    expect(notice.rights.find((r) => r.name.startsWith('Droit à l’effacement'))?.how).toContain('supprimé 14 jours plus tard');
    expect(notice.policies.find((p) => p.rule === 'AUDIT_EVENTS')?.days).toBe(180);
    expect(notice.deletionGraceDays).toBe(14);
    expect(notice.policies.map((p) => p.rule)).toEqual([...RETENTION_RULES]);
    expect(notice.controller).toBe('Département Val-d’Oise');
  });

  it('covers every activity of the portal, each with a legal basis and recipients', () => {
    const notice = buildPrivacyNotice(PRIVACY, 'Département Val-d’Oise');
    expect(notice.activities.map((a) => a.key)).toEqual([
      'ACCOUNTS',
      'WORKSPACES',
      'THREADS',
      'PUBLICATIONS',
      'NOTIFICATIONS',
      'AUDIT',
      'INDICATORS',
      'DATA_EXPORTS',
      'NEWSLETTER',
    ]);
    for (const activity of notice.activities) {
      expect(activity.legalBasis).toMatch(/article 6\.1\.[ace] du RGPD/);
      expect(activity.recipients.length).toBeGreaterThan(0);
      expect(activity.data.length).toBeGreaterThan(0);
    }
    expect(notice.activities.find((a) => a.key === 'AUDIT')?.legalBasis).toContain('Obligation légale');
    expect(notice.activities.find((a) => a.key === 'PUBLICATIONS')?.recipients.join()).toContain('Le public');
  });

  it('lists the newsletter on consent, kept until the unsubscribe link is used, and says how to withdraw consent', () => {
    const notice = buildPrivacyNotice(PRIVACY, 'Département Val-d’Oise');
    const newsletter = notice.activities.find((a) => a.key === 'NEWSLETTER');
    expect(newsletter?.legalBasis).toContain('Consentement (article 6.1.a du RGPD)');
    expect(newsletter?.data[0]).toBe('Adresse électronique, seule donnée conservée');
    expect(newsletter?.retention).toMatch(/^Jusqu’au désabonnement/);
    expect(newsletter?.recipients[0]).toContain('Aucun destinataire hors du département');
    expect(notice.rights.find((r) => r.name.startsWith('Retrait du consentement'))?.how).toContain('lien de désabonnement');
  });

  it('sends the rights to the DPO when there is one, to the département otherwise', () => {
    const withDpo = buildPrivacyNotice({ ...PRIVACY, dpoEmail: 'dpo@valdoise.example' }, 'D');
    expect(withDpo.rights.find((r) => r.name.startsWith('Droit d’opposition'))?.how).toContain('délégué à la protection des données (dpo@valdoise.example)');
    const without = buildPrivacyNotice(PRIVACY, 'D');
    expect(without.dpoEmail).toBeNull();
    expect(without.rights.find((r) => r.name.startsWith('Droit d’opposition'))?.how).toContain('Écrivez au département');
  });
});


describe(processingRegisterCsv.name, () => {
  it('writes a BOM, the register’s columns and one CRLF line per activity, lists kept inside their cell', async () => {
    const notice = buildPrivacyNotice({ ...PRIVACY, dpoEmail: 'dpo@valdoise.example' }, 'Département Val-d’Oise');
    const csv = await collect(processingRegisterCsv(notice));
    expect(csv.startsWith('\ufeffRéférence;Activité de traitement;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(notice.activities.length + 1);
    expect(lines[0].split(';')).toEqual([...REGISTER_COLUMNS]);
    expect(lines[1]).toMatch(/^T01-ACCOUNTS;Comptes et accès;Département Val-d’Oise;dpo@valdoise\.example;/);
    // A list holds `;`: its cell is quoted.
    expect(lines[1]).toContain('"Nom affiché, adresse électronique, rôle, commune ou département de rattachement ; Mot de passe');
    expect(csv).not.toMatch(/[^\r]\n/);
  });
});
