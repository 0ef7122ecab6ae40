import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  FormControl,
  FormGroup,
  type FormGroupDirective,
  ReactiveFormsModule,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  MAX_PAGE_SIZE,
  type RoutingRuleDto,
  THREAD_CATEGORIES,
  THREAD_CATEGORY_LABELS,
  type ThreadCategory,
} from '@passerelle/shared/dto';
import { StaffApi } from '@passerelle/web/staff/data-access';
import {
  confirmAction,
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorMessage,
  formErrorItems,
  showServerErrors,
  FocusOnText,
} from '@passerelle/web/shared/ui-material';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { InboxSettingsApi } from '@passerelle/web/threads/data-access';
import { filter, finalize, map, switchMap, tap } from 'rxjs';
import { routingRuleScope, sortRoutingRules } from './routing-rules';
import { busyFlag } from '@passerelle/web/shared/util-forms';

/** A rule needs a canton, a category or both: without either it would catch every question. */
const cantonOrCategory: ValidatorFn = (group) => {
  const { cantonCode, category } = (group as RoutingRuleForm).getRawValue();
  return cantonCode || category ? null : { criterion: true };
};

type RoutingRuleForm = FormGroup<{
  cantonCode: FormControl<string>;
  category: FormControl<ThreadCategory | ''>;
  agentId: FormControl<string>;
}>;

const CRITERION_MESSAGE = 'Choisissez un canton, une catégorie, ou les deux.';

const RULE_FIELD_LABELS: Record<string, string> = { cantonCode: 'Canton', category: 'Catégorie', agentId: 'Attribuer à' };

function ruleFieldLabel(path: string): string | undefined {
  return RULE_FIELD_LABELS[path];
}

/** Who new questions go to, by canton and/or category; the most specific rule wins. */
@Component({
  selector: 'pas-routing-rules-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FocusOnText,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    ErrorSummary,
  ],
  templateUrl: './routing-rules-panel.html',
  styleUrl: './inbox-settings-panel.scss',
  styles: `
    .rows .row {
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) auto;
      @media (max-width: 599.98px) {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .criterion-error {
      margin: 0 0 8px;
      color: var(--mat-sys-error);
    }
  `,
})
export class RoutingRulesPanel {
  readonly departementCode = input.required<string>();

  private readonly api = inject(InboxSettingsApi);
  private readonly staffApi = inject(StaffApi);
  private readonly territory = inject(TerritoryApi);
  private readonly dialog = inject(MatDialog);

  protected readonly rules = rxResource({
    params: () => this.departementCode(),
    stream: ({ params }) => this.api.listRoutingRules(params),
  });
  protected readonly sorted = computed(() => (this.rules.hasValue() ? sortRoutingRules(this.rules.value()) : []));
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.rules.error(), 'Impossible de charger les règles d’attribution.'),
  );
  protected readonly cantons = rxResource({
    params: () => this.departementCode(),
    stream: ({ params }) => this.territory.listCantons(params, MAX_PAGE_SIZE).pipe(map((page) => page.items)),
  });
  /** Only active accounts can be handed questions. */
  protected readonly agents = rxResource({
    params: () => this.departementCode(),
    stream: ({ params }) =>
      this.staffApi.listAgents(params, MAX_PAGE_SIZE).pipe(
        map((page) =>
          page.items
            .filter((agent) => agent.status === 'ACTIVE')
            .map((agent) => ({ id: agent.id, name: agent.displayName ?? agent.email }))
            .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
        ),
      ),
  });

  protected readonly categories = THREAD_CATEGORIES;
  protected readonly categoryLabels = THREAD_CATEGORY_LABELS;
  protected readonly form: RoutingRuleForm = new FormGroup(
    {
      cantonCode: new FormControl('', { nonNullable: true }),
      category: new FormControl<ThreadCategory | ''>('', { nonNullable: true }),
      agentId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: cantonOrCategory },
  );
  protected readonly saving = busyFlag();
  protected readonly busyId = signal<string | null>(null);
  protected readonly error = signal('');
  protected readonly notice = signal('');
  protected readonly scope = routingRuleScope;
  protected readonly fieldErrorMessage = fieldErrorMessage;
  /** The rule's fields to correct, listed above its form after a failed submit. */
  protected readonly errorSummary = signal<ErrorSummaryItem[]>([]);

  protected add(directive: FormGroupDirective): void {
    if (this.saving()) {
      return;
    }
    this.errorSummary.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.showErrorSummary();
      return;
    }
    const { cantonCode, category, agentId } = this.form.getRawValue();
    this.error.set('');
    this.notice.set('');
    this.api
      .createRoutingRule(this.departementCode(), {
        cantonCode: cantonCode || null,
        category: category || null,
        agentId,
      })
      .pipe(this.saving.track)
      .subscribe({
        next: (rule) => {
          this.notice.set(`Règle ajoutée : ${routingRuleScope(rule)} → ${rule.agent.displayName}.`);
          // Through the directive: a plain reset would leave the form "submitted" and flag the emptied agent field.
          directive.resetForm();
          this.rules.reload();
        },
        error: (error: unknown) => {
          if (showServerErrors(this.form, error)) {
            this.showErrorSummary();
          } else {
            this.error.set(apiErrorMessage(error, 'La règle n’a pas été ajoutée. Réessayez dans quelques instants.'));
          }
        },
      });
  }

  /** The missing criterion belongs to no single field: its line leads to the first of the two. */
  private showErrorSummary(): void {
    const criterion: ErrorSummaryItem[] = this.form.hasError('criterion')
      ? [{ label: 'Canton ou catégorie', message: CRITERION_MESSAGE, fieldId: 'rule-cantonCode' }]
      : [];
    this.errorSummary.set([...criterion, ...formErrorItems(this.form, { prefix: 'rule', label: ruleFieldLabel })]);
  }

  protected remove(rule: RoutingRuleDto): void {
    const text = `${routingRuleScope(rule)} → ${rule.agent.displayName}`;
    confirmAction(this.dialog, {
      title: 'Supprimer cette règle\u00a0?',
      message: `${text}. Les questions déjà attribuées le restent ; les nouvelles suivront les autres règles.`,
      confirmLabel: 'Supprimer',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        tap(() => {
          this.busyId.set(rule.id);
          this.error.set('');
          this.notice.set('');
        }),
        switchMap(() =>
          this.api.deleteRoutingRule(this.departementCode(), rule.id).pipe(finalize(() => this.busyId.set(null))),
        ),
      )
      .subscribe({
        next: () => {
          this.notice.set(`Règle supprimée : ${text}.`);
          this.rules.reload();
        },
        error: (error: unknown) => this.error.set(apiErrorMessage(error)),
      });
  }
}
