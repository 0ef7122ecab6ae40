import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FUNDER_LABELS, type SimulationLine, type SimulationResult } from '@passerelle/shared/dto';
import { formatCalendarDay, formatEuros, formatPercent } from '@passerelle/web/shared/util-format';
import { SIMULATION_CAP_LABELS } from './simulation-labels';

interface PlanRow {
  label: string;
  maximum: number | null;
  typical: number | null;
  /** A total, set in bold. */
  total: boolean;
}

/**
 * One simulation's result: the estimate notice, the warnings, one block per scheme (eligibility, range, the amount
 * retained, the steps of the calculation and their sources), the financing plan and the caps that bit. Its headings
 * start at `h3`: the page gives the `h2` and moves the focus to it.
 */
@Component({
  selector: 'pas-simulation-result-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './simulation-result-view.html',
  styleUrl: './simulation-result-view.scss',
})
export class SimulationResultView {
  readonly result = input.required<SimulationResult>();

  protected readonly euros = formatEuros;
  protected readonly funderLabels = FUNDER_LABELS;
  protected readonly capLabels = SIMULATION_CAP_LABELS;

  protected readonly eligibleCount = computed(() => this.result().lines.filter((line) => line.eligible).length);
  protected readonly minShare = computed(() => formatPercent(this.result().minCommuneShareBp / 10_000));
  protected readonly day = computed(() => formatCalendarDay(this.result().date));
  protected readonly caps = computed(() => [
    ...this.result().plan.capsApplied,
    ...(this.result().typicalPlan?.capsApplied ?? []),
  ]);

  protected readonly planRows = computed<PlanRow[]>(() => {
    const { plan, typicalPlan } = this.result();
    const typical = typicalPlan?.totals ?? null;
    const aid = (code: string, retained: { schemeCode: string; cents: number }[] | undefined): number | null =>
      retained?.find((entry) => entry.schemeCode === code)?.cents ?? (retained ? 0 : null);
    const totals = plan.totals;
    const fctvaYear = totals.fctvaYear ? ` (versé en ${totals.fctvaYear})` : '';
    return [
      { label: 'Dépense éligible HT', maximum: totals.costCents, typical: typical?.costCents ?? null, total: false },
      ...plan.retained.map((entry) => ({
        label: `Aide ${entry.schemeCode}`,
        maximum: entry.cents,
        typical: aid(entry.schemeCode, typicalPlan?.retained),
        total: false,
      })),
      { label: 'Total des aides publiques', maximum: totals.publicAidCents, typical: typical?.publicAidCents ?? null, total: true },
      { label: 'Financements privés', maximum: totals.privateFundingCents, typical: typical?.privateFundingCents ?? null, total: false },
      { label: 'Part de la commune (HT)', maximum: totals.communeShareCents, typical: typical?.communeShareCents ?? null, total: true },
      { label: `FCTVA${fctvaYear}`, maximum: totals.fctvaCents, typical: typical?.fctvaCents ?? null, total: false },
      { label: 'Trésorerie à avancer', maximum: totals.cashAdvanceCents, typical: typical?.cashAdvanceCents ?? null, total: false },
      { label: 'Coût net pour la commune', maximum: totals.netCostCents, typical: typical?.netCostCents ?? null, total: true },
    ];
  });

  protected percent(bp: number): string {
    return formatPercent(bp / 10_000);
  }

  protected reductions(reductions: { schemeCode: string; removedCents: number }[]): string {
    return reductions.map((entry) => `${entry.schemeCode} −${formatEuros(entry.removedCents)}`).join(', ');
  }

  protected lineId(line: SimulationLine): string {
    return `sim-line-${line.versionId}`;
  }
}
