import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  type FaqSuggestionDto,
  type FilledTemplateDto,
  type PostMessageInput,
  type ThreadDto,
} from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { PageTitle } from '@passerelle/web/shared/data-access';
import { confirmAction, FocusOnText, injectFocusInvalidField } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatDateTime, formatDeadlineDay } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { StaffApi } from '@passerelle/web/staff/data-access';
import {
  InboxSettingsApi,
  type SuggestionQuery,
  suggestWhileTyping,
  ThreadsApi,
  ThreadStore,
} from '@passerelle/web/threads/data-access';
import { CommuneFilePanel } from '@passerelle/web/threads/ui-commune-file';
import {
  checkMessageText,
  FaqSuggestionList,
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
import { catchError, filter, map, type Observable, of } from 'rxjs';
import { assigneeChoices } from './assignee-choices';
import { faqLinkMarkdown } from './faq-link';
import { type StateAction, stateActions } from './state-actions';

export type ComposerMode = 'reply' | 'note';
type NextState = PostMessageInput['nextState'];

/**
 * `/departement/questions/:id`: a commune's question as the département works on it. The conversation shows the
 * internal notes too (unmistakably); the composer answers the commune or writes a note; the side column holds the
 * follow-up (assignee, labels, due date, state) and the commune's file. The thread, the composer and the conversation
 * live in the `ThreadStore` shared with the commune's page.
 */
@Component({
  selector: 'pas-staff-thread-page',
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
    FaqSuggestionList,
    FocusOnText,
    LabelChip,
    MessageComposer,
    MessageList,
    SatisfactionResult,
    ThreadIcon,
    ThreadStateChip,
  ],
  providers: [ThreadStore],
  templateUrl: './staff-thread-page.html',
  styleUrl: './staff-thread-page.scss',
})
export class StaffThreadPage {
  protected readonly ofPlace = ofPlace;
  readonly id = input.required<string>();

  private readonly api = inject(ThreadsApi);
  private readonly settingsApi = inject(InboxSettingsApi);
  private readonly staffApi = inject(StaffApi);
  private readonly session = inject(AuthSession);
  private readonly pageTitle = inject(PageTitle);
  private readonly dialog = inject(MatDialog);
  private readonly faq = inject(FaqApi);
  private readonly router = inject(Router);
  private readonly origin = inject(DOCUMENT).location.origin;
  protected readonly store = inject(ThreadStore);
  private readonly current = this.store.current;

  private readonly composer = viewChild(MessageComposer);
  private readonly departementCode = computed(() => this.session.user()?.departement.code);

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
      this.staffApi.listAgents(params).pipe(
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
  protected readonly firstResponse = computed(() => {
    const seconds = this.current()?.firstResponseSeconds;
    return seconds == null ? '' : formatDuration(seconds);
  });
  /** What the composer can do: a closed thread takes no message (reopen it first), notes aside. */
  protected readonly canWrite = computed(() => {
    const can = this.current()?.can;
    return !!can && (can.reply || can.addNote);
  });

  /** What the commune asks: the subject and its first message, the same until the thread is another. */
  private readonly question = computed<SuggestionQuery | null>(
    () => {
      const thread = this.current();
      if (!thread) {
        return null;
      }
      const first = thread.messages.find((message) => message.author.side === 'COMMUNE' && !message.internal);
      return { title: thread.subject, body: first?.body ?? '' };
    },
    { equal: (a, b) => a?.title === b?.title && a?.body === b?.body },
  );
  /** FAQ entries and answer templates close to the question, to put in the answer. */
  protected readonly suggestions = toSignal(
    toObservable(this.question).pipe(
      filter((query) => query !== null),
      suggestWhileTyping((query) => this.faq.suggest(query.title, query.body), 0),
    ),
    { initialValue: [] },
  );
  /** « Proposer en FAQ »: an answered question, or a closed one, may become an entry of the FAQ. */
  protected readonly canProposeFaq = computed(() => {
    const state = this.current()?.state;
    return state === 'ANSWERED' || state === 'CLOSED';
  });
  protected readonly proposing = busyFlag();

  protected readonly mode = signal<ComposerMode>('reply');
  protected readonly attachments = new PendingAttachments((file) => this.store.uploadAttachment(file));
  /** Label ids chosen in the select, applied when it closes. */
  protected readonly labelSelection = signal<string[]>([]);

  /** Assignment, labels, state: shown in the follow-up column, beside the controls. */
  protected readonly followUpError = signal('');
  /** One change of the side column at a time. */
  protected readonly busy = busyFlag();
  /** A failed change of the side column: said there, and the select shows what is saved, not what failed. */
  private readonly followUpFailure = {
    target: this.followUpError,
    fallback: 'La modification n’a pas pu être enregistrée. Réessayez.',
    before: () => this.labelSelection.set(this.current()?.staff?.labels.map((label) => label.id) ?? []),
  };

  protected readonly when = formatDateTime;
  protected readonly deadline = formatDeadlineDay;

  constructor() {
    this.store.connect({
      id: this.id,
      attachments: this.attachments,
      messages: [this.followUpError],
      checkText: checkMessageText,
      showTextError: showMessageTextError,
      // The reply (or note) is one field: its error shows under it and focus goes to it, without an error summary.
      focusText: injectFocusInvalidField('pas-message-composer .mat-form-field-invalid textarea'),
    });
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
    this.store.sendError.set('');
  }

  protected insertTemplate(template: FilledTemplateDto): void {
    this.composer()?.insert(template.body);
  }

  /** The commune reads the link: it points to the entry in the commune's workspace. */
  protected insertFaqLink(suggestion: FaqSuggestionDto): void {
    this.composer()?.insertInline(faqLinkMarkdown(suggestion.title, suggestion.id, this.origin));
  }

  /** As from the templates' menu: filled in for this commune and its mayor when the menu has it. */
  protected insertSuggestedTemplate(suggestion: FaqSuggestionDto): void {
    const filled = this.templateOptions().find((template) => template.id === suggestion.id);
    if (filled) {
      this.insertTemplate(filled);
    } else if (suggestion.body) {
      this.composer()?.insert(suggestion.body);
    }
  }

  /** A draft entry made from the question's public messages, to reword (names, the commune) before review. */
  protected proposeFaq(): void {
    const thread = this.current();
    if (!thread || this.proposing()) {
      return;
    }
    this.followUpError.set('');
    this.faq
      .draftFromThread(thread.id)
      .pipe(this.proposing.track)
      .subscribe({
        next: (entry) => void this.router.navigate(['/departement/faq', entry.id, 'modifier']),
        error: (error: unknown) =>
          this.followUpError.set(apiErrorMessage(error, 'Le brouillon de FAQ n’a pas pu être créé. Réessayez.')),
      });
  }

  protected send(nextState?: NextState): void {
    const internal = this.mode() === 'note';
    this.store.send(
      {
        waitForUploads: 'Attendez la fin de l’envoi des pièces jointes, ou retirez-les, puis envoyez.',
        sent: sentNotice(internal, nextState),
        failed: 'L’envoi a échoué. Votre texte est conservé\u00a0: réessayez.',
      },
      !internal && nextState ? { internal, nextState } : { internal },
    );
  }

  /** Closing reaches the commune by e-mail: it is confirmed first (focus goes back to the button on cancel). */
  protected changeState(action: StateAction): void {
    const thread = this.current();
    if (!thread || this.busy()) {
      return;
    }
    const apply = () => this.store.changeState(action.state, this.busy, action.done, this.followUpFailure);
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
    this.run((current) => this.api.assign(current.id, { assigneeId }), done);
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
    this.run((current) => this.api.setLabels(current.id, after), 'Les étiquettes sont enregistrées.');
  }

  protected saveEdit(edit: MessageEdit): void {
    this.store.saveEdit(edit, 'Le message a été corrigé.');
  }

  /** One change of the side column at a time; the answer is the thread as it now is. */
  private run(request: (thread: ThreadDto) => Observable<ThreadDto>, done: string): void {
    this.store.change(request, this.busy, () => done, this.followUpFailure);
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
