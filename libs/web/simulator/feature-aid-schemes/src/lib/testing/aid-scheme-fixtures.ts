import type {
  AidSchemeDto,
  AidSchemeRuleFields,
  AidSchemeTestCaseDto,
  AidSchemeTestExpectation,
  AidSchemeVersionDto,
} from '@passerelle/shared/dto';

/** The Val-d'Oise's example rule: 20–40 % of the expense HT, up to 300,000 €, a 50,000 € ceiling, 3,500 inhabitants. */
export function ruleFixture(overrides: Partial<AidSchemeRuleFields> = {}): AidSchemeRuleFields {
  return {
    eligibility: { populationMax: 3500, themes: ['VOIRIE', 'BATIMENTS_COMMUNAUX'] },
    base: 'HT',
    expenseCeilingCents: 30_000_000,
    rateMinBp: 2000,
    rateMaxBp: 4000,
    grantCeilingCents: 5_000_000,
    capGroup: null,
    lastFunder: false,
    priority: 50,
    noSpendingBeforeFiling: false,
    commissionAboveCents: null,
    deadline: null,
    illustrative: true,
    sources: [{ label: 'Département du Val-d’Oise : aides aux communes', url: 'https://www.valdoise.fr/' }],
    ...overrides,
  };
}

export function versionFixture(overrides: Partial<AidSchemeVersionDto> = {}): AidSchemeVersionDto {
  return {
    id: 'v2',
    validFrom: '2025-01-01',
    validTo: null,
    rule: ruleFixture(),
    createdAt: '2024-12-15T09:00:00Z',
    ...overrides,
  };
}

export function expectationFixture(overrides: Partial<AidSchemeTestExpectation> = {}): AidSchemeTestExpectation {
  return { inForce: true, eligible: true, minCents: 2_000_000, maxCents: 4_000_000, retainedCents: 4_000_000, ...overrides };
}

export function testCaseFixture(overrides: Partial<AidSchemeTestCaseDto> = {}): AidSchemeTestCaseDto {
  return {
    id: 'tc1',
    name: 'Voirie d’Ableiges',
    input: {
      communeInsee: '95002',
      communePopulation: 1108,
      epciPopulation: null,
      theme: 'VOIRIE',
      eligibleExpenseHtCents: 10_000_000,
      expenseTtcCents: null,
      date: '2026-03-14',
      derogation: null,
      spendingStarted: false,
    },
    expected: expectationFixture(),
    createdAt: '2026-03-14T10:00:00Z',
    ...overrides,
  };
}

/** A scheme of the Val-d'Oise an admin may edit: an older version ended, the current one in force. */
export function schemeFixture(overrides: Partial<AidSchemeDto> = {}): AidSchemeDto {
  const current = versionFixture();
  return {
    id: 's1',
    departementCode: '95',
    code: 'Val-d’Oise',
    name: 'Aide du Val-d’Oise aux communes rurales',
    funder: 'DEPARTEMENT',
    kind: 'GRANT',
    destination: 'INVESTMENT',
    description: 'Pour les travaux des communes de moins de 3 500 habitants.',
    audiences: ['Communes rurales'],
    recurrence: 'Annuelle',
    callForProjects: false,
    links: [{ label: 'Le guide des aides', url: 'https://www.valdoise.fr/aides' }],
    version: 4,
    updatedAt: '2025-01-02T10:00:00Z',
    current,
    eligibility: null,
    editable: true,
    versions: [
      current,
      versionFixture({ id: 'v1', validFrom: '2024-01-01', validTo: '2024-12-31', rule: ruleFixture({ rateMaxBp: 3000, illustrative: false }) }),
    ],
    testCases: [],
    ...overrides,
  };
}
