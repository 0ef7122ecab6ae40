import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  type FilledTemplateDto,
  type PostMessageInput,
  THREAD_CATEGORY_LABELS,
  THREAD_LIMITS,
  type ThreadDto,
} from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { BackofficeApi } from '@passerelle/web/backoffice/data-access';
import { PageTitle } from '@passerelle/web/shared/data-access';
import { confirmAction, FocusOnText, injectFocusInvalidField } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatDateTime, formatDeadlineDay } from '@passerelle/web/shared/util-format';
import {
  BackofficeSettingsApi,
  ConversationActions,
  injectAttachmentUploads,
  ReplyDraft,
  showThreadError,
  ThreadsApi,
} from '@passerelle/web/threads/data-access';
import { CommuneFilePanel } from '@passerelle/web/threads/ui-commune-file';
import {
  checkMessageText,
  formatDuration,
  LabelChip,
  MessageComposer,
  type MessageEdit,
  MessageList,
  PendingAttachments,
  SatisfactionResult,
  showMessageTextError,
  ThreadIcon,
  ThreadStateChip,
} from '@passerelle/web/threads/ui-thread';
import { catchError, finalize, map, type Observable, of } from 'rxjs';
import { assigneeChoices } from './assignee-choices';
import { type StateAction, stateActions } from './state-actions';

export type ComposerMode = 'reply' | 'note';
type NextState = PostMessageInput['nextState'];

/**
 * `/departement/questions/:id`: a commune's question as the département works on it. The conversation shows the
 * internal notes too (unmistakably); the composer answers the commune or writes a note; the side column holds the
 * follow-up (assignee, labels, due date, state) and the commune's file.
 */
@Component({
  selector: 'lib-staff-thread-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSelectModule,
    CommuneFilePanel,
    FocusOnText,
    LabelChip,
    MessageComposer,
    MessageList,
    SatisfactionResult,
    ThreadIcon,
    ThreadStateChip,
  ],
  templateUrl: './staff-thread-page.html',
  styleUrl: './staff-thread-page.scss',
})
export class StaffThreadPage {
  protected readonly ofPlace = ofPlace;
  readonly id = input.required<string>();

  private readonly api = inject(ThreadsApi);
  private readonly settingsApi = inject(BackofficeSettingsApi);
  private readonly backofficeApi = inject(BackofficeApi);
  private readonly session = inject(AuthSession);
  private readonly pageTitle = inject(PageTitle);
  private readonly dialog = inject(MatDialog);
  private readonly uploads = injectAttachmentUploads();
  /** The reply (or note) is one field: its error shows under it and focus goes to it, without an error summary. */
  private readonly focusInvalidText = injectFocusInvalidField('lib-message-composer .mat-form-field-invalid textarea');

  private readonly composer = viewChild(MessageComposer);
  private readonly departementCode = computed(() => this.session.user()?.departement.code);

  protected readonly thread = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.getThread(params),
  });
  protected readonly current = computed<ThreadDto | null>(() => (this.thread.hasValue() ? this.thread.value() : null));
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.thread.error(), 'Impossible de charger cette question.'),
  );
  protected readonly file = rxResource({
    params: () => this.current()?.communeInsee,
    stream: ({ params }) => this.api.communeFile(params),
  });
  protected readonly templates = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.templatesFor(params),
  });
  protected readonly labels = rxResource({
    params: () => this.departementCode(),
    stream: ({ params }) => this.settingsApi.listLabels(params),
  });
  /** Both lists are only there to fill the assignee select: without them it still offers "me" and the assignee. */
  private readonly agents = rxResource({
    params: () => this.departementCode(),
    stream: ({ params }) =>
      this.backofficeApi.listAgents(params).pipe(
        map((page) => page.items),
        catchError(() => of([])),
      ),
  });
  private readonly routing = rxResource({
    params: () => this.departementCode(),
    stream: ({ params }) => this.settingsApi.listRoutingRules(params).pipe(catchError(() => of([]))),
  });

  protected readonly me = computed(() => {
    const user = this.session.user();
    return user ? { id: user.id, displayName: user.displayName } : null;
  });
  protected readonly assignees = computed(() =>
    assigneeChoices({
      me: this.me(),
      current: this.current()?.staff?.assignee ?? null,
      agents: this.agents.hasValue() ? this.agents.value() : [],
      routing: this.routing.hasValue() ? this.routing.value() : [],
    }),
  );
  protected readonly labelOptions = computed(() => (this.labels.hasValue() ? this.labels.value() : []));
  protected readonly templateOptions = computed(() => (this.templates.hasValue() ? this.templates.value() : []));
  protected readonly actions = computed<StateAction[]>(() => {
    const thread = this.current();
    return thread ? stateActions(thread.state, thread.can.states) : [];
  });
  protected readonly categoryLabel = computed(() => {
    const thread = this.current();
    return thread ? THREAD_CATEGORY_LABELS[thread.category] : '';
  });
  protected readonly firstResponse = computed(() => {
    const seconds = this.current()?.firstResponseSeconds;
    return seconds == null ? '' : formatDuration(seconds);
  });
  /** What the composer can do: a closed thread takes no message (reopen it first), notes aside. */
  protected readonly canWrite = computed(() => {
    const can = this.current()?.can;
    return !!can && (can.reply || can.addNote);
  });

  protected readonly mode = signal<ComposerMode>('reply');
  protected readonly body = new FormControl('', {
    nonNullable: true,
    validators: Validators.maxLength(THREAD_LIMITS.body),
  });
  /** What is being written (answer or note) survives leaving the page. */
  protected readonly draft = new ReplyDraft(this.body, () => {
    const [user, thread] = [this.session.user()?.id, this.current()?.id];
    return user && thread ? `${user}.${thread}` : null;
  });
  protected readonly attachments = new PendingAttachments((file) =>
    this.uploads.upload(this.current()?.communeInsee ?? '', file),
  );
  /** Label ids chosen in the select, applied when it closes. */
  protected readonly labelSelection = signal<string[]>([]);

  protected readonly notice = signal('');
  /** Downloads, earlier versions. */
  protected readonly actionError = signal('');
  /** Assignment, labels, state: shown in the follow-up column, beside the controls. */
  protected readonly followUpError = signal('');
  protected readonly sendError = signal('');
  protected readonly sending = signal(false);
  protected readonly busy = signal(false);
  /** Corrections, earlier versions and downloads of the conversation. */
  protected readonly conversation = new ConversationActions(this.thread, this.actionError);

  protected readonly when = formatDateTime;
  protected readonly deadline = formatDeadlineDay;

  constructor() {
    effect(() => {
      const thread = this.current();
      if (thread) {
        this.pageTitle.set('Question', thread.subject, thread.communeName);
        this.labelSelection.set(thread.staff?.labels.map((label) => label.id) ?? []);
        // Without the right to answer, the composer can only write notes.
        if (!thread.can.reply && thread.can.addNote) {
          this.mode.set('note');
        }
      }
    });
  }

  protected setMode(mode: ComposerMode): void {
    this.mode.set(mode);
    this.sendError.set('');
  }

  protected insertTemplate(template: FilledTemplateDto): void {
    this.composer()?.insert(template.body);
  }

  protected send(nextState?: NextState): void {
    const thread = this.current();
    if (!thread || this.sending()) {
      return;
    }
    this.clearMessages();
    if (!checkMessageText(this.body)) {
      this.focusInvalidText();
      return;
    }
    if (this.attachments.uploading()) {
      this.sendError.set('Attendez la fin de l’envoi des pièces jointes, ou retirez-les, puis envoyez.');
      return;
    }
    const internal = this.mode() === 'note';
    const input: PostMessageInput = { body: this.body.value, internal, attachmentIds: this.attachments.documentIds() };
    if (!internal && nextState) {
      input.nextState = nextState;
    }
    this.sending.set(true);
    this.api
      .postMessage(thread.id, input)
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        next: (updated) => {
          this.thread.set(updated);
          this.body.reset('');
          this.attachments.clear();
          this.notice.set(sentNotice(internal, nextState));
        },
        error: (error: unknown) => {
          if (showMessageTextError(this.body, error)) {
            this.focusInvalidText();
            return;
          }
          showThreadError(this.thread, error, this.sendError, 'L’envoi a échoué. Votre texte est conservé\u00a0: réessayez.');
        },
      });
  }

  /** Closing reaches the commune by e-mail: it is confirmed first (focus goes back to the button on cancel). */
  protected changeState(action: StateAction): void {
    const thread = this.current();
    if (!thread || this.busy()) {
      return;
    }
    const apply = () =>
      this.run(this.api.changeState(thread.id, { state: action.state, version: thread.version }), action.done);
    if (!action.confirm) {
      apply();
      return;
    }
    confirmAction(this.dialog, { ...action.confirm, confirmLabel: action.label }).subscribe((confirmed) => {
      if (confirmed) {
        apply();
      }
    });
  }

  protected assign(assigneeId: string | null): void {
    const thread = this.current();
    if (!thread) {
      return;
    }
    const person = this.assignees().find((choice) => choice.id === assigneeId);
    const done = person
      ? person.id === this.me()?.id
        ? 'La question vous est attribuée.'
        : `La question est attribuée à ${person.displayName}.`
      : 'La question n’est plus attribuée.';
    this.run(this.api.assign(thread.id, { assigneeId }), done);
  }

  /** Applied once the select closes, so that ticking three labels makes one request. */
  protected applyLabels(open: boolean): void {
    const thread = this.current();
    if (open || !thread) {
      return;
    }
    const before = thread.staff?.labels.map((label) => label.id) ?? [];
    const after = this.labelSelection();
    if (before.length === after.length && before.every((id) => after.includes(id))) {
      return;
    }
    this.run(this.api.setLabels(thread.id, after), 'Les étiquettes sont enregistrées.');
  }

  protected saveEdit(edit: MessageEdit): void {
    this.clearMessages();
    this.conversation.saveEdit(edit, () => this.notice.set('Le message a été corrigé.'));
  }

  /** One change of the side column at a time; the answer is the thread as it now is. */
  private run(request: Observable<ThreadDto>, done: string): void {
    if (this.busy()) {
      return;
    }
    this.clearMessages();
    this.busy.set(true);
    request.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: (updated) => {
        this.thread.set(updated);
        this.notice.set(done);
      },
      error: (error: unknown) => {
        // The select shows what is saved, not what failed.
        this.labelSelection.set(this.current()?.staff?.labels.map((label) => label.id) ?? []);
        showThreadError(
          this.thread,
          error,
          this.followUpError,
          'La modification n’a pas pu être enregistrée. Réessayez.',
        );
      },
    });
  }

  /** A new action makes the previous outcome stale, whatever it was. */
  private clearMessages(): void {
    for (const message of [this.notice, this.actionError, this.followUpError, this.sendError]) {
      message.set('');
    }
  }
}

function sentNotice(internal: boolean, nextState: NextState): string {
  if (internal) {
    return 'La note interne est enregistrée. La commune ne la voit pas.';
  }
  switch (nextState) {
    case 'WAITING_COMMUNE':
      return 'Réponse envoyée à la commune. La question attend sa réponse (délai en pause).';
    case 'CLOSED':
      return 'Réponse envoyée à la commune, et question fermée.';
    case undefined:
      return 'Réponse envoyée à la commune.';
  }
}
