import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  type FaqSuggestionDto,
  THREAD_CATEGORIES,
  THREAD_CATEGORY_LABELS,
  THREAD_LIMITS,
  type ThreadCategory,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { ProjectsApi } from '@passerelle/web/projects/data-access';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorMessage,
  formErrorItems,
  showServerErrors,
} from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, apiFieldErrors, formatDateTime } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import {
  AvoidedQuestion,
  injectAttachmentUploads,
  type SuggestionQuery,
  suggestWhileTyping,
  ThreadsApi,
} from '@passerelle/web/threads/data-access';
import { FaqSuggestionList, MessageComposer, PendingAttachments } from '@passerelle/web/threads/ui-thread';
import { Subject } from 'rxjs';
import { FaqSuggestionDialog } from './faq-suggestion-dialog';
import { type QuestionDraft, QuestionDraftStore } from './question-draft-store';

/** How the thread page knows it was just created (history state of the navigation). */
export interface QuestionSentState {
  questionSent?: boolean;
}

/**
 * `/espace/questions/nouvelle`: a question to the département. What is typed is kept in this browser as it is typed
 * and given back on return, until the question is sent; `?projet=<id>` links it to one of the commune's projects.
 * As the subject and the question are typed, answers that may already exist (FAQ entries, the commune's own open
 * questions) show above the send button; one opened over the form and the page left without sending is a question
 * avoided.
 */
@Component({
  selector: 'pas-ask-question-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MessageComposer,
    ErrorSummary,
    FaqSuggestionList,
  ],
  providers: [AvoidedQuestion],
  templateUrl: './ask-question-page.html',
  styleUrl: './ask-question-page.scss',
})
export class AskQuestionPage implements OnInit {
  /** `?projet=<id>`: the project the question is about, preselected. */
  readonly projet = input<string>();

  private readonly api = inject(ThreadsApi);
  private readonly projectsApi = inject(ProjectsApi);
  private readonly session = inject(AuthSession);
  private readonly drafts = inject(QuestionDraftStore);
  private readonly router = inject(Router);
  private readonly uploads = injectAttachmentUploads();
  private readonly faq = inject(FaqApi);
  private readonly dialog = inject(MatDialog);
  private readonly avoided = inject(AvoidedQuestion);

  private readonly userId = this.session.user()?.id ?? null;
  protected readonly insee = computed(() => this.session.user()?.commune?.insee);
  protected readonly categories = THREAD_CATEGORIES;
  protected readonly categoryLabels = THREAD_CATEGORY_LABELS;
  protected readonly maxSubject = THREAD_LIMITS.subject;

  protected readonly form = new FormGroup({
    subject: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(THREAD_LIMITS.subject)],
    }),
    category: new FormControl<ThreadCategory | null>(null, Validators.required),
    projectId: new FormControl<string | null>(null),
    body: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(THREAD_LIMITS.body)],
    }),
  });
  protected readonly attachments = new PendingAttachments((file) => this.uploads.upload(this.insee() ?? '', file));

  protected readonly projects = rxResource({
    params: () => this.insee(),
    stream: ({ params }) => this.projectsApi.listCommuneProjects(params, { limit: 100 }),
  });
  protected readonly projectOptions = computed(() => (this.projects.hasValue() ? this.projects.value().items : []));

  /** When the draft given back was saved, to say so; empty when the form started blank. */
  protected readonly restoredAt = signal('');
  protected readonly sending = busyFlag();
  protected readonly sendError = signal('');
  /** The fields to correct, listed at the top of the form after a failed send. */
  protected readonly errorSummary = signal<ErrorSummaryItem[]>([]);

  /** The subject and the question as they are typed (and as a draft given back), for the suggestions. */
  private readonly typed = new Subject<SuggestionQuery>();
  protected readonly suggestions = toSignal(
    this.typed.pipe(suggestWhileTyping((query) => this.faq.suggest(query.title, query.body))),
    { initialValue: [] },
  );

  constructor() {
    // Saved as it is typed, so that even a closed tab keeps the text.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.saveDraft();
      this.suggestFor();
    });
  }

  /** The route's `?projet=` is only known once the inputs are set. */
  ngOnInit(): void {
    this.restoreDraft();
    this.suggestFor();
  }

  /** Read over the form, which keeps what is typed; the focus comes back to the button once closed. */
  protected openSuggestion(suggestion: FaqSuggestionDto): void {
    this.avoided.opened(suggestion);
    this.dialog.open(FaqSuggestionDialog, { data: suggestion, width: '40rem', maxWidth: '95vw', autoFocus: 'dialog' });
  }

  protected errorOf(control: FormControl): string {
    return fieldErrorMessage(control);
  }

  protected discardDraft(): void {
    this.form.reset({ subject: '', category: null, projectId: this.projet() ?? null, body: '' });
    if (this.userId) {
      this.drafts.clear(this.userId);
    }
    this.restoredAt.set('');
  }

  protected send(): void {
    const insee = this.insee();
    if (this.sending() || !insee) {
      return;
    }
    this.sendError.set('');
    this.errorSummary.set([]);
    const { subject, category, projectId, body } = this.form.getRawValue();
    if (subject.trim() === '') {
      this.form.controls.subject.setErrors({ required: true });
    }
    if (body.trim() === '') {
      this.form.controls.body.setErrors({ required: true });
    }
    if (this.form.invalid || !category) {
      this.form.markAllAsTouched();
      this.errorSummary.set(formErrorItems(this.form, { label: questionLabel }));
      return;
    }
    if (this.attachments.uploading()) {
      this.sendError.set('Attendez la fin de l’envoi des pièces jointes, ou retirez-les, puis envoyez la question.');
      return;
    }
    this.avoided.sendStarted();
    this.api
      .createThread(insee, {
        subject: subject.trim(),
        category,
        projectId,
        body,
        attachmentIds: this.attachments.documentIds(),
      })
      .pipe(this.sending.track)
      .subscribe({
        next: (thread) => {
          this.avoided.sent();
          if (this.userId) {
            this.drafts.clear(this.userId);
          }
          this.attachments.clear();
          const state: QuestionSentState = { questionSent: true };
          void this.router.navigate(['/espace/questions', thread.id], { state });
        },
        error: (error: unknown) => {
          this.avoided.sendFailed();
          this.showSendError(error);
        },
      });
  }

  private suggestFor(): void {
    const { subject, body } = this.form.getRawValue();
    this.typed.next({ title: subject, body });
  }

  private showSendError(error: unknown): void {
    const shown = showServerErrors(this.form, error);
    const known = new Set(Object.keys(this.form.controls));
    const others = Object.entries(apiFieldErrors(error))
      .filter(([field]) => !known.has(field))
      .map(([, message]) => message);
    if (shown || others.length > 0) {
      this.errorSummary.set([
        ...formErrorItems(this.form, { label: questionLabel }),
        ...others.map((message) => ({ label: 'Pièces jointes', message, fieldId: null })),
      ]);
      return;
    }
    this.sendError.set(
      apiErrorMessage(error, 'La question n’a pas pu être envoyée. Tout ce que vous avez saisi est conservé\u00a0: réessayez.'),
    );
  }

  private restoreDraft(): void {
    const draft = this.userId ? this.drafts.load(this.userId) : null;
    if (draft) {
      const { subject, category, projectId, body } = draft;
      this.form.setValue({ subject, category, projectId, body }, { emitEvent: false });
      this.restoredAt.set(formatDateTime(draft.savedAt));
    }
    // A question asked from a project's page is about that project, whatever the draft said.
    const projet = this.projet();
    if (projet) {
      this.form.controls.projectId.setValue(projet);
    }
  }

  private saveDraft(): void {
    if (this.userId) {
      const { subject, category, projectId, body } = this.form.getRawValue();
      const draft: QuestionDraft = { subject, category, projectId, body };
      this.drafts.save(this.userId, draft);
    }
  }
}

const QUESTION_FIELD_LABELS: Record<string, string> = {
  subject: 'Objet de la question',
  category: 'Catégorie',
  projectId: 'Projet concerné',
  body: 'Votre question',
};

function questionLabel(path: string): string | undefined {
  return QUESTION_FIELD_LABELS[path];
}
