import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { type AgentDto, DELETED_AGENT_LABEL, ROLE_LABELS } from '@passerelle/shared/dto';
import { AccountDeletionApi } from '@passerelle/web/privacy/data-access';
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
import { apiErrorMessage, formatDate, formatDateTime } from '@passerelle/web/shared/util-format';
import { filter, finalize, switchMap, tap } from 'rxjs';
import { type AccountDeletionHost, cancelAccountDeletion, requestAccountDeletion } from './account-deletion-dialog';
import { busyFlag } from '@passerelle/web/shared/util-forms';

const STATUS_LABELS: Record<AgentDto['status'], string> = {
  ACTIVE: 'Actif',
  PENDING: 'Invitation en attente',
  DISABLED: 'Désactivé',
};

/**
 * The département's agents and admins: invite one, disable one (never oneself), delete one's account at their request
 * (and cancel that while the grace period runs).
 */
@Component({
  selector: 'pas-agents-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FocusOnText, 
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ErrorSummary,
  ],
  templateUrl: './agents-panel.html',
  styleUrl: './staff-panel.scss',
  styles: `
    :host {
      --actions-width: 15rem;
    }
    .chip--deletion {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    /* A long label: it wraps inside its column rather than widening the row. */
    .wrap {
      height: auto;
      min-height: 40px;
      padding-block: 6px;
      white-space: normal;
    }
  `,
})
export class AgentsPanel {
  readonly departementCode = input.required<string>();
  readonly currentUserId = input<string | null>(null);

  private readonly api = inject(StaffApi);
  private readonly deletions = inject(AccountDeletionApi);
  private readonly dialog = inject(MatDialog);

  protected readonly agents = rxResource({
    params: () => this.departementCode(),
    stream: ({ params }) => this.api.listAgents(params),
  });
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.agents.error(), 'Impossible de charger les agents.'),
  );

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    role: new FormControl<AgentDto['role']>('AGENT', { nonNullable: true }),
  });
  protected readonly inviting = busyFlag();
  protected readonly busyId = signal<string | null>(null);
  protected readonly error = signal('');
  protected readonly notice = signal('');
  private readonly deletionHost: AccountDeletionHost = {
    dialog: this.dialog,
    deletions: this.deletions,
    notice: this.notice,
    error: this.error,
    busyId: this.busyId,
    reload: () => this.agents.reload(),
  };
  /** The invitation's fields to correct, listed above the form after a failed submit. */
  protected readonly errorSummary = signal<ErrorSummaryItem[]>([]);
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly formatDate = formatDate;
  protected readonly formatDateTime = formatDateTime;
  protected readonly fieldErrorMessage = fieldErrorMessage;

  protected invite(): void {
    if (this.inviting()) {
      return;
    }
    this.errorSummary.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.showErrorSummary();
      return;
    }
    const email = this.form.controls.email.value.trim();
    this.error.set('');
    this.notice.set('');
    this.api
      .inviteAgent(this.departementCode(), email, this.form.controls.role.value)
      .pipe(this.inviting.track)
      .subscribe({
        next: () => {
          this.notice.set(`Invitation envoyée à ${email}.`);
          this.form.reset();
          this.agents.reload();
        },
        error: (error: unknown) => {
          if (showServerErrors(this.form, error)) {
            this.showErrorSummary();
          } else {
            this.error.set(apiErrorMessage(error));
          }
        },
      });
  }

  private showErrorSummary(): void {
    this.errorSummary.set(formErrorItems(this.form, { prefix: 'agent' }));
  }

  protected disable(agent: AgentDto): void {
    const name = agent.displayName ?? agent.email;
    confirmAction(this.dialog, {
      title: 'Désactiver ce compte\u00a0?',
      message: `${name} ne pourra plus se connecter à Passerelle. Ses réponses et notes restent visibles.`,
      confirmLabel: 'Désactiver',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        tap(() => {
          this.busyId.set(agent.id);
          this.error.set('');
          this.notice.set('');
        }),
        switchMap(() => this.api.disableAgent(this.departementCode(), agent.id)),
        finalize(() => this.busyId.set(null)),
      )
      .subscribe({
        next: () => {
          this.notice.set(`Le compte de ${name} est désactivé.`);
          this.agents.reload();
        },
        error: (error: unknown) => this.error.set(apiErrorMessage(error)),
      });
  }

  protected requestDeletion(agent: AgentDto): void {
    requestAccountDeletion(this.deletionHost, agent, DELETED_AGENT_LABEL);
  }

  protected cancelDeletion(agent: AgentDto): void {
    cancelAccountDeletion(this.deletionHost, agent);
  }
}
