import { InjectionToken } from '@angular/core';
import type { ChartConfiguration } from 'chart.js';

/** The configurations this library builds: bars and lines. */
export type IndicatorChartConfig = ChartConfiguration<'bar'> | ChartConfiguration<'line'>;

/** A chart drawn in a canvas, to be destroyed with its component. */
export interface ChartHandle {
  destroy(): void;
}

/** Draws a configuration in a canvas. Unit tests give their own: jsdom has no canvas to draw in. */
export type ChartRenderer = (canvas: HTMLCanvasElement, config: IndicatorChartConfig) => Promise<ChartHandle>;

/**
 * Chart.js, loaded on the first chart only: the pages without a chart never download it, and the indicators' route
 * downloads it after its first render.
 */
export async function renderWithChartJs(canvas: HTMLCanvasElement, config: IndicatorChartConfig): Promise<ChartHandle> {
  const { createChart } = await import('./chart-js');
  return createChart(canvas, config);
}

export const CHART_RENDERER = new InjectionToken<ChartRenderer>('CHART_RENDERER', {
  providedIn: 'root',
  factory: () => renderWithChartJs,
});
