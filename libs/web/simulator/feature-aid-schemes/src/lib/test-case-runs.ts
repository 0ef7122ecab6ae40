import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AidSchemeTestCaseRun, AidSchemeTestExpectation } from '@passerelle/shared/dto';
import { formatEuros } from '@passerelle/web/shared/util-format';

/** A saved case run with a draft rule: `passed` from « Tester la règle »; a changed case of a refused save has none. */
export type TestCaseRunView = AidSchemeTestCaseRun & { passed?: boolean };

interface Comparison {
  label: string;
  expected: string;
  actual: string;
  changed: boolean;
}

const yesNo = (value: boolean) => (value ? 'oui' : 'non');

/** Expected against actual, the four figures of a line (and whether a version was in force, when it matters). */
export function compareExpectations(expected: AidSchemeTestExpectation, actual: AidSchemeTestExpectation): Comparison[] {
  const rows: Comparison[] = [];
  if (!expected.inForce || !actual.inForce) {
    rows.push(row('Version en vigueur ce jour-là', yesNo(expected.inForce), yesNo(actual.inForce)));
  }
  rows.push(
    row('Éligible', yesNo(expected.eligible), yesNo(actual.eligible)),
    row('Minimum', formatEuros(expected.minCents), formatEuros(actual.minCents)),
    row('Maximum', formatEuros(expected.maxCents), formatEuros(actual.maxCents)),
    row('Montant retenu', formatEuros(expected.retainedCents), formatEuros(actual.retainedCents)),
  );
  return rows;
}

function row(label: string, expected: string, actual: string): Comparison {
  return { label, expected, actual, changed: expected !== actual };
}

/**
 * The saved test cases run with the rule being edited: ✓ « même résultat », or ✗ with what was expected and what the
 * rule now gives. The marks are hidden from screen readers, which read the words after them.
 */
@Component({
  selector: 'pas-test-case-runs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="runs">
      @for (run of runs(); track run.testCaseId) {
        <li class="run" [class.run--passed]="run.passed">
          @if (run.passed) {
            <p class="verdict"><span class="mark" aria-hidden="true">✓ </span><strong>{{ run.name }}</strong>&nbsp;: même résultat</p>
          } @else {
            <p class="verdict"><span class="mark" aria-hidden="true">✗ </span><strong>{{ run.name }}</strong>&nbsp;: résultat différent</p>
            <ul class="comparison">
              @for (line of compare(run); track line.label) {
                <li [class.changed]="line.changed">
                  {{ line.label }}&nbsp;: attendu {{ line.expected }}, obtenu {{ line.actual }}
                  @if (line.changed) {
                    <span class="tag">(changé)</span>
                  }
                </li>
              }
            </ul>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    .runs,
    .comparison {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .run {
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-surface-container);
      border-radius: 4px;
      overflow-wrap: anywhere;
    }
    .run + .run {
      margin-top: 8px;
    }
    .run--passed {
      border-left-color: var(--mat-sys-primary);
    }
    .verdict {
      margin: 0;
    }
    .mark {
      font-weight: 700;
    }
    .comparison {
      margin-top: 4px;
    }
    .changed {
      font-weight: 500;
    }
    .tag {
      color: var(--mat-sys-error);
    }
  `,
})
export class TestCaseRuns {
  readonly runs = input.required<readonly TestCaseRunView[]>();

  protected compare(run: TestCaseRunView): Comparison[] {
    return compareExpectations(run.expected, run.actual);
  }
}
