import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { type SatisfactionInput, type ThreadRequestableState } from '@passerelle/shared/dto';
import { PageTitle } from '@passerelle/web/shared/data-access';
import { FocusOnText, injectFocusInvalidField } from '@passerelle/web/shared/ui-material';
import { formatDate, formatDateTime, formatDeadlineDay } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { ThreadsApi, ThreadStore } from '@passerelle/web/threads/data-access';
import {
  checkMessageText,
  MessageComposer,
  type MessageEdit,
  MessageList,
  PendingAttachments,
  SatisfactionForm,
  SatisfactionResult,
  showMessageTextError,
  ThreadStateChip,
} from '@passerelle/web/threads/ui-thread';
import type { QuestionSentState } from './ask-question-page';

/**
 * `/espace/questions/:id`: one question of the commune, its conversation with the département, and what a commune
 * member can do with it (reply, correct their message, mark it resolved, reopen it, say how easy it was). The thread,
 * the reply and the conversation live in the `ThreadStore` shared with the département's page.
 */
@Component({
  selector: 'pas-commune-thread-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FocusOnText,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MessageComposer,
    MessageList,
    SatisfactionForm,
    SatisfactionResult,
    ThreadStateChip,
  ],
  providers: [ThreadStore],
  templateUrl: './commune-thread-page.html',
  styleUrl: './commune-thread-page.scss',
})
export class CommuneThreadPage {
  readonly id = input.required<string>();

  private readonly api = inject(ThreadsApi);
  private readonly pageTitle = inject(PageTitle);
  protected readonly store = inject(ThreadStore);

  protected readonly canResolve = computed(() => this.store.current()?.can.states.includes('CLOSED') ?? false);
  protected readonly canReopen = computed(() => this.store.current()?.can.states.includes('OPEN') ?? false);
  protected readonly attachments = new PendingAttachments((file) => this.store.uploadAttachment(file));

  /** Resolve, reopen: shown beside their buttons. */
  protected readonly stateError = signal('');
  protected readonly changingState = busyFlag();
  protected readonly rating = busyFlag();
  protected readonly rateError = signal('');
  protected readonly justRated = signal(false);

  protected readonly when = formatDateTime;
  protected readonly day = formatDate;
  protected readonly deadline = formatDeadlineDay;

  constructor() {
    this.store.connect({
      id: this.id,
      attachments: this.attachments,
      messages: [this.stateError, this.rateError],
      checkText: checkMessageText,
      showTextError: showMessageTextError,
      // The reply is one field: its error shows under it and focus goes to it, without an error summary.
      focusText: injectFocusInvalidField('pas-message-composer .mat-form-field-invalid textarea'),
    });
    const state = inject(Location).getState() as QuestionSentState | null;
    if (state?.questionSent) {
      this.store.notice.set('Votre question a été envoyée au département. Vous serez prévenu de sa réponse.');
    }
    effect(() => {
      const thread = this.store.current();
      if (thread) {
        this.pageTitle.set('Question', thread.subject);
      }
    });
  }

  protected sendReply(): void {
    this.store.send({
      waitForUploads: 'Attendez la fin de l’envoi des pièces jointes, ou retirez-les, puis envoyez votre message.',
      sent: 'Votre message a été envoyé au département.',
      failed: 'Votre message n’a pas pu être envoyé. Il est conservé\u00a0: réessayez.',
    });
  }

  protected changeState(state: Extract<ThreadRequestableState, 'OPEN' | 'CLOSED'>): void {
    this.store.changeState(
      state,
      this.changingState,
      state === 'CLOSED'
        ? 'La question est marquée comme résolue. Merci\u00a0!'
        : 'La question est rouverte\u00a0: le département en est prévenu.',
      { target: this.stateError, fallback: 'Le changement n’a pas pu être enregistré. Réessayez.' },
    );
  }

  protected rate(input: SatisfactionInput): void {
    this.store.change(
      (thread) => this.api.rate(thread.id, input),
      this.rating,
      () => this.justRated.set(true),
      { target: this.rateError, fallback: 'Votre avis n’a pas pu être envoyé. Réessayez.' },
    );
  }

  protected saveEdit(edit: MessageEdit): void {
    this.store.saveEdit(edit, 'Votre message a été corrigé.');
  }
}
