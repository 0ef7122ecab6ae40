import type { ProjectStatus, ProjectTheme } from './projects';
import type { ThreadCategory } from './threads';

/*
 * The département's indicators: how fast and how well it answers the communes, measured on one row per question (the
 * fact table), in working time. Durations are milliseconds; shares are between 0 and 1; days are `YYYY-MM-DD` (Paris).
 * A figure computed on too few cases is not shown (`null`), its count always is.
 */

// --- Office hours -----------------------------------------------------------------------------------------------

/** One span of a working day, Paris time, `HH:MM`, `start < end`. */
export interface OfficeSpan {
  start: string;
  end: string;
}

/** The département's office hours on each working day (French public holidays and weekends excluded). */
export const DEFAULT_OFFICE_HOURS: readonly OfficeSpan[] = [
  { start: '09:00', end: '12:30' },
  { start: '13:30', end: '17:30' },
];

export const OFFICE_HOURS_LIMITS = { spans: 4 } as const;

// --- Effort (CES) ----------------------------------------------------------------------------------------------

/** Customer effort, asked at closure next to the satisfaction, optional: agreement from 1 to 7. */
export const EFFORT_STATEMENT = 'Il a été facile d’obtenir une réponse à ma question';
export const EFFORT_SCORES = [1, 2, 3, 4, 5, 6, 7] as const;
export type EffortScore = (typeof EFFORT_SCORES)[number];
export const EFFORT_LABELS: Record<EffortScore, string> = {
  1: 'Pas du tout d’accord',
  2: 'Pas d’accord',
  3: 'Plutôt pas d’accord',
  4: 'Ni d’accord ni pas d’accord',
  5: 'Plutôt d’accord',
  6: 'D’accord',
  7: 'Tout à fait d’accord',
};

// --- Rules of the figures ------------------------------------------------------------------------------------------

/** A percentile or a median is shown from this many cases; under it the figure is `null` and its count is given. */
export const INDICATOR_MIN_CASES = 10;
/** A canton or a size band with fewer communes or questions than these is merged into « autres ». */
export const INDICATOR_SMALL_CELL = { communes: 3, questions: 5 } as const;
/** The longest period one request may cover (days). */
export const INDICATOR_MAX_DAYS = 731;
/** The default period: the last 30 days. */
export const INDICATOR_DEFAULT_DAYS = 30;

/** Commune size bands (population), smallest first. */
export const POPULATION_BANDS = ['UNDER_500', 'FROM_500_TO_999', 'FROM_1000_TO_1999', 'FROM_2000_TO_4999', 'FROM_5000'] as const;
export type PopulationBand = (typeof POPULATION_BANDS)[number];
export const POPULATION_BAND_LABELS: Record<PopulationBand, string> = {
  UNDER_500: 'Moins de 500 habitants',
  FROM_500_TO_999: 'De 500 à 999 habitants',
  FROM_1000_TO_1999: 'De 1 000 à 1 999 habitants',
  FROM_2000_TO_4999: 'De 2 000 à 4 999 habitants',
  FROM_5000: '5 000 habitants et plus',
};

/** Ages of the questions still waiting for a first answer, in working days since they were asked (pauses excluded). */
export const BACKLOG_BANDS = ['UNDER_2', 'FROM_2_TO_5', 'FROM_5_TO_10', 'OVER_10'] as const;
export type BacklogBand = (typeof BACKLOG_BANDS)[number];
export const BACKLOG_BAND_LABELS: Record<BacklogBand, string> = {
  UNDER_2: 'Moins de 2 jours ouvrés',
  FROM_2_TO_5: 'De 2 à 5 jours ouvrés',
  FROM_5_TO_10: 'De 5 à 10 jours ouvrés',
  OVER_10: 'Plus de 10 jours ouvrés',
};

export const INDICATOR_GROUPS = ['canton', 'category', 'label', 'sizeBand', 'agent'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

export const INDICATOR_CSV_LEVELS = ['thread', 'week', 'canton', 'agent'] as const;
export type IndicatorCsvLevel = (typeof INDICATOR_CSV_LEVELS)[number];

/** The figures a drill-down can list the questions of. */
export const INDICATOR_FIGURES = ['firstResponse', 'withinTarget', 'late', 'backlog', 'reopened', 'closed', 'created', 'satisfaction', 'effort'] as const;
export type IndicatorFigure = (typeof INDICATOR_FIGURES)[number];

/** Each figure's definition, shown on the page and written at the head of the exports. */
export const INDICATOR_DEFINITIONS: Record<string, string> = {
  firstResponse:
    'Délai de première réponse : du dépôt de la question à la première réponse publique du département, compté en heures ouvrées (jours ouvrés, hors jours fériés, aux horaires du département, heure de Paris), moins le temps passé à attendre la commune. Compté dans la période de la réponse. Le délai écoulé (calendaire) est donné aussi.',
  withinTarget:
    'Part des questions répondues dans l’objectif : parmi les questions répondues dans la période, celles dont le délai de première réponse (heures ouvrées) ne dépasse pas l’objectif du département en jours ouvrés.',
  backlog:
    'Questions en attente d’une première réponse, aujourd’hui, par ancienneté en jours ouvrés depuis leur dépôt (hors attente de la commune). Une question en retard y reste visible, ce qu’un délai médian sur les questions répondues cache.',
  volumes:
    'Volumes par semaine (du lundi au dimanche) : questions déposées, répondues pour la première fois, fermées, rouvertes.',
  resolution: 'Délai de résolution : du dépôt à la dernière fermeture, en heures ouvrées moins l’attente de la commune, pour les questions fermées dans la période.',
  reopenRate: 'Taux de réouverture : part des questions fermées dans la période qui ont été rouvertes au moins une fois.',
  satisfaction: 'Satisfaction : note de 1 à 5 donnée par la commune à la fermeture ; taux de réponse : part des questions fermées qui en ont une.',
  effort:
    'Effort (CES) : accord de 1 à 7 avec « Il a été facile d’obtenir une réponse à ma question », facultatif, donné à la fermeture ; taux de réponse : part des questions fermées qui en ont un.',
  percentiles: `Médiane (p50) et 90e centile (p90) calculés sur toutes les questions de la cellule, jamais moyennés entre groupes ; « — » sous ${INDICATOR_MIN_CASES} questions, le nombre étant toujours donné.`,
  smallCells: `Un canton ou une tranche de population comptant moins de ${INDICATOR_SMALL_CELL.communes} communes ou moins de ${INDICATOR_SMALL_CELL.questions} questions est regroupé dans « autres ».`,
};

// --- Figures -----------------------------------------------------------------------------------------------------

/** A duration's distribution: `null` under `INDICATOR_MIN_CASES` cases. */
export interface DurationFigure {
  count: number;
  p50Ms: number | null;
  p90Ms: number | null;
}

export interface ShareFigure {
  count: number;
  /** Of `count`; `null` when `count` is 0. */
  share: number | null;
}

export interface FirstResponseFigures {
  /** In working time, pauses excluded. */
  working: DurationFigure;
  /** Calendar time, pauses included. */
  elapsed: DurationFigure;
  withinTarget: ShareFigure;
  targetDays: number;
}

export interface BacklogFigures {
  total: number;
  /** Past the département's target. */
  late: number;
  bands: { band: BacklogBand; count: number }[];
}

export interface WeekVolumes {
  /** Monday. */
  week: string;
  created: number;
  answered: number;
  closed: number;
  reopened: number;
}

export interface OpinionFigures {
  closed: number;
  satisfaction: { count: number; average: number | null; responseRate: number | null };
  effort: { count: number; average: number | null; responseRate: number | null };
}

export interface IndicatorSummary {
  firstResponse: FirstResponseFigures;
  resolution: DurationFigure;
  reopenRate: ShareFigure;
  opinions: OpinionFigures;
  created: number;
}

/** One group of a breakdown (a canton, a category…); `key` `null` is « autres » (merged small cells). */
export interface IndicatorGroupRow {
  key: string | null;
  label: string;
  communes: number | null;
  summary: IndicatorSummary;
  backlog: number;
}

export interface ProjectCount<K extends string> {
  key: K;
  count: number;
}

export interface ProjectFigures {
  byStatus: ProjectCount<ProjectStatus>[];
  byTheme: ProjectCount<ProjectTheme>[];
  byCanton: { cantonCode: string | null; cantonName: string; count: number }[];
  published: number;
  /** Consultations of the published projects in the period (the daily counter). */
  views: number;
}

export interface IndicatorPeriod {
  from: string;
  /** Inclusive. */
  to: string;
}

export interface DepartementIndicatorsDto {
  departementCode: string;
  period: IndicatorPeriod;
  /** The same length just before, for comparison. */
  previousPeriod: IndicatorPeriod;
  summary: IndicatorSummary;
  previous: IndicatorSummary;
  backlog: BacklogFigures;
  weeks: WeekVolumes[];
  groupBy: IndicatorGroup;
  groups: IndicatorGroupRow[];
  projects: ProjectFigures;
  officeHours: OfficeSpan[];
  definitions: Record<string, string>;
  /** When the fact table was last rebuilt in full (the nightly job). */
  rebuiltAt: string | null;
}

/** One question behind a figure (drill-down). */
export interface IndicatorThreadRow {
  threadId: string;
  subject: string;
  communeInsee: string;
  communeName: string;
  category: ThreadCategory;
  createdAt: string;
  firstResponseAt: string | null;
  firstResponseWorkingMs: number | null;
  closedAt: string | null;
  /** The commune's opinions at closure (1–5 and 1–7), when given. */
  satisfactionScore: number | null;
  effortScore: number | null;
}

/** The public figures of a département over the last 30 days: no per-agent or per-commune figure. */
export interface PublicIndicatorsDto {
  departementCode: string;
  departementName: string;
  period: IndicatorPeriod;
  firstResponse: FirstResponseFigures;
  weeks: WeekVolumes[];
  opinions: OpinionFigures;
  /** The département's office hours, in which working time and its days are counted. */
  officeHours: OfficeSpan[];
  definitions: Record<string, string>;
  licence: string;
}
