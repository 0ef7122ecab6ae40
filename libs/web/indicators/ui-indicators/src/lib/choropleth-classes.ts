import type { IndicatorGroupRow } from '@passerelle/shared/dto';
import { formatCount, formatPercent } from '@passerelle/web/shared/util-format';
import { formatWorkingDuration } from './format-duration';
import { formatShare } from './format-figure';

/** What colours the cantons: the median first response in working time, or the share answered within the target. */
export type ChoroplethMeasure = 'firstResponse' | 'withinTarget';

export interface ChoroplethClass {
  color: string;
  label: string;
}

/** A sequential blue scale, light to dark from the better to the worse: it reads in grey and for colour-blind eyes. */
export const CHOROPLETH_COLORS = ['#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
/** Cantons with their own row but too few answered questions for a median. */
export const CHOROPLETH_TOO_FEW = '#d9d9d9';

export interface ChoroplethScale {
  title: string;
  classes: ChoroplethClass[];
  /** The class of a canton's row; `null` when there is no figure (too few questions). */
  classOf(row: IndicatorGroupRow): number | null;
  /** The canton's value in words, for its tooltip. */
  describe(row: IndicatorGroupRow): string;
  tooFew: string;
}

const HOUR = 3_600_000;

/**
 * The four classes of a measure. Delays are cut at 1 and 2 working days and at the target (at a quarter and a half of
 * the target when it is shorter than 3 days); shares at 90, 75 and 50 %.
 */
export function choroplethScale(measure: ChoroplethMeasure, dayMs: number, targetDays: number): ChoroplethScale {
  const answered = (row: IndicatorGroupRow) => formatCount(row.summary.firstResponse.working.count, 'question répondue', 'questions répondues');
  if (measure === 'withinTarget') {
    const bounds = [0.9, 0.75, 0.5];
    return {
      title: `Part des questions répondues dans l’objectif de ${formatCount(targetDays, 'jour ouvré', 'jours ouvrés')}`,
      classes: [
        { color: CHOROPLETH_COLORS[0], label: `${formatPercent(0.9)} ou plus` },
        { color: CHOROPLETH_COLORS[1], label: `De ${formatPercent(0.75)} à moins de ${formatPercent(0.9)}` },
        { color: CHOROPLETH_COLORS[2], label: `De ${formatPercent(0.5)} à moins de ${formatPercent(0.75)}` },
        { color: CHOROPLETH_COLORS[3], label: `Moins de ${formatPercent(0.5)}` },
      ],
      classOf: (row) => {
        const share = row.summary.firstResponse.withinTarget.share;
        if (share == null) {
          return null;
        }
        const index = bounds.findIndex((bound) => share >= bound);
        return index === -1 ? 3 : index;
      },
      describe: (row) => `Dans l’objectif : ${formatShare(row.summary.firstResponse.withinTarget.share)} (${answered(row)})`,
      tooFew: 'Aucune question répondue',
    };
  }
  const targetMs = targetDays * dayMs;
  const bounds = targetDays >= 3 ? [dayMs, 2 * dayMs, targetMs] : [targetMs / 4, targetMs / 2, targetMs];
  const d = (ms: number) => formatWorkingDuration(ms, dayMs);
  // Rounded to the quarter hour: a bound is a legend's words, not a measure.
  const [b0, b1, b2] = bounds.map((ms) => Math.round(ms / (HOUR / 4)) * (HOUR / 4));
  return {
    title: 'Délai médian de première réponse, en temps ouvré (j : jour ouvré)',
    classes: [
      { color: CHOROPLETH_COLORS[0], label: `${d(b0)} ou moins` },
      { color: CHOROPLETH_COLORS[1], label: `Plus de ${d(b0)}, jusqu’à ${d(b1)}` },
      { color: CHOROPLETH_COLORS[2], label: `Plus de ${d(b1)}, jusqu’à ${d(b2)} (l’objectif)` },
      { color: CHOROPLETH_COLORS[3], label: `Plus de ${d(b2)} (au-delà de l’objectif)` },
    ],
    classOf: (row) => {
      const p50 = row.summary.firstResponse.working.p50Ms;
      if (p50 == null) {
        return null;
      }
      const index = [b0, b1, b2].findIndex((bound) => p50 <= bound);
      return index === -1 ? 3 : index;
    },
    describe: (row) => `Médiane : ${d(row.summary.firstResponse.working.p50Ms ?? Number.NaN)} (${answered(row)})`,
    tooFew: 'Trop peu de questions répondues pour une médiane',
  };
}
