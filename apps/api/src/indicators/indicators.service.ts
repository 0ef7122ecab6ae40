import { Injectable } from '@nestjs/common';
import {
  BACKLOG_BANDS,
  type BacklogBand,
  type BacklogFigures,
  type DepartementIndicatorsDto,
  type DurationFigure,
  INDICATOR_DEFAULT_DAYS,
  INDICATOR_DEFINITIONS,
  INDICATOR_MAX_DAYS,
  INDICATOR_MIN_CASES,
  INDICATOR_SMALL_CELL,
  type IndicatorGroup,
  type IndicatorGroupRow,
  type IndicatorPeriod,
  type IndicatorSummary,
  type IndicatorThreadRow,
  OPEN_DATA_LICENCE,
  type PublicIndicatorsDto,
  POPULATION_BAND_LABELS,
  type PopulationBand,
  THREAD_CATEGORY_LABELS,
  type ThreadCategory,
} from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { nextDay, parisDay, parisMidnight, workingCalendar } from '../common/calendar/working-calendar';
import { Clock } from '../common/clock/clock';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import { IndicatorsCache } from './indicators-cache';
import { IndicatorsException } from './indicators.exception';
import { type Span, type SummaryRow, IndicatorsRepository, type WaitingRow } from './indicators.repository';
import { OfficeClock } from './office-clock';

const DAY_MS = 86_400_000;
/** The public page defines what it shows only. */
const PUBLIC_DEFINITIONS: Record<string, string> = Object.fromEntries(
  ['firstResponse', 'withinTarget', 'volumes', 'satisfaction', 'effort', 'percentiles'].map((key) => [key, INDICATOR_DEFINITIONS[key]]),
);
/** A drill-down lists at most this many questions. */
const DRILL_LIMIT = 500;

export interface IndicatorQuery {
  from?: string;
  to?: string;
  groupBy?: IndicatorGroup;
}

/** A département's rules of time: its office clock and its first-response target. */
interface DepartementClock {
  name: string;
  clock: OfficeClock;
  targetDays: number;
  rebuiltAt: Date | null;
  officeHours: DepartementIndicatorsDto['officeHours'];
  /** The stamp of the département's facts when the rules were read. */
  stamp: string;
}

/**
 * The département's indicators, for its agents and admins: the figures of a period and of the one before, the
 * questions still waiting, the weekly volumes, one breakdown, the projects. Per-agent rows are an agent's own only;
 * cantons and size bands too small to be told apart are merged into « autres ».
 */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly repository: IndicatorsRepository,
    private readonly clock: Clock,
    private readonly cache: IndicatorsCache,
  ) {}

  async dashboard(user: AuthUser, code: string, query: IndicatorQuery): Promise<DepartementIndicatorsDto> {
    this.assertStaffOf(user, code);
    const rules = await this.rules(code);
    const period = this.period(query);
    const previousPeriod = previousOf(period);
    const span = spanOf(period);
    const groupBy = query.groupBy ?? 'canton';
    const now = this.clock.now();
    const facts = this.facts(code, rules);
    const projects = <T>(parts: unknown[], load: () => Promise<T>) => this.cache.fromProjects(code, parts, load);
    const [[summary], [previous], waiting, weeks, byStatus, byTheme, byCanton, publications] = await Promise.all([
      facts(['summaries', span], () => this.repository.summaries(code, span, null)),
      facts(['summaries', spanOf(previousPeriod)], () => this.repository.summaries(code, spanOf(previousPeriod), null)),
      facts(['waiting', groupBy], () => this.repository.waiting(code, groupBy)),
      facts(['weeks', span], () => this.repository.weeks(code, span)),
      projects(['byStatus'], () => this.repository.projectsByStatus(code)),
      projects(['byTheme'], () => this.repository.projectsByTheme(code)),
      projects(['byCanton'], () => this.repository.projectsByCanton(code)),
      projects(['publications', span], () => this.repository.publications(code, span)),
    ]);
    return {
      departementCode: code,
      period,
      previousPeriod,
      summary: toSummary(summary, rules.targetDays),
      previous: toSummary(previous, rules.targetDays),
      backlog: backlogOf(uniqueThreads(waiting), rules, now),
      weeks,
      groupBy,
      groups: await this.groups(user, code, span, groupBy, rules, waiting),
      projects: {
        byStatus,
        byTheme,
        byCanton: byCanton.map((row) => ({ cantonCode: row.canton_code, cantonName: row.canton_name ?? 'Sans canton', count: row.count })),
        published: publications.published,
        views: publications.views,
      },
      officeHours: rules.officeHours,
      definitions: INDICATOR_DEFINITIONS,
      rebuiltAt: rules.rebuiltAt?.toISOString() ?? null,
    };
  }

  /** For everyone: the last 30 days of a département, no per-agent or per-commune figure. */
  async publicFigures(code: string): Promise<PublicIndicatorsDto> {
    const rules = await this.rules(code);
    const period = this.period({});
    const span = spanOf(period);
    const facts = this.facts(code, rules);
    const [[row], weeks] = await Promise.all([
      facts(['summaries', span], () => this.repository.summaries(code, span, null)),
      facts(['weeks', span], () => this.repository.weeks(code, span)),
    ]);
    const summary = toSummary(row, rules.targetDays);
    return {
      departementCode: code,
      departementName: rules.name,
      period,
      firstResponse: summary.firstResponse,
      weeks,
      opinions: summary.opinions,
      officeHours: rules.officeHours,
      definitions: PUBLIC_DEFINITIONS,
      licence: OPEN_DATA_LICENCE.name,
    };
  }

  /** The questions behind a figure of the period. */
  async drill(user: AuthUser, code: string, query: IndicatorQuery & { figure: string }): Promise<IndicatorThreadRow[]> {
    this.assertStaffOf(user, code);
    const rows = await this.repository.drill(code, spanOf(this.period(query)), query.figure, DRILL_LIMIT);
    return rows.map((row) => ({
      threadId: row.thread_id,
      subject: row.subject,
      communeInsee: row.commune_insee,
      communeName: row.commune_name,
      category: row.category,
      createdAt: row.created_at.toISOString(),
      firstResponseAt: row.first_response_at?.toISOString() ?? null,
      firstResponseWorkingMs: row.first_response_working_ms === null ? null : Number(row.first_response_working_ms),
      closedAt: row.closed_at?.toISOString() ?? null,
      satisfactionScore: row.satisfaction_score,
      effortScore: row.effort_score,
    }));
  }

  /** The period asked, by default the last 30 days up to today (Paris); checked in French. */
  period(query: IndicatorQuery): IndicatorPeriod {
    const today = parisDay(this.clock.now().getTime());
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -(INDICATOR_DEFAULT_DAYS - 1));
    const errors: Record<string, string> = {};
    if (from > to) {
      errors['from'] = 'Le début de la période doit précéder sa fin.';
    } else if (daysBetween(from, to) + 1 > INDICATOR_MAX_DAYS) {
      errors['from'] = `La période ne peut pas dépasser ${INDICATOR_MAX_DAYS} jours.`;
    }
    if (Object.keys(errors).length > 0) {
      throw new ValidationFailedException(errors);
    }
    return { from, to };
  }

  async rules(code: string): Promise<DepartementClock> {
    const settings = await this.repository.settings(code);
    if (!settings) {
      throw new IndicatorsException('DEPARTEMENT_NOT_FOUND');
    }
    return {
      name: settings.name,
      clock: new OfficeClock(workingCalendar(code), settings.office_hours),
      targetDays: settings.first_response_days,
      rebuiltAt: settings.indicators_rebuilt_at,
      officeHours: settings.office_hours,
      stamp: settings.stamp,
    };
  }

  /** A département's indicators are its staff's: anyone else is told it does not exist. */
  assertStaffOf(user: AuthUser, code: string): void {
    if (!isStaff(user) || user.departementCode !== code) {
      throw new IndicatorsException('DEPARTEMENT_NOT_FOUND');
    }
  }

  /** A figure computed from the département's facts, reused while its stamp stays the same. */
  private facts(code: string, rules: DepartementClock) {
    return <T>(parts: unknown[], load: () => Promise<T>): Promise<T> => this.cache.fromFacts(code, rules.stamp, parts, load);
  }

  /** One breakdown's rows; `waiting` is the questions waiting for a first answer, with this breakdown's keys. */
  private async groups(user: AuthUser, code: string, span: Span, group: IndicatorGroup, rules: DepartementClock, waiting: WaitingRow[]): Promise<IndicatorGroupRow[]> {
    const facts = this.facts(code, rules);
    // An agent reads their own row only; an admin every agent's.
    const onlyKey = group === 'agent' && user.role !== 'ADMIN' ? user.id : null;
    let merged: string[] = [];
    let communes = new Map<string | null, number>();
    if (group === 'canton' || group === 'sizeBand') {
      const [sizes, counts] = await Promise.all([
        facts(['groupSizes', group], () => this.repository.groupSizes(code, group)),
        facts(['groupCounts', span, group], () => this.repository.groupCounts(code, span, group)),
      ]);
      communes = new Map(sizes.map((s) => [s.key, s.communes]));
      merged = counts
        .filter((row) => row.key !== null && ((communes.get(row.key) ?? 0) < INDICATOR_SMALL_CELL.communes || row.questions < INDICATOR_SMALL_CELL.questions))
        .map((row) => row.key as string)
        .sort();
    }
    const rows = await facts(['summaries', span, group, merged, onlyKey], () => this.repository.summaries(code, span, group, merged, onlyKey));
    const names = await this.repository.groupLabels(code, group, rows.flatMap((r) => (r.key === null ? [] : [r.key])));
    const backlog = new Map<string | null, number>();
    for (const row of waiting) {
      const key = row.key !== null && merged.includes(row.key) ? null : row.key;
      backlog.set(key, (backlog.get(key) ?? 0) + 1);
    }
    return rows.map((row) => ({
      key: row.key,
      label: labelOf(group, row.key, names),
      communes: group === 'canton' || group === 'sizeBand' ? (row.key === null ? sumMerged(communes, merged) : (communes.get(row.key) ?? 0)) : null,
      summary: toSummary(row, rules.targetDays),
      backlog: backlog.get(row.key) ?? 0,
    }));
  }
}

/** A question with several labels comes once per label in the label breakdown: the backlog counts it once. */
function uniqueThreads(rows: WaitingRow[]): WaitingRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.thread_id) && seen.add(row.thread_id));
}

function labelOf(group: IndicatorGroup, key: string | null, names: Map<string, string>): string {
  if (key === null) {
    return { canton: 'Autres cantons', sizeBand: 'Autres tranches', category: 'Autre', label: 'Sans étiquette', agent: 'Sans réponse d’un agent' }[group];
  }
  switch (group) {
    case 'category':
      return THREAD_CATEGORY_LABELS[key as ThreadCategory] ?? key;
    case 'sizeBand':
      return POPULATION_BAND_LABELS[key as PopulationBand] ?? key;
    case 'agent':
      return names.get(key) ?? 'Ancien agent';
    default:
      return names.get(key) ?? key;
  }
}

function sumMerged(communes: Map<string | null, number>, merged: string[]): number {
  return merged.reduce((total, key) => total + (communes.get(key) ?? 0), communes.get(null) ?? 0);
}

export function toSummary(row: SummaryRow | undefined, targetDays: number): IndicatorSummary {
  const r = row ?? EMPTY_ROW;
  const figure = (count: number, p50: number | null, p90: number | null): DurationFigure =>
    count < INDICATOR_MIN_CASES ? { count, p50Ms: null, p90Ms: null } : { count, p50Ms: p50, p90Ms: p90 };
  const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    firstResponse: {
      working: figure(r.answered, r.fr_working_p50, r.fr_working_p90),
      elapsed: figure(r.answered, r.fr_elapsed_p50, r.fr_elapsed_p90),
      withinTarget: { count: r.answered, share: rate(r.within_target, r.answered) },
      targetDays,
    },
    resolution: figure(r.closed, r.resolution_p50, r.resolution_p90),
    reopenRate: { count: r.closed, share: rate(r.reopened_closed, r.closed) },
    opinions: {
      closed: r.closed,
      satisfaction: { count: r.satisfaction_count, average: r.satisfaction_average, responseRate: rate(r.satisfaction_count, r.closed) },
      effort: { count: r.effort_count, average: r.effort_average, responseRate: rate(r.effort_count, r.closed) },
    },
    created: r.created,
  };
}

const EMPTY_ROW: SummaryRow = {
  key: null,
  questions: 0,
  communes: 0,
  answered: 0,
  fr_working_p50: null,
  fr_working_p90: null,
  fr_elapsed_p50: null,
  fr_elapsed_p90: null,
  within_target: 0,
  closed: 0,
  resolution_p50: null,
  resolution_p90: null,
  reopened_closed: 0,
  satisfaction_count: 0,
  satisfaction_average: null,
  effort_count: 0,
  effort_average: null,
  created: 0,
};

/** The questions waiting for a first answer, by working age; « late » past the target. */
function backlogOf(rows: WaitingRow[], rules: DepartementClock, now: Date): BacklogFigures {
  const counts = new Map<BacklogBand, number>(BACKLOG_BANDS.map((band) => [band, 0]));
  let late = 0;
  for (const row of rows) {
    // A pause still running when the row was written lasts until now.
    const spans = row.waiting_spans.map((s, i, all) => (i === all.length - 1 && row.state === 'WAITING_COMMUNE' ? { ...s, end: now.getTime() } : s));
    const days = rules.clock.workingMs(row.created_at.getTime(), now.getTime(), spans) / rules.clock.dayMs;
    const band: BacklogBand = days < 2 ? 'UNDER_2' : days < 5 ? 'FROM_2_TO_5' : days < 10 ? 'FROM_5_TO_10' : 'OVER_10';
    counts.set(band, (counts.get(band) ?? 0) + 1);
    if (days > rules.targetDays) {
      late += 1;
    }
  }
  return { total: rows.length, late, bands: BACKLOG_BANDS.map((band) => ({ band, count: counts.get(band) ?? 0 })) };
}

export function spanOf(period: IndicatorPeriod): Span {
  return { start: new Date(parisMidnight(period.from)), end: new Date(parisMidnight(nextDay(period.to))) };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A calendar day `days` later (earlier when negative). */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same number of days, ending the day before. */
export function previousOf(period: IndicatorPeriod): IndicatorPeriod {
  const to = addDays(period.from, -1);
  return { from: addDays(to, -daysBetween(period.from, period.to)), to };
}
