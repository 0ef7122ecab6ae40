import { BarController, BarElement, CategoryScale, Chart, type ChartConfiguration, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { ChartHandle, IndicatorChartConfig } from './chart-renderer';

/*
 * Chart.js with the pieces the indicators draw (bars, lines, the two scales, the legend and the tooltips) and none of
 * the others: imported statically here so that the bundler leaves the rest out, and this module itself loaded lazily
 * by `renderWithChartJs` on the first chart.
 */
Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

export function createChart(canvas: HTMLCanvasElement, config: IndicatorChartConfig): ChartHandle {
  // The page's own font and text colour, at the 14 px the portal never goes under (Chart.js defaults to 12 px Helvetica).
  const style = getComputedStyle(canvas);
  Chart.defaults.font.family = style.fontFamily;
  Chart.defaults.font.size = 14;
  Chart.defaults.color = style.color;
  const chart = new Chart(canvas, config as ChartConfiguration);
  return { destroy: () => chart.destroy() };
}
