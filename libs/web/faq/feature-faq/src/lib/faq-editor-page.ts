import { Location } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  type ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  FAQ_LIMITS,
  FAQ_SCOPE_LABELS,
  FAQ_SCOPES,
  FAQ_VISIBILITIES,
  FAQ_VISIBILITY_LABELS,
  type FaqEntryDto,
  PROJECT_THEME_LABELS,
  PROJECT_THEMES,
  THREAD_CATEGORIES,
  THREAD_CATEGORY_LABELS,
} from '@passerelle/shared/dto';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { FaqAnswer, PersonalDataMarks, remainingMarks } from '@passerelle/web/faq/ui-faq';
import { PageTitle } from '@passerelle/web/shared/data-access';
import {
  confirmAction,
  ErrorSummary,
  type ErrorSummaryItem,
  formErrorItems,
  showServerErrors,
} from '@passerelle/web/shared/ui-material';
import { apiErrorCode, apiErrorMessage } from '@passerelle/web/shared/util-format';
import { finalize, map, type Observable, of, startWith, switchMap } from 'rxjs';
import { faqEntryForm, faqEntryInputOf, faqFieldError, fillFaqEntryForm, referenceForm } from './faq-form';

export const MARKS_EXPLANATION = 'Reformulez les passages signalés avant de soumettre.';

const EDITOR_CONFLICT_MESSAGE =
  'Cette réponse a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte\u00a0: votre texte n’est pas enregistré. ' +
  'Copiez-le si besoin, puis rechargez la version actuelle.';

const LABELS: Record<string, string> = {
  title: 'Question',
  answer: 'Réponse',
  theme: 'Thème',
  category: 'Catégorie',
  validUntil: 'Valable jusqu’au',
};

function labelOf(path: string): string | undefined {
  const reference = /^legalReferences\.(\d+)\.(label|url)$/.exec(path);
  if (reference) {
    return `Référence n°\u00a0${Number(reference[1]) + 1} (${reference[2] === 'label' ? 'article ou texte' : 'lien'})`;
  }
  return LABELS[path];
}

/**
 * `/departement/faq/nouvelle` and `/departement/faq/:id/modifier`: an entry's text, its labels, its legal references
 * and its « valable jusqu'au » date. The API marks the personal data left in the text (an e-mail address, a phone
 * number, a name): they are listed under their field, and the entry cannot be submitted until they are reworded.
 */
@Component({
  selector: 'pas-faq-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    ErrorSummary,
    FaqAnswer,
    PersonalDataMarks,
  ],
  templateUrl: './faq-editor-page.html',
  styleUrl: './faq-editor-page.scss',
})
export class FaqEditorPage {
  /** The entry's id, from the route; none for a new entry. */
  readonly id = input<string>();

  private readonly api = inject(FaqApi);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly pageTitle = inject(PageTitle);
  private readonly notice = viewChild<ElementRef<HTMLElement>>('notice');

  protected readonly form = faqEntryForm();
  protected readonly references = this.form.controls.legalReferences;
  protected readonly limits = FAQ_LIMITS;
  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly categories = THREAD_CATEGORIES;
  protected readonly categoryLabels = THREAD_CATEGORY_LABELS;
  protected readonly scopes = FAQ_SCOPES;
  protected readonly scopeLabels = FAQ_SCOPE_LABELS;
  protected readonly visibilities = FAQ_VISIBILITIES;
  protected readonly visibilityLabels = FAQ_VISIBILITY_LABELS;
  protected readonly marksExplanation = MARKS_EXPLANATION;
  protected readonly fieldError = faqFieldError;

  protected readonly loaded = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });
  /** The entry as last read or saved: its id, version, state and the personal data the API found in it. */
  protected readonly saved = signal<FaqEntryDto | null>(null);
  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { requireSync: true },
  );
  protected readonly titleMarks = computed(() => remainingMarks(this.saved()?.personalData ?? [], 'title', this.value().title));
  protected readonly answerMarks = computed(() => remainingMarks(this.saved()?.personalData ?? [], 'answer', this.value().answer));
  protected readonly marksRemain = computed(() => this.titleMarks().length + this.answerMarks().length > 0);
  /** Submitting is for a new entry or a draft: a published one goes back to review by itself when its text changes. */
  protected readonly offerSubmit = computed(() => {
    const saved = this.saved();
    return saved === null || saved.status === 'DRAFT';
  });
  protected readonly answerPreview = computed(() => this.value().answer);
  protected readonly editing = computed(() => !!this.id() || this.saved() !== null);
  protected readonly loadError = computed(() => apiErrorMessage(this.loaded.error(), 'Impossible de charger cette réponse.'));

  protected readonly preview = signal(false);
  protected readonly busy = signal(false);
  protected readonly errorSummary = signal<ErrorSummaryItem[]>([]);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);
  protected readonly conflict = signal(false);

  constructor() {
    effect(() => {
      if (this.loaded.hasValue()) {
        const entry = this.loaded.value();
        untracked(() => {
          this.saved.set(entry);
          fillFaqEntryForm(this.form, entry);
          this.pageTitle.set('Modifier la réponse', entry.title);
        });
      }
    });
  }

  /** Asked by the route before leaving with unsaved changes. */
  confirmLeave(): Observable<boolean> {
    if (!this.form.dirty || this.busy()) {
      return of(true);
    }
    return confirmAction(this.dialog, {
      title: 'Quitter sans enregistrer\u00a0?',
      message: 'Vos modifications de cette réponse ne sont pas enregistrées\u00a0: elles seront perdues.',
      confirmLabel: 'Quitter sans enregistrer',
      destructive: true,
    });
  }

  protected addReference(): void {
    if (this.references.length < FAQ_LIMITS.referencesMax) {
      this.references.push(referenceForm());
      this.references.markAsDirty();
      const index = this.references.length - 1;
      afterNextRender(() => this.document.getElementById(`field-legalReferences-${index}-label`)?.focus(), { injector: this.injector });
    }
  }

  protected removeReference(index: number): void {
    this.references.removeAt(index);
    this.references.markAsDirty();
  }

  protected reloadCurrent(): void {
    this.conflict.set(false);
    this.message.set(null);
    this.loaded.reload();
  }

  /** Saves (creating the entry the first time); with `submit`, then sends it to review unless personal data remains. */
  protected save(submit: boolean): void {
    if (this.busy()) {
      return;
    }
    this.message.set(null);
    this.conflict.set(false);
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.errorSummary.set(formErrorItems(this.form, { label: labelOf, message: (control) => this.messageOf(control) }));
      return;
    }
    this.errorSummary.set([]);
    const input = faqEntryInputOf(this.form);
    const saved = this.saved();
    this.busy.set(true);
    (saved ? this.api.update(saved.id, { ...input, version: saved.version }) : this.api.create(input))
      .pipe(
        switchMap((entry) => {
          this.afterSave(entry, saved === null);
          const submittable = submit && (entry.personalData ?? []).length === 0;
          return submittable
            ? this.api.review(entry.id, { action: 'submit', version: entry.version }).pipe(map((submitted) => ({ entry: submitted, submitted: true })))
            : of({ entry, submitted: false });
        }),
        finalize(() => this.busy.set(false)),
      )
      .subscribe({
        next: ({ entry, submitted }) => {
          if (submitted) {
            this.snackBar.open('Réponse enregistrée et soumise à la relecture.', 'OK', { duration: 6000 });
            void this.router.navigate(['/departement/faq', entry.id]);
            return;
          }
          const marks = (entry.personalData ?? []).length;
          this.say(
            marks > 0
              ? `Réponse enregistrée. ${marks === 1 ? 'Un passage contient' : `${marks} passages contiennent`} des données personnelles\u00a0: reformulez-les avant de soumettre.`
              : 'Réponse enregistrée.',
            marks > 0,
          );
        },
        error: (error: unknown) => this.failed(error),
      });
  }

  private afterSave(entry: FaqEntryDto, created: boolean): void {
    this.saved.set(entry);
    this.form.markAsPristine();
    if (created) {
      // Further saves change this entry: the address says so (a reload opens it), without leaving the page.
      this.location.replaceState(`/departement/faq/${entry.id}/modifier`);
    }
  }

  private failed(error: unknown): void {
    const code = apiErrorCode(error);
    if (code === 'FAQ_VERSION_CONFLICT') {
      this.conflict.set(true);
      this.say(EDITOR_CONFLICT_MESSAGE, true);
      return;
    }
    if (code === 'FAQ_PERSONAL_DATA') {
      // Saved, but the submission found personal data: read the entry again for its marks.
      const saved = this.saved();
      if (saved) {
        this.api.get(saved.id).subscribe((entry) => this.saved.set(entry));
      }
    }
    if (showServerErrors(this.form, error)) {
      this.errorSummary.set(formErrorItems(this.form, { label: labelOf, message: (control) => this.messageOf(control) }));
      return;
    }
    this.say(apiErrorMessage(error, 'La réponse n’a pas pu être enregistrée. Réessayez.'), true);
  }

  private messageOf(control: AbstractControl): string {
    const form = this.form.controls;
    if (control === form.title) {
      return faqFieldError(control, 'title');
    }
    if (control === form.answer) {
      return faqFieldError(control, 'answer');
    }
    if (control.parent?.parent === this.references) {
      return faqFieldError(control, control === control.parent.get('url') ? 'url' : 'label');
    }
    return faqFieldError(control, 'other');
  }

  /** Said above the buttons, and focused so that it is read out and seen on a phone. */
  private say(text: string, error: boolean): void {
    this.message.set({ text, error });
    afterNextRender(() => this.notice()?.nativeElement.focus(), { injector: this.injector });
  }
}
