import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, type FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { COLOUR_PATTERN, type LabelDto, type LabelInput, THREAD_LIMITS } from '@passerelle/shared/dto';
import {
  confirmAction,
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorMessage,
  formErrorItems,
  injectFocusInvalidField,
  notBlank,
  showServerErrors,
  FocusOnText,
} from '@passerelle/web/shared/ui-material';
import { apiErrorCode, apiErrorMessage } from '@passerelle/web/shared/util-format';
import { InboxSettingsApi } from '@passerelle/web/threads/data-access';
import { LabelChip } from '@passerelle/web/threads/ui-thread';
import { filter, finalize, switchMap, tap } from 'rxjs';
import { LABEL_PALETTE, LabelColourField } from './label-colour-field';
import { busyFlag } from '@passerelle/web/shared/util-forms';

function labelForm(value: LabelInput = { name: '', colour: LABEL_PALETTE[0].colour }) {
  return new FormGroup({
    name: new FormControl(value.name, {
      nonNullable: true,
      validators: [notBlank, Validators.maxLength(THREAD_LIMITS.labelName)],
    }),
    colour: new FormControl(value.colour, {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(COLOUR_PATTERN)],
    }),
  });
}

type LabelForm = ReturnType<typeof labelForm>;

/** The labels agents put on threads: create one, rename or recolour it, delete it (it leaves every thread). */
@Component({
  selector: 'pas-labels-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FocusOnText, 
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    LabelChip,
    LabelColourField,
    ErrorSummary,
  ],
  templateUrl: './labels-panel.html',
  styleUrl: './inbox-settings-panel.scss',
  styles: `
    .label-form {
      display: grid;
      grid-template-columns: minmax(0, 20rem) minmax(0, 1fr);
      gap: 8px 24px;
      align-items: start;

      @media (max-width: 599.98px) {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .form-actions {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .rows .row {
      grid-template-columns: minmax(0, 1fr) auto;
      @media (max-width: 599.98px) {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .rows pas-label-chip {
      align-self: flex-start;
    }
    .rows .row--editing {
      grid-template-columns: minmax(0, 1fr);
    }
  `,
})
export class LabelsPanel {
  readonly departementCode = input.required<string>();

  private readonly api = inject(InboxSettingsApi);
  private readonly dialog = inject(MatDialog);

  protected readonly labels = rxResource({
    params: () => this.departementCode(),
    stream: ({ params }) => this.api.listLabels(params),
  });
  protected readonly sorted = computed(() =>
    this.labels.hasValue() ? [...this.labels.value()].sort((a, b) => a.name.localeCompare(b.name, 'fr')) : [],
  );
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.labels.error(), 'Impossible de charger les étiquettes.'),
  );

  protected readonly createForm = labelForm();
  protected readonly editForm = labelForm();
  protected readonly editingId = signal<string | null>(null);
  protected readonly saving = busyFlag();
  protected readonly busyId = signal<string | null>(null);
  protected readonly error = signal('');
  protected readonly notice = signal('');
  protected readonly limits = THREAD_LIMITS;
  protected readonly fieldErrorMessage = fieldErrorMessage;
  /** The new label's fields to correct, listed above its form after a failed submit. */
  protected readonly createErrors = signal<ErrorSummaryItem[]>([]);
  /** The edit form in a row shows its error under the name and moves focus there, without a summary. */
  private readonly focusInvalidField = injectFocusInvalidField();

  /** Reset through the directive, so that the emptied name does not show "required" as after a failed submit. */
  protected create(directive: FormGroupDirective): void {
    this.createErrors.set([]);
    this.submit(
      this.createForm,
      (input) => this.api.createLabel(this.departementCode(), input),
      (label) => {
        this.notice.set(`L’étiquette « ${label.name} » est créée.`);
        directive.resetForm({ name: '', colour: LABEL_PALETTE[0].colour });
      },
      () => this.createErrors.set(formErrorItems(this.createForm, { prefix: 'label', label: labelFieldLabel })),
    );
  }

  protected startEdit(label: LabelDto): void {
    this.error.set('');
    this.notice.set('');
    this.editForm.reset({ name: label.name, colour: label.colour });
    this.editingId.set(label.id);
  }

  protected cancelEdit(): void {
    this.editingId.set(null);
  }

  protected saveEdit(label: LabelDto): void {
    this.submit(this.editForm, (input) => this.api.updateLabel(this.departementCode(), label.id, input), (saved) => {
      this.notice.set(
        saved.name === label.name ? `L’étiquette « ${saved.name} » est modifiée.` : `L’étiquette « ${label.name} » s’appelle désormais « ${saved.name} ».`,
      );
      this.editingId.set(null);
    }, this.focusInvalidField);
  }

  protected remove(label: LabelDto): void {
    confirmAction(this.dialog, {
      title: 'Supprimer cette étiquette\u00a0?',
      message: `L’étiquette « ${label.name} » sera retirée de toutes les questions qui la portent.`,
      confirmLabel: 'Supprimer',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        tap(() => {
          this.busyId.set(label.id);
          this.error.set('');
          this.notice.set('');
        }),
        switchMap(() =>
          this.api.deleteLabel(this.departementCode(), label.id).pipe(finalize(() => this.busyId.set(null))),
        ),
      )
      .subscribe({
        next: () => {
          this.notice.set(`L’étiquette « ${label.name} » est supprimée.`);
          this.labels.reload();
        },
        error: (error: unknown) => this.error.set(apiErrorMessage(error)),
      });
  }

  private submit(
    form: LabelForm,
    send: (input: LabelInput) => ReturnType<InboxSettingsApi['createLabel']>,
    done: (label: LabelDto) => void,
    showErrors: () => void,
  ): void {
    if (this.saving()) {
      return;
    }
    if (form.invalid) {
      form.markAllAsTouched();
      showErrors();
      return;
    }
    this.error.set('');
    this.notice.set('');
    send({ name: form.controls.name.value.trim(), colour: form.controls.colour.value })
      .pipe(this.saving.track)
      .subscribe({
        next: (label) => {
          done(label);
          this.labels.reload();
        },
        error: (error: unknown) => {
          // A taken name is the name field's problem: say it there, where the admin will change it.
          if (apiErrorCode(error) === 'LABEL_NAME_TAKEN') {
            form.controls.name.setErrors({ server: apiErrorMessage(error) });
            form.controls.name.markAsTouched();
            showErrors();
          } else if (showServerErrors(form, error)) {
            showErrors();
          } else {
            this.error.set(apiErrorMessage(error, 'L’étiquette n’a pas été enregistrée. Réessayez dans quelques instants.'));
          }
        },
      });
  }
}

const LABEL_FIELD_LABELS: Record<string, string> = { name: 'Nom de l’étiquette', colour: 'Couleur' };

function labelFieldLabel(path: string): string | undefined {
  return LABEL_FIELD_LABELS[path];
}
