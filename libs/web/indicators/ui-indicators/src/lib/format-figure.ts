import { type DurationFigure, INDICATOR_MIN_CASES, type IndicatorPeriod } from '@passerelle/shared/dto';
import { formatCalendarDay, formatCount, formatPercent } from '@passerelle/web/shared/util-format';

const averageFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** `0.82` → `82 %`; no share (no case) → `—`. */
export function formatShare(share: number | null): string {
  return share == null ? '—' : formatPercent(share);
}

/** `4.25`, out of 5 → `4,3 / 5`; no answer → `—`. */
export function formatAverage(average: number | null, max: number): string {
  return average == null ? '—' : `${averageFormat.format(average)}\u00a0/\u00a0${max}`;
}

/** `4,3`: an average or a change of average, one decimal. */
export function formatDecimal(value: number): string {
  return averageFormat.format(value);
}

/**
 * What a duration's count says: `sur 42 questions répondues`, or, under the minimum, that the figure is not computed
 * and on how many cases — « — » is never shown without its count.
 */
export function durationCountText(figure: DurationFigure, singular: string, plural: string): string {
  const count = formatCount(figure.count, singular, plural);
  if (figure.p50Ms != null) {
    return `sur ${count}`;
  }
  // Every count here is of questions (feminine): « aucune question fermée ».
  return figure.count === 0 ? `aucune ${singular}` : `${count}\u00a0: trop peu pour un délai (moins de ${INDICATOR_MIN_CASES})`;
}

/** `du 01/03/2026 au 31/03/2026`. */
export function formatPeriod(period: IndicatorPeriod): string {
  return `du ${formatCalendarDay(period.from)} au ${formatCalendarDay(period.to)}`;
}

/** The number of days of a period, both ends included. */
export function periodDays(period: IndicatorPeriod): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}
