import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RETENTION_RULE_LABELS, type RetentionRuleResult, type RetentionRunDto } from '@passerelle/shared/dto';
import { formatDateTime } from '@passerelle/web/shared/util-format';
import { activeRules, RETENTION_TRIGGER_LABELS } from './retention-text';

/** One run of the retention job: when, dry or real, who started it, what each rule did (or would do), its error. */
@Component({
  selector: 'pas-retention-run-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = run();
    <p class="head">
      <span class="when">{{ formatDateTime(r.startedAt) }}</span>
      <span class="chip" [class.chip--dry]="r.dryRun">{{ r.dryRun ? 'Simulation' : 'Passage réel' }}</span>
      <span class="hint">Déclenché par&nbsp;: {{ triggerLabels[r.trigger] }}</span>
      @if (!r.finishedAt && !r.error) {
        <span class="hint">En cours…</span>
      }
    </p>
    @if (r.error) {
      <p class="run-error">Erreur&nbsp;: {{ r.error }}</p>
    }
    @if (rules().length > 0) {
      <ul class="rules">
        @for (result of rules(); track result.rule) {
          <li>
            <span class="rule">{{ label(result) }}</span>&nbsp;: {{ resultText(result) }}
          </li>
        }
      </ul>
    } @else if (r.finishedAt && !r.error) {
      <p class="hint">{{ r.dryRun ? 'Rien ne serait supprimé.' : 'Rien à supprimer.' }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    p {
      margin: 0 0 4px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .when {
      font-weight: 700;
    }
    .chip {
      padding: 2px 10px;
      border-radius: 12px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font: var(--mat-sys-label-large);
    }
    .chip--dry {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .run-error {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .rules {
      margin: 4px 0 0;
      padding-inline-start: 20px;
    }
    .rule {
      font-weight: 500;
    }
  `,
})
export class RetentionRunView {
  readonly run = input.required<RetentionRunDto>();

  protected readonly rules = computed(() => activeRules(this.run()));
  protected readonly triggerLabels = RETENTION_TRIGGER_LABELS;
  protected readonly formatDateTime = formatDateTime;

  protected label(result: RetentionRuleResult): string {
    return RETENTION_RULE_LABELS[result.rule] ?? result.rule;
  }

  /** « 12 seraient supprimés, 3 avertis par courriel, limite par passage atteinte ». */
  protected resultText(result: RetentionRuleResult): string {
    const dry = this.run().dryRun;
    const parts = [`${result.count} ${dry ? 'à traiter' : 'traités'}`];
    if (result.warned > 0) {
      parts.push(`${result.warned} ${dry ? 'à avertir' : 'avertis'} par courriel`);
    }
    if (result.capped) {
      parts.push('limite par passage atteinte (la suite au prochain passage)');
    }
    return parts.join(', ');
  }
}
