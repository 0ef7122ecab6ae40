import type { Funder, ProjectTheme } from './projects';

/*
 * The subsidy simulator's contract: the rules of the aid schemes, the dated legal parameters, one simulation's input
 * and its result. Money is integer cents, rates are basis points (2000 = 20 %), dates are ISO `YYYY-MM-DD`.
 * Every figure of a result is an estimate: only the funder's decision sets an amount.
 */

// --- Closed lists ------------------------------------------------------------------------------------------------

export const AID_KINDS = ['GRANT', 'LOAN', 'ENGINEERING', 'OTHER'] as const;
export type AidKind = (typeof AID_KINDS)[number];

export const AID_KIND_LABELS: Record<AidKind, string> = {
  GRANT: 'Subvention',
  LOAN: 'Prêt',
  ENGINEERING: 'Ingénierie',
  OTHER: 'Autre aide',
};

export const AID_DESTINATIONS = ['INVESTMENT', 'OPERATION'] as const;
export type AidDestination = (typeof AID_DESTINATIONS)[number];

export const AID_DESTINATION_LABELS: Record<AidDestination, string> = {
  INVESTMENT: 'Investissement',
  OPERATION: 'Fonctionnement',
};

/** Schemes whose amounts are capped together (the State's dotations: DETR, DSIL, DSID, DPV; CGCT R2334-27). */
export const CAP_GROUPS = ['STATE_DOTATIONS'] as const;
export type CapGroup = (typeof CAP_GROUPS)[number];

export const CAP_GROUP_LABELS: Record<CapGroup, string> = {
  STATE_DOTATIONS: 'Dotations de l’État (DETR, DSIL, DSID, DPV)',
};

/** Exceptions to the commune's 20 % minimum share (CGCT L1111-10 III), granted by the préfet. */
export const DEROGATIONS = ['SCHOOL_ENERGY_RENOVATION', 'PROTECTED_HERITAGE', 'DISASTER'] as const;
export type Derogation = (typeof DEROGATIONS)[number];

export const DEROGATION_LABELS: Record<Derogation, string> = {
  SCHOOL_ENERGY_RENOVATION: 'Rénovation énergétique d’un bâtiment scolaire (loi n° 2024-279)',
  PROTECTED_HERITAGE: 'Monument protégé au titre du code du patrimoine',
  DISASTER: 'Réparation des dégâts d’une calamité publique',
};

/** Whether a scheme's rate applies to the expense before tax (HT) or including tax (TTC). */
export const TAX_BASES = ['HT', 'TTC'] as const;
export type TaxBase = (typeof TAX_BASES)[number];

/** A typical rate is shown only when it summarises at least this many past cases (fewer would identify them). */
export const TYPICAL_RATE_MIN_COUNT = 5;

/** A filing deadline at most this many days after the simulation date raises a warning. */
export const DEADLINE_WARNING_DAYS = 30;

/** Every result carries this mention. */
export const SIMULATION_ESTIMATE_NOTICE =
  'Tous les montants sont des estimations : seule la décision de chaque financeur (arrêté, convention) fixe l’aide accordée.';

// --- Rules -------------------------------------------------------------------------------------------------------

/** Where a rule comes from: the article, decree or page that states it. */
export interface SimulatorSource {
  label: string;
  url: string;
}

export interface AidSchemeEligibility {
  populationMin?: number;
  populationMax?: number;
  /** Empty: every theme. */
  themes: ProjectTheme[];
  epciPopulationMax?: number;
}

/** What the engine needs from one dated version of an aid scheme. */
export interface AidSchemeVersionRule {
  id: string;
  schemeId: string;
  /** Short name shown in the explanation: 'DETR', 'DSIL'. */
  code: string;
  name: string;
  funder: Funder;
  kind: AidKind;
  destination: AidDestination;
  validFrom: string;
  /** Inclusive; `null`: still in force. */
  validTo: string | null;
  eligibility: AidSchemeEligibility;
  base: TaxBase;
  /** Under the floor the project is not eligible; above the ceiling the base is the ceiling. */
  expenseFloorCents?: number;
  expenseCeilingCents?: number;
  /** Absent minimum: 0 %; absent maximum: 100 % (the grant ceiling and the caps of the plan still apply). */
  rateMinBp?: number;
  rateMaxBp?: number;
  /** A grant below the floor is not paid; a grant above the ceiling is cut to it. */
  grantFloorCents?: number;
  grantCeilingCents?: number;
  capGroup: CapGroup | null;
  /** A funder that only completes the plan (LEADER): reduced first when a cap bites. */
  lastFunder: boolean;
  /** Lower is reduced first when a cap bites. */
  priority: number;
  noSpendingBeforeFiling: boolean;
  /** A grant above this amount goes before the commission of elected members (DETR: 10_000_000). */
  commissionAboveCents: number | null;
  deadline: string | null;
  /** An illustrative rule (« exemple »), not the funder's published one. */
  illustrative: boolean;
  sources: SimulatorSource[];
}

// --- Dated parameters --------------------------------------------------------------------------------------------

/** A legal parameter and the period during which it applies (both dates inclusive). */
export interface DatedValue<T> {
  value: T;
  validFrom: string;
  validTo: string | null;
  source: SimulatorSource;
}

export interface DerogationShare {
  derogation: Derogation;
  /** `null`: the law sets no figure, the préfet's decision does (the input then gives it). */
  minCommuneShareBp: number | null;
  validFrom: string;
  validTo: string | null;
  source: SimulatorSource;
}

export interface StateDotationsRule {
  /** The State's dotations together, at most this share of the expense HT (8000). */
  maxCombinedBp: number;
  /** Rate range of the schemes listed in `rateRangeCodes`, on the expense HT (2000–8000). */
  rateMinBp: number;
  rateMaxBp: number;
  rateRangeCodes: string[];
}

/** FCTVA regimes pay in the year of the expense (0), the year after (1) or two years after (2). */
export type FctvaYearOffset = 0 | 1 | 2;

export interface SimulationParameters {
  /** CGCT L1111-10 III: 2000. */
  minCommuneShareBp: DatedValue<number>[];
  derogationShares: DerogationShare[];
  /** CGCT R2334-27. */
  stateDotations: DatedValue<StateDotationsRule>[];
  /** Per 1,000,000 of the expense TTC (16.404 % = 164_040; CGCT L1615-6). */
  fctvaRateMillionths: DatedValue<number>[];
  fctvaYearOffset: DatedValue<FctvaYearOffset>[];
}

// --- Input -------------------------------------------------------------------------------------------------------

/** Rates granted by a scheme in past cases; shown only from `TYPICAL_RATE_MIN_COUNT` cases. */
export interface TypicalRate {
  schemeId: string;
  count: number;
  p25Bp: number;
  p50Bp: number;
  p75Bp: number;
}

export interface SimulationInput {
  communeInsee: string;
  communePopulation: number;
  epciPopulation: number | null;
  theme: ProjectTheme;
  eligibleExpenseHtCents: number;
  /** `null`: the FCTVA and the cash to advance are not estimated. */
  expenseTtcCents: number | null;
  /** Default 0. */
  privateFundingCents?: number;
  /** The day of the simulation: validity of the rules, deadlines, FCTVA year. */
  date: string;
  /** Only when the commune says the préfet granted it. */
  derogation: Derogation | null;
  /** The share set by the préfet's decision, for a derogation whose share the law leaves to him. */
  derogationShareBp?: number | null;
  spendingStarted: boolean;
  typicalRates?: TypicalRate[];
}

// --- Result ------------------------------------------------------------------------------------------------------

export interface SimulationLine {
  versionId: string;
  schemeId: string;
  schemeCode: string;
  schemeName: string;
  funder: Funder;
  illustrative: boolean;
  eligible: boolean;
  /** Each eligibility condition, met or not (French). */
  reasons: string[];
  base: TaxBase;
  baseCents: number;
  minCents: number;
  /** From the median of past cases; `null` under `TYPICAL_RATE_MIN_COUNT` cases. */
  typicalCents: number | null;
  typicalRate: TypicalRate | null;
  maxCents: number;
  /** In the plan of the maximum scenario, after the caps. */
  retainedCents: number;
  /** One French sentence per step. */
  explanation: string[];
  sources: SimulatorSource[];
}

export const SIMULATION_CAPS = ['STATE_DOTATIONS', 'MIN_COMMUNE_SHARE'] as const;
export type SimulationCap = (typeof SIMULATION_CAPS)[number];

export interface SimulationReduction {
  schemeCode: string;
  removedCents: number;
}

/** A cap that bit: what was asked, the limit, and what was removed from whom. */
export interface SimulationCapApplied {
  cap: SimulationCap;
  requestedCents: number;
  limitCents: number;
  removedCents: number;
  reductions: SimulationReduction[];
  source: SimulatorSource;
}

export interface SimulationTotals {
  /** The eligible expense HT (C). */
  costCents: number;
  privateFundingCents: number;
  /** The aids retained (A): A ≤ (1 − minimum share) × (C − P). */
  publicAidCents: number;
  /** C − P − A, never negative. */
  communeShareCents: number;
  fctvaCents: number | null;
  fctvaYear: number | null;
  /**
   * Cash the commune advances once the aids and the private money are in: TTC cost − A − P. It carries this amount
   * until the FCTVA is paid (`fctvaYear`); `null` without the TTC cost.
   */
  cashAdvanceCents: number | null;
  /** Cash advance − FCTVA: what the project finally costs the commune. */
  netCostCents: number | null;
}

export const SIMULATION_SCENARIOS = ['MAXIMUM', 'TYPICAL'] as const;
export type SimulationScenario = (typeof SIMULATION_SCENARIOS)[number];

export interface SimulationRetainedAid {
  schemeCode: string;
  cents: number;
}

export interface SimulationPlan {
  scenario: SimulationScenario;
  retained: SimulationRetainedAid[];
  capsApplied: SimulationCapApplied[];
  totals: SimulationTotals;
  explanation: string[];
}

export const SIMULATION_WARNING_CODES = [
  'SPENDING_STARTED',
  'DEADLINE_SOON',
  'DETR_COMMISSION',
  'RATE_BELOW_MIN_FOR_CAP',
  'FCTVA_NOT_ESTIMATED',
  'DEROGATION_NOT_APPLIED',
] as const;
export type SimulationWarningCode = (typeof SIMULATION_WARNING_CODES)[number];

export interface SimulationWarning {
  code: SimulationWarningCode;
  /** `null`: about the whole simulation. */
  schemeCode: string | null;
  message: string;
}

export interface SimulationResult {
  date: string;
  communeInsee: string;
  /** The commune's minimum share applied, in basis points of the public financing. */
  minCommuneShareBp: number;
  derogationApplied: Derogation | null;
  lines: SimulationLine[];
  /** On the maximum scenario of every line: always computed. */
  plan: SimulationPlan;
  /** On the typical scenario: `null` unless every eligible line has a typical amount. */
  typicalPlan: SimulationPlan | null;
  warnings: SimulationWarning[];
  /** The sources of the legal parameters applied. */
  sources: SimulatorSource[];
  notice: string;
}
