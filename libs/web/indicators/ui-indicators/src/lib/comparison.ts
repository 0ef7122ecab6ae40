import type { IndicatorPeriod } from '@passerelle/shared/dto';
import { formatCount, formatInteger } from '@passerelle/web/shared/util-format';
import { formatDurationDelta } from './format-duration';
import { formatDecimal, periodDays } from './format-figure';

/** A figure against the previous period, in words (the arrow is decoration: the sign and the words carry it). */
export interface Comparison {
  direction: 'up' | 'down' | 'same' | 'none';
  text: string;
}

const MINUS = '\u2212';

/** `30 jours précédents`: the previous period has the same length, just before. */
export function previousPeriodWords(period: IndicatorPeriod): string {
  return `${formatInteger(periodDays(period))} jours précédents`;
}

/** Medians and percentiles: `+12 min par rapport aux 30 jours précédents`. */
export function compareDurations(current: number | null, previous: number | null, since: string, dayMs: number | null): Comparison {
  if (current == null || previous == null) {
    return none(since, 'trop peu de questions');
  }
  return compared(current - previous, since, (delta) => formatDurationDelta(delta, dayMs), 60_000);
}

/** Shares, in percentage points: `+5 points par rapport aux 30 jours précédents`. */
export function compareShares(current: number | null, previous: number | null, since: string): Comparison {
  if (current == null || previous == null) {
    return none(since, 'aucune question');
  }
  const points = Math.round((current - previous) * 100);
  return compared(points, since, (delta) => signed(delta, formatCount(Math.abs(delta), 'point')), 1);
}

/** Averages of opinions: `+0,3 par rapport aux 30 jours précédents`. */
export function compareAverages(current: number | null, previous: number | null, since: string): Comparison {
  if (current == null || previous == null) {
    return none(since, 'aucune réponse');
  }
  const rounded = Math.round((current - previous) * 10) / 10;
  return compared(rounded, since, (delta) => signed(delta, formatDecimal(Math.abs(delta))), 0.1);
}

/** Counts: `+12 questions par rapport aux 30 jours précédents`. */
export function compareCounts(current: number, previous: number, since: string, singular: string, plural = `${singular}s`): Comparison {
  return compared(current - previous, since, (delta) => signed(delta, formatCount(Math.abs(delta), singular, plural)), 1);
}

/** `delta` smaller than `unit` is no change: a median 20 seconds shorter is « identique ». */
function compared(delta: number, since: string, format: (delta: number) => string, unit: number): Comparison {
  if (Math.abs(delta) < unit - 1e-9) {
    return { direction: 'same', text: `Identique aux ${since}` };
  }
  return { direction: delta > 0 ? 'up' : 'down', text: `${format(delta)} par rapport aux ${since}` };
}

function none(since: string, why: string): Comparison {
  return { direction: 'none', text: `Pas de comparaison avec les ${since} (${why})` };
}

function signed(delta: number, text: string): string {
  return `${delta > 0 ? '+' : MINUS}${text}`;
}
