import type { AidSchemeVersionRule, SimulationInput, SimulationParameters, SimulatorSource } from '@passerelle/shared/dto';

/*
 * The demo catalogue: the rules are real where they are public (DETR, DSIL, the caps, the FCTVA), illustrative and
 * marked « exemple » elsewhere. Until each article has its own Légifrance link, CGCT articles point to the code.
 */

const CGCT_URL = 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633';
const cgct = (article: string): SimulatorSource => ({ label: `CGCT, art. ${article}`, url: CGCT_URL });

export const SOURCES = {
  minCommuneShare: cgct('L1111-10 III'),
  detrEligibility: cgct('L2334-33'),
  detrCommission: cgct('L2334-37'),
  dsil: cgct('L2334-42'),
  stateDotations: {
    label: 'CGCT, art. R2334-27',
    url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006397211',
  },
  fctva: cgct('L1615-6'),
  schoolRenovation: {
    label: 'Loi n° 2024-279 du 29 mars 2024, CGCT, art. L1111-10 III',
    url: 'https://www.legifrance.gouv.fr/jorf/jo/2024/03/30/0076',
  },
  stateSubsidiesDecree: {
    label: 'Décret n° 2018-514 du 25 juin 2018 : pas de commencement avant le dépôt du dossier',
    url: 'https://www.legifrance.gouv.fr/search/all?query=d%C3%A9cret%202018-514',
  },
} satisfies Record<string, SimulatorSource>;

export const DEMO_PARAMETERS: SimulationParameters = {
  minCommuneShareBp: [{ value: 2000, validFrom: '2012-01-01', validTo: null, source: SOURCES.minCommuneShare }],
  derogationShares: [
    {
      derogation: 'SCHOOL_ENERGY_RENOVATION',
      minCommuneShareBp: 1000,
      // Published in the Journal officiel of 30 March 2024, in force the next day.
      validFrom: '2024-03-31',
      validTo: null,
      source: SOURCES.schoolRenovation,
    },
    // The law sets no figure for these two: the préfet's decision does (given in the input).
    { derogation: 'PROTECTED_HERITAGE', minCommuneShareBp: null, validFrom: '2012-01-01', validTo: null, source: SOURCES.minCommuneShare },
    { derogation: 'DISASTER', minCommuneShareBp: null, validFrom: '2012-01-01', validTo: null, source: SOURCES.minCommuneShare },
  ],
  stateDotations: [
    {
      value: { maxCombinedBp: 8000, rateMinBp: 2000, rateMaxBp: 8000, rateRangeCodes: ['DETR', 'DSIL'] },
      // Wording of décret n° 2021-1291 (DETR, DPV, DSIL and DSID together).
      validFrom: '2021-10-06',
      validTo: null,
      source: SOURCES.stateDotations,
    },
  ],
  fctvaRateMillionths: [{ value: 164_040, validFrom: '2015-01-01', validTo: null, source: SOURCES.fctva }],
  // The general regime pays two years after the expense; communes in the N or N+1 regime need their own value.
  fctvaYearOffset: [{ value: 2, validFrom: '2015-01-01', validTo: null, source: SOURCES.fctva }],
};

export const DEMO_CATALOGUE: AidSchemeVersionRule[] = [
  {
    id: 'detr-2024',
    schemeId: 'detr',
    code: 'DETR',
    name: 'Dotation d’équipement des territoires ruraux',
    funder: 'ETAT',
    kind: 'GRANT',
    destination: 'INVESTMENT',
    validFrom: '2024-01-01',
    validTo: null,
    // Communes from 2,001 to 20,000 inhabitants also need a low financial potential, which the engine cannot check.
    eligibility: { populationMax: 20_000, themes: [] },
    base: 'HT',
    rateMinBp: 2000,
    rateMaxBp: 8000,
    capGroup: 'STATE_DOTATIONS',
    lastFunder: false,
    priority: 100,
    noSpendingBeforeFiling: true,
    commissionAboveCents: 10_000_000,
    deadline: null,
    illustrative: false,
    sources: [SOURCES.detrEligibility, SOURCES.stateDotations, SOURCES.detrCommission, SOURCES.stateSubsidiesDecree],
  },
  {
    id: 'dsil-2024',
    schemeId: 'dsil',
    code: 'DSIL',
    name: 'Dotation de soutien à l’investissement local',
    funder: 'ETAT',
    kind: 'GRANT',
    destination: 'INVESTMENT',
    validFrom: '2024-01-01',
    validTo: null,
    eligibility: {
      themes: [
        'ENERGIE_CLIMAT',
        'BATIMENTS_COMMUNAUX',
        'ECOLES_PETITE_ENFANCE',
        'SECURITE',
        'MOBILITE',
        'URBANISME_LOGEMENT',
        'NUMERIQUE',
      ],
    },
    base: 'HT',
    rateMinBp: 2000,
    rateMaxBp: 8000,
    capGroup: 'STATE_DOTATIONS',
    lastFunder: false,
    priority: 90,
    noSpendingBeforeFiling: true,
    commissionAboveCents: null,
    deadline: null,
    illustrative: false,
    sources: [SOURCES.dsil, SOURCES.stateDotations, SOURCES.stateSubsidiesDecree],
  },
  {
    id: 'fonds-vert-2025',
    schemeId: 'fonds-vert',
    code: 'Fonds vert',
    name: 'Fonds vert : rénovation énergétique des bâtiments publics (exemple)',
    funder: 'ETAT',
    kind: 'GRANT',
    destination: 'INVESTMENT',
    validFrom: '2025-01-01',
    validTo: null,
    eligibility: { themes: ['ENERGIE_CLIMAT', 'ECOLES_PETITE_ENFANCE', 'BATIMENTS_COMMUNAUX'] },
    base: 'HT',
    expenseFloorCents: 1_000_000,
    rateMaxBp: 5000,
    capGroup: null,
    lastFunder: false,
    priority: 70,
    noSpendingBeforeFiling: true,
    commissionAboveCents: null,
    deadline: null,
    illustrative: true,
    sources: [
      { label: 'Aides-territoires : fiche du Fonds vert (exemple)', url: 'https://aides-territoires.beta.gouv.fr/' },
      SOURCES.stateSubsidiesDecree,
    ],
  },
  {
    id: 'cd95-rural-2025',
    schemeId: 'cd95-rural',
    code: 'Val-d’Oise',
    name: 'Aide du Val-d’Oise aux communes rurales (exemple)',
    funder: 'DEPARTEMENT',
    kind: 'GRANT',
    destination: 'INVESTMENT',
    validFrom: '2025-01-01',
    validTo: null,
    eligibility: { populationMax: 3500, themes: [] },
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
    sources: [{ label: 'Département du Val-d’Oise : aides aux communes (exemple)', url: 'https://www.valdoise.fr/' }],
  },
  {
    id: 'leader-2025',
    schemeId: 'leader',
    code: 'LEADER',
    name: 'LEADER, fonds européen agricole pour le développement rural (exemple)',
    funder: 'EUROPE',
    kind: 'GRANT',
    destination: 'INVESTMENT',
    validFrom: '2025-01-01',
    validTo: null,
    eligibility: { themes: [], epciPopulationMax: 100_000 },
    base: 'HT',
    rateMaxBp: 5000,
    grantFloorCents: 500_000,
    grantCeilingCents: 3_000_000,
    capGroup: null,
    lastFunder: true,
    priority: 10,
    noSpendingBeforeFiling: true,
    commissionAboveCents: null,
    deadline: null,
    illustrative: true,
    sources: [{ label: 'L’Europe s’engage en France : programme LEADER (exemple)', url: 'https://www.europe-en-france.gouv.fr/' }],
  },
];

/** Ableiges (95002, 1,108 inhabitants): energy renovation of its school, 180,000 € HT, 216,000 € TTC. */
export const DEMO_ABLEIGES_INPUT: SimulationInput = {
  communeInsee: '95002',
  communePopulation: 1108,
  epciPopulation: 25_000,
  theme: 'ECOLES_PETITE_ENFANCE',
  eligibleExpenseHtCents: 18_000_000,
  expenseTtcCents: 21_600_000,
  privateFundingCents: 0,
  date: '2025-03-14',
  derogation: 'SCHOOL_ENERGY_RENOVATION',
  spendingStarted: false,
};
