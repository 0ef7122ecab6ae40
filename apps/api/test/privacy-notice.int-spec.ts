import type { PrivacyNoticeDto } from '@passerelle/shared/dto';
import { type TestApp, startTestApp } from './test-app';

/** The public page « Données personnelles » and the DPO's register, both made of the installation's configuration. */
describe('Privacy notice', () => {
  let configured: TestApp;
  let defaults: TestApp;

  beforeAll(async () => {
    [configured, defaults] = await Promise.all([
      startTestApp('valDOise', {
        DPO_EMAIL: 'DPO@ValDOise.example',
        RETENTION_AUDIT_DAYS: '180',
        ACCOUNT_DELETION_GRACE_DAYS: '14',
        RETENTION_CLOSED_THREAD_AUTHOR_DAYS: '1825',
      }),
      startTestApp('valDOise'),
    ]);
  });
  afterAll(async () => {
    await Promise.all([configured?.close(), defaults?.close()]);
  });

  async function notice(t: TestApp) {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/privacy' });
    return { response, body: response.json<PrivacyNoticeDto>() };
  }

  it('is public, cached like the public configuration, and names the département and its DPO', async () => {
    const { response, body } = await notice(configured);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    expect(body.controller).toBe('Département Val-d\'Oise');
    expect(body.dpoEmail).toBe('dpo@valdoise.example');
    expect(body.rights.find((r) => r.name.startsWith('Droit d’opposition'))?.how).toContain('dpo@valdoise.example');
    expect(body.rights.map((r) => r.name).join(' | ')).toMatch(/accès.*rectification.*effacement.*limitation.*opposition.*portabilité.*consentement.*CNIL/);
  });

  it('shows the configured retention periods, and the defaults without configuration', async () => {
    const { body } = await notice(configured);
    const activity = (key: string) => body.activities.find((a) => a.key === key);
    expect(activity('AUDIT')?.retention).toBe('180 jours');
    expect(activity('THREADS')?.retention).toContain('5 ans après la fermeture');
    expect(activity('ACCOUNTS')?.retention).toContain('supprimé 14 jours plus tard');
    expect(body.deletionGraceDays).toBe(14);
    expect(body.exportLinkDays).toBe(7);
    expect(body.policies.find((p) => p.rule === 'AUDIT_EVENTS')).toEqual({
      rule: 'AUDIT_EVENTS',
      label: 'Journal de sécurité et d’activité',
      days: 180,
    });

    const standard = (await notice(defaults)).body;
    expect(standard.dpoEmail).toBeNull();
    expect(standard.deletionGraceDays).toBe(30);
    expect(standard.activities.find((a) => a.key === 'AUDIT')?.retention).toBe('1 an');
    expect(standard.rights.find((r) => r.name.startsWith('Droit d’opposition'))?.how).toContain('Écrivez au département');
    expect(standard.policies.find((p) => p.rule === 'INACTIVE_ACCOUNTS')?.days).toBe(730);
  });

  it('lists every processing activity with its purpose, legal basis, people, data, recipients and retention', async () => {
    const { body } = await notice(defaults);
    expect(body.activities.map((a) => a.name)).toEqual([
      'Comptes et accès',
      'Espaces des communes, fiches projet et documents',
      'Questions et réponses avec le département',
      'Publication des projets terminés',
      'Notifications et courriels',
      'Journal de sécurité',
      'Statistiques et indicateurs',
      'Exports «\u00a0Télécharger mes données\u00a0»',
      'Lettre des projets pour les partenaires',
    ]);
    for (const activity of body.activities) {
      expect(activity).toEqual({
        key: expect.any(String),
        name: expect.any(String),
        purpose: expect.stringMatching(/\S/),
        legalBasis: expect.stringMatching(/article 6\.1\.[ace] du RGPD/),
        people: expect.stringMatching(/\S/),
        data: expect.arrayContaining([expect.any(String)]),
        recipients: expect.arrayContaining([expect.any(String)]),
        retention: expect.stringMatching(/\S/),
      });
    }
  });

  it('gives the DPO the register of processing activities as a CSV a spreadsheet opens', async () => {
    const response = await configured.app.inject({ method: 'GET', url: '/api/public/privacy/register.csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('attachment');
    expect(response.headers['content-disposition']).toContain('registre-des-traitements-95.csv');
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    const csv = response.body;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    // No bare line feed: one record per physical line.
    expect(csv).not.toMatch(/[^\r]\n/);
    expect(lines[0]).toBe(
      'Référence;Activité de traitement;Responsable du traitement;Délégué à la protection des données;Finalité;Base légale;' +
        'Catégories de personnes concernées;Catégories de données personnelles;Destinataires;Transferts hors de l’Union européenne;' +
        'Durée de conservation;Mesures de sécurité',
    );
    expect(lines).toHaveLength(1 + 9);
    const newsletter = lines.find((l) => l.startsWith('T09-NEWSLETTER;'));
    expect(newsletter).toContain(';Lettre des projets pour les partenaires;');
    expect(newsletter).toContain('Consentement (article 6.1.a du RGPD)');
    expect(newsletter).toContain('Jusqu’au désabonnement');
    const audit = lines.find((l) => l.startsWith('T06-AUDIT;'));
    expect(audit).toContain(';Journal de sécurité;Département Val-d\'Oise;dpo@valdoise.example;');
    expect(audit).toContain(';180 jours;');
  });
});
