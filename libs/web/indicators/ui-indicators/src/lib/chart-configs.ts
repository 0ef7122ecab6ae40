import type { WeekVolumes } from '@passerelle/shared/dto';
import type { ChartConfiguration, ChartOptions } from 'chart.js';
import { formatCalendarDay } from '@passerelle/web/shared/util-format';

/**
 * The series of the weekly volumes. Each has its colour (3:1 against white at least, distinct for the common
 * colour-vision deficiencies), its point shape and its dash: the lines stay apart in grey too.
 */
export const VOLUME_SERIES = [
  { key: 'created', label: 'Déposées', color: '#1f5fbf', pointStyle: 'circle', dash: [] },
  { key: 'answered', label: 'Répondues', color: '#b35400', pointStyle: 'rect', dash: [8, 4] },
  { key: 'closed', label: 'Fermées', color: '#2e7d32', pointStyle: 'triangle', dash: [3, 3] },
  { key: 'reopened', label: 'Rouvertes', color: '#7b1fa2', pointStyle: 'crossRot', dash: [12, 4, 3, 4] },
] as const satisfies readonly { key: keyof Omit<WeekVolumes, 'week'>; label: string; color: string; pointStyle: string; dash: number[] }[];

const BAR_COLOR = '#1f5fbf';

export interface CountItem {
  label: string;
  count: number;
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** What every chart shares: French numbers, the size of its container, no animation for those who asked for none. */
function baseOptions(): ChartOptions<'bar' | 'line'> {
  return {
    locale: 'fr-FR',
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion() ? false : { duration: 300 },
    plugins: {
      legend: { position: 'bottom', labels: { usePointStyle: true, padding: 16 } },
    },
  };
}

/** `2026-03-02` → `02/03`: the week's Monday, short enough for the axis. */
export function weekLabel(week: string): string {
  return formatCalendarDay(week).slice(0, 5);
}

/** Weekly volumes: one line per series, weeks along the axis. */
export function volumesChartConfig(weeks: readonly WeekVolumes[]): ChartConfiguration<'line'> {
  const base = baseOptions() as ChartOptions<'line'>;
  return {
    type: 'line',
    data: {
      labels: weeks.map((week) => weekLabel(week.week)),
      datasets: VOLUME_SERIES.map((series) => ({
        label: series.label,
        data: weeks.map((week) => week[series.key]),
        borderColor: series.color,
        backgroundColor: series.color,
        pointStyle: series.pointStyle,
        pointRadius: 4,
        borderDash: [...series.dash],
        borderWidth: 2,
        tension: 0,
      })),
    },
    options: {
      ...base,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { title: { display: true, text: 'Semaine du' } },
        y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Questions' } },
      },
    },
  };
}

/**
 * A long label on lines of about `width` characters, cut between words: Chart.js gives an axis at most half the
 * chart's width and clips what does not fit (« ronnement et biodiversité » on a phone).
 */
export function wrapLabel(label: string, width = 16): string[] {
  // A compound name longer than a line (« Saint-Ouen-l'Aumône ») breaks after its hyphens.
  const words = label.split(' ').flatMap((word) => (word.length > width ? word.split(/(?<=-)/) : [word]));
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.length - 1;
    const joined = last >= 0 ? (lines[last].endsWith('-') ? `${lines[last]}${word}` : `${lines[last]} ${word}`) : word;
    if (last >= 0 && joined.length <= width) {
      lines[last] = joined;
    } else {
      lines.push(word);
    }
  }
  return lines;
}

/** One series of counts as bars; across (`horizontal`) when the labels are long (themes, cantons). */
export function countBarConfig(items: readonly CountItem[], seriesLabel: string, horizontal = false): ChartConfiguration<'bar'> {
  const base = baseOptions() as ChartOptions<'bar'>;
  const valueAxis = { beginAtZero: true, ticks: { precision: 0 } };
  return {
    type: 'bar',
    data: {
      labels: items.map((item) => (horizontal ? wrapLabel(item.label) : item.label)),
      datasets: [{ label: seriesLabel, data: items.map((item) => item.count), backgroundColor: BAR_COLOR, borderColor: BAR_COLOR, maxBarThickness: 32 }],
    },
    options: {
      ...base,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { ...base.plugins, legend: { display: false } },
      scales: horizontal ? { x: valueAxis } : { y: valueAxis },
    },
  };
}

/** A horizontal bar chart tall enough for its labels (on two lines at most): 44 px a bar and room for the axis. */
export function barChartHeight(bars: number): number {
  return Math.max(160, bars * 44 + 56);
}
