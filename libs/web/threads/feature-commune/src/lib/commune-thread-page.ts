import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  type SatisfactionInput,
  THREAD_CATEGORY_LABELS,
  THREAD_LIMITS,
  type ThreadDto,
  type ThreadRequestableState,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { PageTitle } from '@passerelle/web/shared/data-access';
import { FocusOnText, injectFocusInvalidField } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatDate, formatDateTime, formatDeadlineDay } from '@passerelle/web/shared/util-format';
import {
  ConversationActions,
  injectAttachmentUploads,
  ReplyDraft,
  showThreadError,
  ThreadsApi,
} from '@passerelle/web/threads/data-access';
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
import { finalize } from 'rxjs';
import type { QuestionSentState } from './ask-question-page';

/**
 * `/espace/questions/:id`: one question of the commune, its conversation with the département, and what a commune
 * member can do with it (reply, correct their message, mark it resolved, reopen it, say how easy it was).
 */
@Component({
  selector: 'lib-commune-thread-page',
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
  templateUrl: './commune-thread-page.html',
  styleUrl: './commune-thread-page.scss',
})
export class CommuneThreadPage {
  readonly id = input.required<string>();

  private readonly api = inject(ThreadsApi);
  private readonly session = inject(AuthSession);
  private readonly pageTitle = inject(PageTitle);
  private readonly uploads = injectAttachmentUploads();
  /** The reply is one field: its error shows under it and focus goes to it, without an error summary. */
  private readonly focusInvalidText = injectFocusInvalidField('lib-message-composer .mat-form-field-invalid textarea');

  protected readonly thread = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.getThread(params),
  });
  protected readonly current = computed<ThreadDto | null>(() => (this.thread.hasValue() ? this.thread.value() : null));
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.thread.error(), 'Impossible de charger cette question.'),
  );
  protected readonly userId = computed(() => this.session.user()?.id ?? null);
  protected readonly categoryLabel = computed(() => {
    const thread = this.current();
    return thread ? THREAD_CATEGORY_LABELS[thread.category] : '';
  });
  protected readonly canResolve = computed(() => this.current()?.can.states.includes('CLOSED') ?? false);
  protected readonly canReopen = computed(() => this.current()?.can.states.includes('OPEN') ?? false);

  protected readonly reply = new FormControl('', {
    nonNullable: true,
    validators: Validators.maxLength(THREAD_LIMITS.body),
  });
  /** What is being written survives leaving the page. */
  protected readonly replyDraft = new ReplyDraft(this.reply, () => {
    const [user, thread] = [this.userId(), this.current()?.id];
    return user && thread ? `${user}.${thread}` : null;
  });
  protected readonly attachments = new PendingAttachments((file) =>
    this.uploads.upload(this.current()?.communeInsee ?? this.session.user()?.commune?.insee ?? '', file),
  );

  protected readonly notice = signal('');
  /** Downloads, earlier versions. */
  protected readonly actionError = signal('');
  /** Resolve, reopen: shown beside their buttons. */
  protected readonly stateError = signal('');
  protected readonly replyError = signal('');
  protected readonly sending = signal(false);
  protected readonly changingState = signal(false);
  protected readonly rating = signal(false);
  protected readonly rateError = signal('');
  protected readonly justRated = signal(false);
  /** Corrections, earlier versions and downloads of the conversation. */
  protected readonly conversation = new ConversationActions(this.thread, this.actionError);

  protected readonly when = formatDateTime;
  protected readonly day = formatDate;
  protected readonly deadline = formatDeadlineDay;

  constructor() {
    const state = inject(Location).getState() as QuestionSentState | null;
    if (state?.questionSent) {
      this.notice.set('Votre question a été envoyée au département. Vous serez prévenu de sa réponse.');
    }
    effect(() => {
      const thread = this.current();
      if (thread) {
        this.pageTitle.set('Question', thread.subject);
      }
    });
  }

  protected sendReply(): void {
    const thread = this.current();
    if (!thread || this.sending()) {
      return;
    }
    this.clearMessages();
    if (!checkMessageText(this.reply)) {
      this.focusInvalidText();
      return;
    }
    if (this.attachments.uploading()) {
      this.replyError.set('Attendez la fin de l’envoi des pièces jointes, ou retirez-les, puis envoyez votre message.');
      return;
    }
    this.sending.set(true);
    this.api
      .postMessage(thread.id, { body: this.reply.value, attachmentIds: this.attachments.documentIds() })
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        next: (updated) => {
          this.thread.set(updated);
          this.reply.reset('');
          this.attachments.clear();
          this.notice.set('Votre message a été envoyé au département.');
        },
        error: (error: unknown) => {
          if (showMessageTextError(this.reply, error)) {
            this.focusInvalidText();
            return;
          }
          showThreadError(
            this.thread,
            error,
            this.replyError,
            'Votre message n’a pas pu être envoyé. Il est conservé\u00a0: réessayez.',
          );
        },
      });
  }

  protected changeState(state: Extract<ThreadRequestableState, 'OPEN' | 'CLOSED'>): void {
    const thread = this.current();
    if (!thread || this.changingState()) {
      return;
    }
    this.clearMessages();
    this.changingState.set(true);
    this.api
      .changeState(thread.id, { state, version: thread.version })
      .pipe(finalize(() => this.changingState.set(false)))
      .subscribe({
        next: (updated) => {
          this.thread.set(updated);
          this.notice.set(
            state === 'CLOSED'
              ? 'La question est marquée comme résolue. Merci\u00a0!'
              : 'La question est rouverte\u00a0: le département en est prévenu.',
          );
        },
        error: (error: unknown) =>
          showThreadError(this.thread, error, this.stateError, 'Le changement n’a pas pu être enregistré. Réessayez.'),
      });
  }

  protected rate(input: SatisfactionInput): void {
    const thread = this.current();
    if (!thread || this.rating()) {
      return;
    }
    this.clearMessages();
    this.rating.set(true);
    this.api
      .rate(thread.id, input)
      .pipe(finalize(() => this.rating.set(false)))
      .subscribe({
        next: (updated) => {
          this.thread.set(updated);
          this.justRated.set(true);
        },
        error: (error: unknown) =>
          showThreadError(this.thread, error, this.rateError, 'Votre avis n’a pas pu être envoyé. Réessayez.'),
      });
  }

  protected saveEdit(edit: MessageEdit): void {
    this.clearMessages();
    this.conversation.saveEdit(edit, () => this.notice.set('Votre message a été corrigé.'));
  }

  /** A new action makes the previous outcome stale, whatever it was. */
  private clearMessages(): void {
    for (const message of [this.notice, this.actionError, this.stateError, this.replyError, this.rateError]) {
      message.set('');
    }
  }
}
