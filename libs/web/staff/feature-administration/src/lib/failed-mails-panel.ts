import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type FailedMailDto, MAIL_KIND_LABELS } from '@passerelle/shared/dto';
import { FailedMailsApi } from '@passerelle/web/staff/data-access';
import { apiErrorMessage, formatDateTime } from '@passerelle/web/shared/util-format';
import { finalize } from 'rxjs';
import { FocusOnText } from '@passerelle/web/shared/ui-material';

/**
 * Mails to people of the département that the mail server refused on every try (about 15 hours of retries): the
 * admin sees to whom, what and why, and sends one again once the cause is fixed.
 */
@Component({
  selector: 'pas-failed-mails-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FocusOnText, MatButtonModule, MatProgressBarModule],
  templateUrl: './failed-mails-panel.html',
  styleUrl: './staff-panel.scss',
  styles: `
    :host {
      --actions-width: 9rem;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class FailedMailsPanel {
  private readonly api = inject(FailedMailsApi);

  protected readonly mails = rxResource({ stream: () => this.api.listFailedMails() });
  protected readonly loadError = computed(() => apiErrorMessage(this.mails.error(), 'Impossible de charger les courriels non distribués.'));
  protected readonly busyId = signal<string | null>(null);
  protected readonly error = signal('');
  protected readonly notice = signal('');
  protected readonly kindLabels = MAIL_KIND_LABELS;
  protected readonly formatDateTime = formatDateTime;

  protected resend(mail: FailedMailDto): void {
    if (this.busyId()) {
      return;
    }
    this.busyId.set(mail.id);
    this.error.set('');
    this.notice.set('');
    this.api
      .resendMail(mail.id)
      .pipe(finalize(() => this.busyId.set(null)))
      .subscribe({
        next: () => {
          this.notice.set(`Le courriel « ${mail.subject} » repart vers ${mail.to}.`);
          this.mails.reload();
        },
        error: (error: unknown) => this.error.set(apiErrorMessage(error)),
      });
  }
}
