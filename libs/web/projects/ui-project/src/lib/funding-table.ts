import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FUNDER_LABELS, FUNDING_STATE_LABELS, type FundingLineDto } from '@passerelle/shared/dto';
import { formatCalendarDay, formatEuros, formatPercent } from '@passerelle/web/shared/util-format';
import { map } from 'rxjs';
import { fundingTotals } from './funding-totals';

/** Below this width the five columns no longer fit: each funder becomes a card with every amount in full. */
const PHONE = '(max-width: 599.98px)';

/**
 * The funding plan: one row per funder, then the totals and their share of the cost HT. On a phone, the same
 * content as a list of cards (a table scrolled sideways hid the amounts).
 */
@Component({
  selector: 'pas-funding-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (lines().length === 0) {
      <p class="empty">Aucun financement renseigné.</p>
    } @else if (phone()) {
      <ul class="cards" aria-label="Financements du projet, montants HT">
        @for (line of lines(); track $index) {
          <li class="card">
            <p class="funder">{{ funderLabel(line) }}</p>
            <dl>
              <div>
                <dt>Dispositif</dt>
                <dd>{{ line.scheme || '—' }}</dd>
              </div>
              <div>
                <dt>État</dt>
                <dd>
                  {{ stateLabels[line.state] }}
                  @if (line.decidedOn) {
                    <span class="hint">le {{ day(line.decidedOn) }}</span>
                  } @else if (line.requestedOn) {
                    <span class="hint">demande du {{ day(line.requestedOn) }}</span>
                  }
                </dd>
              </div>
              <div>
                <dt>Demandé</dt>
                <dd class="num">{{ euros(line.amountRequestedCents) }}</dd>
              </div>
              <div>
                <dt>Obtenu</dt>
                <dd class="num">{{ euros(line.amountObtainedCents) }}</dd>
              </div>
            </dl>
          </li>
        }
        <li class="card card--total">
          <p class="funder">Total (hors refus)</p>
          <dl>
            <div>
              <dt>Demandé</dt>
              <dd class="num total-requested">
                {{ euros(totals().requestedCents) }}
                <span class="hint share-requested">{{ share(totals().requestedShare) }} du coût HT</span>
              </dd>
            </div>
            <div>
              <dt>Obtenu</dt>
              <dd class="num total-obtained">
                {{ euros(totals().obtainedCents) }}
                <span class="hint share-obtained">{{ share(totals().obtainedShare) }} du coût HT</span>
              </dd>
            </div>
          </dl>
        </li>
      </ul>
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
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
      font: var(--mat-sys-body-medium);
    }
    .card {
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .card--total {
      background: var(--mat-sys-surface-container-low);
    }
    .funder {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    dl {
      margin: 0;
    }
    dl div {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 12px;
      padding: 4px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      text-align: end;
      overflow-wrap: anywhere;
    }
    .card--total dd {
      font-weight: 600;
    }
    .card--total .hint {
      font-weight: 400;
    }
  `,
})
export class FundingTable {
  readonly lines = input.required<readonly FundingLineDto[]>();
  /** The cost HT the shares are computed against, in cents. */
  readonly costCents = input<number | null>(null);

  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly totals = computed(() => fundingTotals(this.lines(), this.costCents()));
  protected readonly stateLabels = FUNDING_STATE_LABELS;
  protected readonly euros = formatEuros;
  protected readonly day = formatCalendarDay;

  protected funderLabel(line: FundingLineDto): string {
    return line.funderName ? `${FUNDER_LABELS[line.funder]} — ${line.funderName}` : FUNDER_LABELS[line.funder];
  }

  protected share(ratio: number | null): string {
    return ratio === null ? '—' : formatPercent(ratio);
  }
}
