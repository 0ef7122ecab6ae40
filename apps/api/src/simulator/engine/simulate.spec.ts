import type { AidSchemeVersionRule, SimulationInput, SimulationParameters, SimulationResult } from '@passerelle/shared/dto';
import { DEMO_PARAMETERS } from './demo-catalogue';
import { simulate } from './simulate';

/*
 * Golden cases written from the articles: each states the rule it checks and the figures computed by hand.
 * The legal parameters are the real ones (DEMO_PARAMETERS); the schemes are built for each case.
 */

const NNBSP = '\u202f';
const NBSP = '\u00a0';
/** For `toContain` on French text: the no-break spaces read as ordinary ones (exact strings are tested below). */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function scheme(code: string, overrides: Partial<AidSchemeVersionRule> = {}): AidSchemeVersionRule {
  return {
    id: `${code}-v1`,
    schemeId: code.toLowerCase(),
    code,
    name: `Aide ${code}`,
    funder: 'AUTRE',
    kind: 'GRANT',
    destination: 'INVESTMENT',
    validFrom: '2024-01-01',
    validTo: null,
    eligibility: { themes: [] },
    base: 'HT',
    capGroup: null,
    lastFunder: false,
    priority: 50,
    noSpendingBeforeFiling: false,
    commissionAboveCents: null,
    deadline: null,
    illustrative: false,
    sources: [],
    ...overrides,
  };
}

const detr = (overrides: Partial<AidSchemeVersionRule> = {}) =>
  scheme('DETR', {
    funder: 'ETAT',
    rateMinBp: 2000,
    rateMaxBp: 8000,
    capGroup: 'STATE_DOTATIONS',
    priority: 100,
    noSpendingBeforeFiling: true,
    commissionAboveCents: 10_000_000,
    ...overrides,
  });

const dsil = (overrides: Partial<AidSchemeVersionRule> = {}) =>
  scheme('DSIL', { funder: 'ETAT', rateMinBp: 2000, rateMaxBp: 8000, capGroup: 'STATE_DOTATIONS', priority: 90, ...overrides });

/** A rate-only scheme: min = max = `bp`. */
const fixed = (code: string, bp: number, overrides: Partial<AidSchemeVersionRule> = {}) =>
  scheme(code, { rateMinBp: bp, rateMaxBp: bp, ...overrides });

function input(overrides: Partial<SimulationInput> = {}): SimulationInput {
  return {
    communeInsee: '95002',
    communePopulation: 1108,
    epciPopulation: 25_000,
    theme: 'ECOLES_PETITE_ENFANCE',
    eligibleExpenseHtCents: 10_000_000,
    expenseTtcCents: 12_000_000,
    privateFundingCents: 0,
    date: '2025-03-14',
    derogation: null,
    spendingStarted: false,
    ...overrides,
  };
}

const retained = (result: SimulationResult) =>
  Object.fromEntries(result.lines.map((line) => [line.schemeCode, line.retainedCents]));
const warningCodes = (result: SimulationResult) => result.warnings.map((w) => `${w.code}:${w.schemeCode ?? '-'}`);

describe(simulate.name, () => {
  describe('the commune pays at least 20 % of the public financing (CGCT L1111-10 III)', () => {
    it('without private money, caps the aids at 80 % of the cost', () => {
      // C = 100 000 €, P = 0: A ≤ 0,8 × 100 000 = 80 000 €. Asked 60 000 + 40 000; REGION (priority 20) goes first.
      const result = simulate(
        input(),
        [fixed('DEPT', 6000, { priority: 50 }), fixed('REGION', 4000, { priority: 20 })],
        DEMO_PARAMETERS,
      );
      expect(retained(result)).toEqual({ DEPT: 6_000_000, REGION: 2_000_000 });
      expect(result.plan.totals).toMatchObject({ publicAidCents: 8_000_000, communeShareCents: 2_000_000 });
      expect(result.plan.capsApplied).toEqual([
        expect.objectContaining({
          cap: 'MIN_COMMUNE_SHARE',
          requestedCents: 10_000_000,
          limitCents: 8_000_000,
          removedCents: 2_000_000,
          reductions: [{ schemeCode: 'REGION', removedCents: 2_000_000 }],
        }),
      ]);
    });

    it('with private money, caps on C − P and not on C', () => {
      // C = 100 000 €, P = 20 000 €: A ≤ 0,8 × (100 000 − 20 000) = 64 000 € (not 80 000 €).
      const result = simulate(input({ privateFundingCents: 2_000_000 }), [fixed('DEPT', 7000)], DEMO_PARAMETERS);
      expect(retained(result)).toEqual({ DEPT: 6_400_000 });
      // C − P − A = 16 000 € = 20 % of the 80 000 € of public financing.
      expect(result.plan.totals).toMatchObject({
        costCents: 10_000_000,
        privateFundingCents: 2_000_000,
        publicAidCents: 6_400_000,
        communeShareCents: 1_600_000,
      });
    });
  });

  describe('the State dotations (CGCT R2334-27)', () => {
    it('together never exceed 80 % of the expense HT', () => {
      // DETR 60 % + DSIL 50 % of 100 000 € = 110 000 € > 80 000 €: DSIL (priority 90 < 100) loses 30 000 €.
      const result = simulate(
        input(),
        [detr({ rateMaxBp: 6000 }), dsil({ rateMaxBp: 5000 })],
        DEMO_PARAMETERS,
      );
      expect(retained(result)).toEqual({ DETR: 6_000_000, DSIL: 2_000_000 });
      expect(result.plan.capsApplied.map((cap) => [cap.cap, cap.limitCents, cap.reductions])).toEqual([
        ['STATE_DOTATIONS', 8_000_000, [{ schemeCode: 'DSIL', removedCents: 3_000_000 }]],
      ]);
    });

    it('keep DETR and DSIL rates within 20–80 % of the expense HT', () => {
      // A scheme entered with 10–90 % is read as 20–80 %.
      const result = simulate(input(), [detr({ rateMinBp: 1000, rateMaxBp: 9000 })], DEMO_PARAMETERS);
      expect(result.lines[0]).toMatchObject({ minCents: 2_000_000, maxCents: 8_000_000 });
    });

    it('warns when a dotation ends under 20 % only to respect the caps', () => {
      const result = simulate(
        input({ privateFundingCents: 8_500_000 }),
        [detr()],
        DEMO_PARAMETERS,
      );
      // C = 100 000 €, P = 85 000 €: A ≤ 0,8 × 15 000 = 12 000 €, i.e. 12 % of DETR's 100 000 € base, under the
      // 20 % minimum rate: allowed only because the minimum share of the commune requires it.
      expect(retained(result)).toEqual({ DETR: 1_200_000 });
      expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'RATE_BELOW_MIN_FOR_CAP', schemeCode: 'DETR' }));
      expect(plain(result.warnings.find((w) => w.code === 'RATE_BELOW_MIN_FOR_CAP')?.message ?? '')).toBe(
        'DETR : 12 000,00 € retenus, soit 12 % de la base, sous le taux minimal de 20 % : ce taux réduit ne vient ' +
          'que du respect des plafonds du plan de financement.',
      );
    });
  });

  describe('derogations to the minimum share', () => {
    const schemes = [detr(), fixed('DEPT', 2000)];

    it('school energy renovation: 10 % when the préfet granted it (loi n° 2024-279, CGCT L1111-10 III)', () => {
      // C = 180 000 €: A ≤ 90 % = 162 000 €. DETR 144 000 € + DEPT 36 000 € = 180 000 €: DEPT loses 18 000 €.
      const result = simulate(
        input({ eligibleExpenseHtCents: 18_000_000, expenseTtcCents: 21_600_000, derogation: 'SCHOOL_ENERGY_RENOVATION' }),
        schemes,
        DEMO_PARAMETERS,
      );
      expect(result.minCommuneShareBp).toBe(1000);
      expect(result.derogationApplied).toBe('SCHOOL_ENERGY_RENOVATION');
      expect(retained(result)).toEqual({ DETR: 14_400_000, DEPT: 1_800_000 });
      expect(result.plan.totals.communeShareCents).toBe(1_800_000);

      // Without the derogation the general 20 % applies: A ≤ 144 000 €, DEPT gets nothing.
      const general = simulate(
        input({ eligibleExpenseHtCents: 18_000_000, expenseTtcCents: 21_600_000 }),
        schemes,
        DEMO_PARAMETERS,
      );
      expect(retained(general)).toEqual({ DETR: 14_400_000, DEPT: 0 });
    });

    it('before the law was in force, keeps 20 % and says why', () => {
      const result = simulate(
        input({ date: '2024-03-01', derogation: 'SCHOOL_ENERGY_RENOVATION' }),
        schemes,
        DEMO_PARAMETERS,
      );
      expect(result.minCommuneShareBp).toBe(2000);
      expect(result.derogationApplied).toBeNull();
      expect(warningCodes(result)).toContain('DEROGATION_NOT_APPLIED:-');
    });

    it('uses the share the préfet set when the law leaves it to him (calamité publique)', () => {
      const result = simulate(input({ derogation: 'DISASTER', derogationShareBp: 500 }), [fixed('DEPT', 10_000)], DEMO_PARAMETERS);
      expect(result.minCommuneShareBp).toBe(500);
      expect(retained(result)).toEqual({ DEPT: 9_500_000 });
    });
  });

  it('cuts a grant to its ceiling', () => {
    // 35 % × 180 000 € = 63 000 €, ceiling 50 000 €; min 20 % = 36 000 € stays under it.
    const result = simulate(
      input({ eligibleExpenseHtCents: 18_000_000, expenseTtcCents: 21_600_000 }),
      [scheme('CD95', { rateMinBp: 2000, rateMaxBp: 3500, grantCeilingCents: 5_000_000 })],
      DEMO_PARAMETERS,
    );
    expect(result.lines[0]).toMatchObject({ baseCents: 18_000_000, minCents: 3_600_000, maxCents: 5_000_000, retainedCents: 5_000_000 });
  });

  describe('reductions when the caps bite (rule 5)', () => {
    it('take the last funder first, then the lowest priority', () => {
      // C = 100 000 €, A ≤ 80 000 €; asked LEADER 30 000 + DEPT 40 000 + REGION 30 000 + FONDS 20 000 = 120 000 €.
      // LEADER (last funder, despite its priority 90) loses 30 000 €, then REGION (priority 20) 10 000 €.
      const result = simulate(
        input(),
        [
          fixed('LEADER', 3000, { lastFunder: true, priority: 90 }),
          fixed('DEPT', 4000, { priority: 50 }),
          fixed('REGION', 3000, { priority: 20 }),
          fixed('FONDS', 2000, { priority: 70 }),
        ],
        DEMO_PARAMETERS,
      );
      expect(retained(result)).toEqual({ LEADER: 0, DEPT: 4_000_000, REGION: 2_000_000, FONDS: 2_000_000 });
      expect(result.plan.capsApplied[0].reductions).toEqual([
        { schemeCode: 'LEADER', removedCents: 3_000_000 },
        { schemeCode: 'REGION', removedCents: 1_000_000 },
      ]);
      expect(result.plan.totals.communeShareCents).toBe(2_000_000);
    });

    it('never leave a negative self-funding, even when private money pays everything', () => {
      // P = C: no public financing is left to share, every aid is removed and the commune pays 0, not less.
      const result = simulate(
        input({ privateFundingCents: 10_000_000 }),
        [fixed('DEPT', 8000), fixed('LEADER', 5000, { lastFunder: true })],
        DEMO_PARAMETERS,
      );
      expect(result.plan.totals).toMatchObject({ publicAidCents: 0, communeShareCents: 0 });
      expect(result.lines.every((line) => line.retainedCents === 0)).toBe(true);
    });
  });

  it('excludes everything from a tiny project under the floors', () => {
    // 3 000 € HT: under DETR's 5 000 € expense floor; 20 % = 600 € under the 1 000 € grant floor of DEPT.
    const result = simulate(
      input({ eligibleExpenseHtCents: 300_000, expenseTtcCents: 360_000 }),
      [detr({ expenseFloorCents: 500_000 }), fixed('DEPT', 2000, { grantFloorCents: 100_000 })],
      DEMO_PARAMETERS,
    );
    expect(result.lines.map((line) => [line.schemeCode, line.eligible, line.maxCents])).toEqual([
      ['DETR', false, 0],
      ['DEPT', false, 0],
    ]);
    expect(plain(result.lines[0].reasons.join(' | '))).toContain(
      'Dépense de 3 000,00 € HT : sous le plancher de 5 000,00 € HT de l’aide.',
    );
    expect(plain(result.lines[1].reasons.join(' | '))).toContain(
      'Subvention maximale de 600,00 € : sous le plancher de subvention de 1 000,00 €.',
    );
    expect(result.plan.totals).toMatchObject({ publicAidCents: 0, communeShareCents: 300_000 });
    expect(result.typicalPlan).toBeNull();
  });

  it('rounds every aid down to the cent so that no total exceeds its cap', () => {
    // C = 123 456,79 €, P = 11 111,11 €: cap ⌊0,8 × 11 234 568⌋ = 8 987 654 cents (the exact product ends in ,4).
    // A1 = ⌊33,33 % × C⌋ = 4 114 814; A2 = ⌊55,55 % × C⌋ = 6 858 024; A2 (priority 40) loses 1 985 184.
    const result = simulate(
      input({ eligibleExpenseHtCents: 12_345_679, expenseTtcCents: 14_814_815, privateFundingCents: 1_111_111 }),
      [fixed('A1', 3333, { priority: 60 }), fixed('A2', 5555, { priority: 40 })],
      DEMO_PARAMETERS,
    );
    expect(result.lines.map((line) => line.maxCents)).toEqual([4_114_814, 6_858_024]);
    expect(retained(result)).toEqual({ A1: 4_114_814, A2: 4_872_840 });
    const { publicAidCents, communeShareCents } = result.plan.totals;
    expect(publicAidCents).toBe(8_987_654);
    expect(publicAidCents * 10_000).toBeLessThanOrEqual(8000 * (12_345_679 - 1_111_111));
    expect(communeShareCents * 10_000).toBeGreaterThanOrEqual(2000 * (12_345_679 - 1_111_111));
  });

  describe('dates, deadlines and filing conditions', () => {
    it('ignores a version not in force on the date and keeps the latest of a scheme', () => {
      const result = simulate(
        input(),
        [
          fixed('OLD', 5000, { validTo: '2024-12-31' }),
          fixed('DEPT', 3000, { id: 'dept-2024', schemeId: 'dept', validFrom: '2024-01-01' }),
          fixed('DEPT', 4000, { id: 'dept-2025', schemeId: 'dept', validFrom: '2025-01-01' }),
          fixed('NEXT', 5000, { validFrom: '2025-04-01' }),
        ],
        DEMO_PARAMETERS,
      );
      expect(result.lines.map((line) => line.versionId)).toEqual(['dept-2025']);
      expect(retained(result)).toEqual({ DEPT: 4_000_000 });
    });

    it('warns of a deadline within 30 days and refuses a passed one', () => {
      // 14 March → 13 April 2025: 30 days, warned; 14 April: 31 days, not warned; 13 March: passed.
      const result = simulate(
        input(),
        [
          fixed('SOON', 1000, { deadline: '2025-04-13' }),
          fixed('LATER', 1000, { deadline: '2025-04-14' }),
          fixed('PAST', 1000, { deadline: '2025-03-13' }),
        ],
        DEMO_PARAMETERS,
      );
      expect(warningCodes(result)).toEqual(['DEADLINE_SOON:SOON']);
      expect(plain(result.warnings[0].message)).toBe('SOON : date limite de dépôt le 13 avril 2025, dans 30 jours.');
      expect(result.lines.find((line) => line.schemeCode === 'PAST')).toMatchObject({ eligible: false, retainedCents: 0 });
      expect(plain(result.lines[2].reasons.join(' | '))).toContain('Date limite de dépôt passée (13 mars 2025).');
    });

    it('warns that a DETR grant above 100 000 € goes before the commission (CGCT L2334-37)', () => {
      // 80 % × 180 000 € = 144 000 € > 100 000 €: warned. 80 % × 125 000 € = 100 000 €, not above: not warned.
      const above = simulate(input({ eligibleExpenseHtCents: 18_000_000, expenseTtcCents: 21_600_000 }), [detr()], DEMO_PARAMETERS);
      expect(warningCodes(above)).toEqual(['DETR_COMMISSION:DETR']);
      const at = simulate(input({ eligibleExpenseHtCents: 12_500_000, expenseTtcCents: 15_000_000 }), [detr()], DEMO_PARAMETERS);
      expect(warningCodes(at)).toEqual([]);
    });

    it('excludes a scheme that forbids spending before filing once spending started, and warns', () => {
      const result = simulate(input({ spendingStarted: true }), [detr(), fixed('DEPT', 3000)], DEMO_PARAMETERS);
      expect(result.lines.map((line) => [line.schemeCode, line.eligible])).toEqual([
        ['DETR', false],
        ['DEPT', true],
      ]);
      expect(plain(result.lines[0].reasons.join(' | '))).toContain(
        'Dépenses déjà commencées : cette aide exige le dépôt de la demande avant tout commencement.',
      );
      expect(warningCodes(result)).toEqual(['SPENDING_STARTED:-']);
      expect(plain(result.warnings[0].message)).toContain('DETR exclue(s)');
    });
  });

  describe('FCTVA and cash advance (CGCT L1615-6)', () => {
    it('estimates the FCTVA at 16,404 % of the TTC expense, paid in N+2', () => {
      // 16,404 % × 148 148,15 € = 24 302,22… € → 24 302,22 €; a 2025 expense is paid back in 2027.
      const result = simulate(
        input({ eligibleExpenseHtCents: 12_345_679, expenseTtcCents: 14_814_815 }),
        [fixed('DEPT', 5000)],
        DEMO_PARAMETERS,
      );
      const aid = 6_172_839; // ⌊50 % × 12 345 679⌋
      expect(result.plan.totals).toMatchObject({
        publicAidCents: aid,
        fctvaCents: 2_430_222,
        fctvaYear: 2027,
        // TTC − aids − private money, carried until the FCTVA comes.
        cashAdvanceCents: 14_814_815 - aid,
        netCostCents: 14_814_815 - aid - 2_430_222,
      });
    });

    it('reads the payment year from the dated parameter (N+1 regime)', () => {
      const parameters: SimulationParameters = {
        ...DEMO_PARAMETERS,
        fctvaYearOffset: [{ ...DEMO_PARAMETERS.fctvaYearOffset[0], value: 1 }],
      };
      expect(simulate(input(), [], parameters).plan.totals.fctvaYear).toBe(2026);
    });

    it('does not estimate the FCTVA without the TTC expense, and says so', () => {
      const result = simulate(input({ expenseTtcCents: null }), [fixed('DEPT', 5000)], DEMO_PARAMETERS);
      expect(result.plan.totals).toMatchObject({ fctvaCents: null, fctvaYear: null, cashAdvanceCents: null, netCostCents: null });
      expect(warningCodes(result)).toEqual(['FCTVA_NOT_ESTIMATED:-']);
    });
  });

  describe('the explanation', () => {
    const result = simulate(
      input({
        eligibleExpenseHtCents: 18_000_000,
        expenseTtcCents: 21_600_000,
        typicalRates: [{ schemeId: 'cd95', count: 12, p25Bp: 2500, p50Bp: 3000, p75Bp: 3500 }],
      }),
      [scheme('CD95', { rateMinBp: 2000, rateMaxBp: 3500, grantCeilingCents: 5_000_000 })],
      DEMO_PARAMETERS,
    );

    it('reads every step of a line in French, with French spaces', () => {
      expect(result.lines[0].explanation).toEqual([
        `CD95${NBSP}: base de 180${NNBSP}000,00${NBSP}€ HT.`,
        `CD95, taux minimal${NBSP}: 20${NBSP}% × 180${NNBSP}000,00${NBSP}€ HT = 36${NNBSP}000,00${NBSP}€.`,
        `CD95, taux habituel (médiane de 12 dossiers)${NBSP}: 30${NBSP}% × 180${NNBSP}000,00${NBSP}€ HT = ` +
          `54${NNBSP}000,00${NBSP}€, plafonné à 50${NNBSP}000,00${NBSP}€.`,
        `CD95, taux maximal${NBSP}: 35${NBSP}% × 180${NNBSP}000,00${NBSP}€ HT = 63${NNBSP}000,00${NBSP}€, ` +
          `plafonné à 50${NNBSP}000,00${NBSP}€.`,
        `CD95${NBSP}: 50${NNBSP}000,00${NBSP}€ retenus dans le plan de financement (scénario maximal).`,
      ]);
      expect(result.lines[0].reasons).toEqual([
        `Population 1${NNBSP}108${NBSP}hab.${NBSP}: aucune condition de population.`,
        `Thème «${NBSP}Écoles et petite enfance${NBSP}»${NBSP}: l’aide couvre tous les thèmes.`,
      ]);
    });

    it('explains the plan to the last cent: caps, share, FCTVA, cash', () => {
      expect(result.plan.explanation.map(plain)).toEqual([
        'Plan de financement sur le scénario maximal de chaque aide : 50 000,00 € demandés au total.',
        'Aides publiques : 50 000,00 € pour un plafond de 80 % × (180 000,00 € HT − 0,00 € de financements privés) = ' +
          '144 000,00 € (part minimale de la commune : 20 %, CGCT, art. L1111-10 III) : plafond respecté.',
        'Reste à la charge de la commune : 180 000,00 € HT − 0,00 € de financements privés − 50 000,00 € d’aides = ' +
          '130 000,00 € HT, soit 72,22 % des financements publics.',
        'FCTVA estimé : 16,404 % × 216 000,00 € TTC = 35 432,64 €, versé en 2027 (N+2 pour une dépense payée en 2025 ; ' +
          'CGCT, art. L1615-6).',
        'Trésorerie à avancer : 216 000,00 € TTC − 50 000,00 € d’aides − 0,00 € de financements privés = 166 000,00 €, ' +
          'à porter jusqu’au versement du FCTVA en 2027 ; les subventions étant en général versées sur justificatifs ' +
          'de dépenses, la commune avance aussi leur montant jusqu’à leur paiement.',
        'Coût final pour la commune après FCTVA : 166 000,00 € − 35 432,64 € = 130 567,36 €.',
      ]);
    });

    it('gives the typical plan when every eligible scheme has a typical rate', () => {
      expect(result.typicalPlan).toMatchObject({
        scenario: 'TYPICAL',
        retained: [{ schemeCode: 'CD95', cents: 5_000_000 }],
      });
      expect(result.notice).toContain('estimations');
    });

    it('hides a typical rate drawn from fewer than 5 cases', () => {
      const few = simulate(
        input({ typicalRates: [{ schemeId: 'cd95', count: 4, p25Bp: 2500, p50Bp: 3000, p75Bp: 3500 }] }),
        [scheme('CD95', { rateMinBp: 2000, rateMaxBp: 3500 })],
        DEMO_PARAMETERS,
      );
      expect(few.lines[0]).toMatchObject({ typicalCents: null, typicalRate: null });
      expect(few.typicalPlan).toBeNull();
    });
  });
});
