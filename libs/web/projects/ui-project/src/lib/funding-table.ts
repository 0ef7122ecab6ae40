import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FUNDER_LABELS, FUNDING_STATE_LABELS, type FundingLineDto } from '@passerelle/shared/dto';
import { formatEuros, formatPercent, formatShortCalendarDay } from '@passerelle/web/shared/util-format';
import { fundingTotals } from './funding-totals';

/** The funding plan: one row per funder, then the totals and their share of the cost HT. */
@Component({
  selector: 'lib-funding-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (lines().length === 0) {
      <p class="empty">Aucun financement renseigné.</p>
    } @else {
      <div class="scroll" tabindex="0" role="region" aria-label="Tableau des financements">
        <table>
          <caption class="visually-hidden">Financements du projet, montants HT</caption>
          <thead>
            <tr>
              <th scope="col">Financeur</th>
              <th scope="col">Dispositif</th>
              <th scope="col">État</th>
              <th scope="col" class="num">Demandé</th>
              <th scope="col" class="num">Obtenu</th>
            </tr>
          </thead>
          <tbody>
            @for (line of lines(); track $index) {
              <tr>
                <th scope="row">{{ funderLabel(line) }}</th>
                <td>{{ line.scheme || '—' }}</td>
                <td>
                  {{ stateLabels[line.state] }}
                  @if (line.decidedOn) {
                    <span class="hint">le {{ day(line.decidedOn) }}</span>
                  } @else if (line.requestedOn) {
                    <span class="hint">demande du {{ day(line.requestedOn) }}</span>
                  }
                </td>
                <td class="num">{{ euros(line.amountRequestedCents) }}</td>
                <td class="num">{{ euros(line.amountObtainedCents) }}</td>
              </tr>
            }
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan="3">Total (hors refus)</th>
              <td class="num total-requested">{{ euros(totals().requestedCents) }}</td>
              <td class="num total-obtained">{{ euros(totals().obtainedCents) }}</td>
            </tr>
            <tr>
              <th scope="row" colspan="3">Part du coût HT</th>
              <td class="num share-requested">{{ share(totals().requestedShare) }}</td>
              <td class="num share-obtained">{{ share(totals().obtainedShare) }}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    }
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      min-width: 36rem;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      padding: 8px;
      text-align: start;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    thead th {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    tbody th {
      font-weight: 500;
    }
    tfoot th,
    tfoot td {
      font-weight: 600;
    }
    .num {
      text-align: end;
      white-space: nowrap;
    }
    .hint {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class FundingTable {
  readonly lines = input.required<readonly FundingLineDto[]>();
  /** The cost HT the shares are computed against, in cents. */
  readonly costCents = input<number | null>(null);

  protected readonly totals = computed(() => fundingTotals(this.lines(), this.costCents()));
  protected readonly stateLabels = FUNDING_STATE_LABELS;
  protected readonly euros = formatEuros;
  protected readonly day = formatShortCalendarDay;

  protected funderLabel(line: FundingLineDto): string {
    return line.funderName ? `${FUNDER_LABELS[line.funder]} — ${line.funderName}` : FUNDER_LABELS[line.funder];
  }

  protected share(ratio: number | null): string {
    return ratio === null ? '—' : formatPercent(ratio);
  }
}
