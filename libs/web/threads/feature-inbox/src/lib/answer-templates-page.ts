import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { type AnswerTemplateDto, TEMPLATE_VARIABLES, THREAD_LIMITS } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import {
  confirmAction,
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorMessage,
  formErrorItems,
  notBlank,
  showServerErrors,
  FocusOnText,
} from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatCount, formatDateTime } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { InboxSettingsApi } from '@passerelle/web/threads/data-access';
import { filter, finalize, type Observable, of, switchMap } from 'rxjs';
import { excerpt, insertAtCursor } from './template-text';

/** The template being edited; `id: null` for a new one. */
interface Editing {
  id: string | null;
  title: string;
}

/**
 * `/departement/modeles-de-reponse`: the département's answer templates, shared by its agents. A template's
 * `{{commune}}` and `{{maire}}` are filled in for the thread it is inserted in.
 */
@Component({
  selector: 'pas-answer-templates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FocusOnText, 
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ErrorSummary,
  ],
  templateUrl: './answer-templates-page.html',
  styleUrl: './answer-templates-page.scss',
})
export class AnswerTemplatesPage {
  private readonly session = inject(AuthSession);
  private readonly api = inject(InboxSettingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);

  private readonly code = computed(() => this.session.user()?.departement.code);
  protected readonly templates = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.api.listTemplates(params),
  });
  protected readonly list = computed(() =>
    this.templates.hasValue()
      ? [...this.templates.value()].sort((a, b) => a.title.localeCompare(b.title, 'fr'))
      : [],
  );
  protected readonly countText = computed(() => formatCount(this.list().length, 'modèle', 'modèles'));
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.templates.error(), 'Impossible de charger les modèles de réponse.'),
  );

  protected readonly variables = Object.entries(TEMPLATE_VARIABLES).map(([name, description]) => ({ name, description }));
  protected readonly limits = THREAD_LIMITS;
  protected readonly form = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [notBlank, Validators.maxLength(THREAD_LIMITS.templateTitle)],
    }),
    body: new FormControl('', {
      nonNullable: true,
      validators: [notBlank, Validators.maxLength(THREAD_LIMITS.body)],
    }),
  });
  protected readonly editing = signal<Editing | null>(null);
  protected readonly saving = busyFlag();
  protected readonly busyId = signal<string | null>(null);
  protected readonly error = signal('');
  protected readonly notice = signal('');
  /** The fields to correct, listed at the top of the editor after a failed save. */
  protected readonly errorSummary = signal<ErrorSummaryItem[]>([]);

  private readonly formDirective = viewChild(FormGroupDirective);
  private readonly titleField = viewChild<ElementRef<HTMLInputElement>>('titleField');
  private readonly bodyField = viewChild<ElementRef<HTMLTextAreaElement>>('bodyField');

  protected readonly when = formatDateTime;
  protected readonly excerpt = excerpt;
  protected readonly fieldErrorMessage = fieldErrorMessage;

  protected startNew(): void {
    this.leaveEditor().subscribe(() => this.open({ id: null, title: '' }, { title: '', body: '' }));
  }

  protected edit(template: AnswerTemplateDto): void {
    this.leaveEditor().subscribe(() =>
      this.open({ id: template.id, title: template.title }, { title: template.title, body: template.body }),
    );
  }

  protected cancel(): void {
    this.leaveEditor().subscribe(() => this.close());
  }

  /** Puts the variable where the caret is in the body (or in place of the selection), then gives the focus back. */
  protected insertVariable(name: string): void {
    const field = this.bodyField()?.nativeElement;
    const control = this.form.controls.body;
    const { text, caret } = insertAtCursor(
      control.value,
      field?.selectionStart ?? null,
      field?.selectionEnd ?? null,
      name,
    );
    control.setValue(text);
    control.markAsDirty();
    if (field) {
      field.focus();
      field.setSelectionRange(caret, caret);
    }
  }

  protected save(): void {
    const editing = this.editing();
    const code = this.code();
    if (!editing || !code || this.saving()) {
      return;
    }
    this.errorSummary.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.showErrorSummary();
      return;
    }
    const input = { title: this.form.controls.title.value.trim(), body: this.form.controls.body.value };
    this.error.set('');
    this.notice.set('');
    const request =
      editing.id === null ? this.api.createTemplate(code, input) : this.api.updateTemplate(code, editing.id, input);
    request.pipe(this.saving.track).subscribe({
      next: (saved) => {
        this.notice.set(`Le modèle « ${saved.title} » est enregistré.`);
        this.close();
        this.templates.reload();
      },
      // The form stays open with what was typed, the API's reasons under the fields.
      error: (error: unknown) => {
        if (showServerErrors(this.form, error)) {
          this.showErrorSummary();
        } else {
          this.error.set(apiErrorMessage(error, 'Le modèle n’a pas été enregistré. Réessayez dans quelques instants.'));
        }
      },
    });
  }

  private showErrorSummary(): void {
    this.errorSummary.set(formErrorItems(this.form, { prefix: 'template' }));
  }

  protected remove(template: AnswerTemplateDto): void {
    const code = this.code();
    if (!code) {
      return;
    }
    confirmAction(this.dialog, {
      title: 'Supprimer ce modèle\u00a0?',
      message: `Le modèle « ${template.title} » ne sera plus proposé aux agents. Les réponses déjà envoyées ne changent pas.`,
      confirmLabel: 'Supprimer',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busyId.set(template.id);
          this.error.set('');
          this.notice.set('');
          return this.api.deleteTemplate(code, template.id).pipe(finalize(() => this.busyId.set(null)));
        }),
      )
      .subscribe({
        next: () => {
          if (this.editing()?.id === template.id) {
            this.close();
          }
          this.notice.set(`Le modèle « ${template.title} » est supprimé.`);
          this.templates.reload();
        },
        error: (error: unknown) => this.error.set(apiErrorMessage(error)),
      });
  }

  private open(editing: Editing, value: { title: string; body: string }): void {
    this.errorSummary.set([]);
    this.error.set('');
    this.notice.set('');
    // Through the directive when the editor is already open, so that a failed save before does not flag the new form.
    const directive = this.formDirective();
    if (directive) {
      directive.resetForm(value);
    } else {
      this.form.reset(value);
    }
    this.editing.set(editing);
    // The editor may have just appeared: wait for it before moving the focus into it.
    afterNextRender(() => this.titleField()?.nativeElement.focus(), { injector: this.injector });
  }

  private close(): void {
    this.editing.set(null);
    this.form.reset({ title: '', body: '' });
  }

  /** Emits once the editor may be left: at once without changes, after a confirmation with some. */
  private leaveEditor(): Observable<unknown> {
    if (!this.editing() || !this.form.dirty) {
      return of(true);
    }
    return confirmAction(this.dialog, {
      title: 'Abandonner les modifications\u00a0?',
      message: 'Le modèle en cours de rédaction n’est pas enregistré. Vos modifications seront perdues.',
      confirmLabel: 'Abandonner',
      destructive: true,
    }).pipe(filter(Boolean));
  }
}
