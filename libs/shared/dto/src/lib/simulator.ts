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

// --- API: the catalogue ------------------------------------------------------------------------------------------

/** The fields of a version's rule that are stored with it (the scheme gives the rest: code, name, funder…). */
export type AidSchemeRuleFields = Omit<
  AidSchemeVersionRule,
  'id' | 'schemeId' | 'code' | 'name' | 'funder' | 'kind' | 'destination' | 'validFrom' | 'validTo'
>;

export interface AidSchemeLink {
  label: string;
  url: string;
}

export interface AidSchemeVersionDto {
  id: string;
  validFrom: string;
  /** Inclusive; `null`: still in force. */
  validTo: string | null;
  rule: AidSchemeRuleFields;
  createdAt: string;
}

/** Whether the scheme's current version suits a commune (population, EPCI, theme when asked). */
export interface AidSchemeCommuneEligibility {
  communeInsee: string;
  eligible: boolean;
  /** Each condition checked, met or not (French). */
  reasons: string[];
}

export interface AidSchemeSummaryDto {
  id: string;
  /** `null`: a national scheme of the installation, read-only for every département. */
  departementCode: string | null;
  code: string;
  name: string;
  funder: Funder;
  kind: AidKind;
  destination: AidDestination;
  description: string;
  audiences: string[];
  recurrence: string;
  callForProjects: boolean;
  links: AidSchemeLink[];
  version: number;
  updatedAt: string;
  /** The version in force today; `null` when none is. */
  current: AidSchemeVersionDto | null;
  /** Only when a commune was asked for (`?insee=`). */
  eligibility: AidSchemeCommuneEligibility | null;
  /** Whether the signed-in user may edit it (an admin of its département). */
  editable: boolean;
}

/** A scheme's line in one simulation, as a test case expects it. */
export interface AidSchemeTestExpectation {
  /** Whether a version of the scheme was in force on the case's date. */
  inForce: boolean;
  eligible: boolean;
  minCents: number;
  maxCents: number;
  retainedCents: number;
}

export interface AidSchemeTestCaseDto {
  id: string;
  name: string;
  input: SimulationInput;
  expected: AidSchemeTestExpectation;
  createdAt: string;
}

export interface AidSchemeDto extends AidSchemeSummaryDto {
  /** Newest first. */
  versions: AidSchemeVersionDto[];
  /** For the département's admins only; `null` for others. */
  testCases: AidSchemeTestCaseDto[] | null;
}

export interface AidSchemeVersionInput {
  validFrom: string;
  validTo: string | null;
  rule: AidSchemeRuleFields;
}

export interface CreateAidSchemeRequest {
  code: string;
  name: string;
  funder: Funder;
  kind: AidKind;
  destination: AidDestination;
  description?: string;
  audiences?: string[];
  recurrence?: string;
  callForProjects?: boolean;
  links?: AidSchemeLink[];
  /** A national scheme, read by every département: for the installation's admins only (403 otherwise). */
  national?: boolean;
  /** The first version. */
  firstVersion: AidSchemeVersionInput;
}

/**
 * A change carries the version it was made on (409 when stale). A rule is never edited in place: `newVersion` adds a
 * dated version, starting after the latest one, which then ends the day before.
 */
export type UpdateAidSchemeRequest = Partial<Omit<CreateAidSchemeRequest, 'firstVersion' | 'national'>> & {
  version: number;
  newVersion?: AidSchemeVersionInput;
  /**
   * Saved test cases must still give the same line after an edit: when one would change, the edit answers 409
   * `AID_SCHEME_TEST_CASES_CHANGED` (with `changedTestCases`) and nothing is saved, unless the admin accepts the new
   * results, which then become the cases' expectations.
   */
  acceptChangedTestCases?: boolean;
};

/** « Tester la règle » : the edit as it would be saved, run against every saved case, and nothing saved. */
export type AidSchemeTestRuleRequest = Omit<UpdateAidSchemeRequest, 'acceptChangedTestCases'>;

/** One saved case run with the draft rule. */
export interface AidSchemeTestCaseCheck extends AidSchemeTestCaseRun {
  /** The line is the one saved with the case. */
  passed: boolean;
}

export interface AidSchemeTestRuleResult {
  /** Every saved case, in the order they were saved. */
  checks: AidSchemeTestCaseCheck[];
}

/** The body of the 409 answered when an edit would change saved cases. */
export interface AidSchemeTestCasesChangedError {
  code: 'AID_SCHEME_TEST_CASES_CHANGED';
  message: string;
  changedTestCases: AidSchemeTestCaseRun[];
}

/** A saved case whose line changed with the new rule (« Tester la règle »). */
export interface AidSchemeTestCaseRun {
  testCaseId: string;
  name: string;
  expected: AidSchemeTestExpectation;
  actual: AidSchemeTestExpectation;
}

export interface AidSchemeUpdateResult {
  scheme: AidSchemeDto;
  /** The saved cases whose line changed and whose expectation was updated (`acceptChangedTestCases`). */
  changedTestCases: AidSchemeTestCaseRun[];
}

export interface CreateAidSchemeTestCaseRequest extends ProjectSimulationRequest {
  name: string;
  communeInsee: string;
}

// --- API: simulations --------------------------------------------------------------------------------------------

/** Upper bound of every amount of a request (10 billion euros). */
export const SIMULATION_MAX_CENTS = 1_000_000_000_000;

export interface SimulationRequest {
  communeInsee: string;
  theme: ProjectTheme;
  eligibleExpenseHtCents: number;
  expenseTtcCents?: number | null;
  privateFundingCents?: number;
  /** Default: today (Paris). */
  date?: string;
  derogation?: Derogation | null;
  derogationShareBp?: number | null;
  spendingStarted?: boolean;
  /** Saves the simulation with this project of the commune. */
  projectId?: string;
}

export type ProjectSimulationRequest = Omit<SimulationRequest, 'communeInsee' | 'projectId'>;

/** A result, with the id of the saved simulation (`null`: computed, not saved). */
export interface SimulationResponse extends SimulationResult {
  id: string | null;
}

/** A saved simulation: its input and its result as computed then, with the versions of the rules it used. */
export interface SavedSimulationDto {
  id: string;
  communeInsee: string;
  projectId: string | null;
  createdAt: string;
  createdByName: string | null;
  input: SimulationInput;
  result: SimulationResult;
  versionIds: string[];
}

// --- API: the open-data file of DETR / DSIL grants -----------------------------------------------------------------

/** The State dotations whose yearly grants are published as open data, and can feed the typical rates. */
export const AID_GRANT_IMPORT_SCHEMES = ['DETR', 'DSIL'] as const;
export type AidGrantImportScheme = (typeof AID_GRANT_IMPORT_SCHEMES)[number];

/** Largest file accepted (a whole year of a région fits well under it). */
export const AID_GRANT_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** A line of the file that was not kept, and why (French). */
export interface AidGrantImportRejectedLine {
  /** 1-based, the header being line 1. */
  line: number;
  reason: string;
}

/**
 * One import of the file (columns: projet, bénéficiaire, département, coût total HT, subvention accordée, année; an
 * optional column naming the dotation). Only the importing département's lines are kept; importing the same scheme
 * and year again replaces the previous lines. Kept grants count like obtained funding lines in the typical rates.
 */
export interface AidGrantImportDto {
  id: string;
  scheme: AidGrantImportScheme;
  fileName: string;
  /** The years the kept lines cover. */
  years: number[];
  keptCount: number;
  /** Lines of other départements, ignored. */
  otherDepartementCount: number;
  rejectedCount: number;
  /** The first rejected lines (at most 50). */
  rejected: AidGrantImportRejectedLine[];
  importedAt: string;
  importedByName: string | null;
}

// --- API: from a simulation to the fiche's funding plan -------------------------------------------------------------

/**
 * « Ajouter au plan de financement » : chosen lines of a saved simulation of the project become funding lines in the
 * state « envisagé », requesting the amount the chosen plan retains. A scheme already in the plan as « envisagé » has
 * its amount replaced; one already requested, obtained, refused or paid is left as it is. The answer is the fiche.
 */
export interface AddSimulationFundingRequest {
  /** The fiche's version (409 when stale). */
  version: number;
  /** Scheme ids of the simulation's eligible lines with an amount in the chosen plan. */
  schemeIds: string[];
  /** Which plan gives the amounts: the maximum (always there) or the typical one (when the simulation has it). */
  scenario: SimulationScenario;
}
