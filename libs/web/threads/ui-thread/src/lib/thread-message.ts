import { CdkTextareaAutosize } from '@angular/cdk/text-field';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type DocumentDto, type MessageDto, type MessageRevisionDto, THREAD_LIMITS } from '@passerelle/shared/dto';
import { fieldErrorMessage, injectFocusInvalidField } from '@passerelle/web/shared/ui-material';
import { formatDateTime, formatTime } from '@passerelle/web/shared/util-format';
import { AttachmentList } from './attachment-list';
import { sideLabel } from './thread-format';
import { ThreadIcon } from './thread-icon';

/**
 * One message of a conversation: who wrote it and for which side, when, the text rendered by the server, its files.
 * Its author can correct it while the edit window is open; earlier versions stay readable. Internal notes look
 * nothing like answers: yellow, dashed, and labelled as invisible to the commune.
 */
@Component({
  selector: 'pas-thread-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    CdkTextareaAutosize,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    AttachmentList,
    ThreadIcon,
  ],
  host: {
    '[class.departement]': "message().author.side === 'DEPARTEMENT'",
    '[class.internal]': 'message().internal',
  },
  templateUrl: './thread-message.html',
  styleUrl: './thread-message.scss',
})
export class ThreadMessage {
  readonly message = input.required<MessageDto>();
  readonly communeName = input.required<string>();
  /** Written by the signed-in user. */
  readonly mine = input(false);
  /** The edit window is still open. */
  readonly editable = input(false);
  readonly editing = input(false);
  /** The correction is being saved. */
  readonly saving = input(false);
  readonly editError = input('');
  /** Earlier versions, once loaded. */
  readonly revisions = input<readonly MessageRevisionDto[] | undefined>(undefined);
  readonly revisionsLoading = input(false);
  readonly downloadingId = input<string | null>(null);

  readonly startEdit = output();
  readonly cancelEdit = output();
  readonly saveEdit = output<string>();
  readonly loadRevisions = output();
  readonly download = output<DocumentDto>();

  protected readonly editForm = new FormGroup({
    body: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(THREAD_LIMITS.body)],
    }),
  });
  private readonly editBody = this.editForm.controls.body;
  protected readonly showRevisions = signal(false);
  protected readonly side = computed(() => sideLabel(this.message(), this.communeName()));
  protected readonly headingId = computed(() => `message-${this.message().id}`);
  protected readonly editableUntil = computed(() => {
    const until = this.message().editableUntil;
    return until ? formatTime(until) : '';
  });
  protected readonly when = formatDateTime;

  private readonly editField = viewChild<ElementRef<HTMLTextAreaElement>>('editField');
  // `read`: on a Material button the reference is the component, not the element.
  private readonly editButton = viewChild<string, ElementRef<HTMLButtonElement>>('editButton', { read: ElementRef });
  private wasEditing = false;
  /** The correction is one field: its error shows under it and focus goes back to it, without an error summary. */
  private readonly focusInvalidField = injectFocusInvalidField();

  constructor() {
    // Keyboard users land in the field when editing starts, and back on "Modifier" when it ends.
    effect(() => {
      const field = this.editField();
      const button = this.editButton();
      if (field && !this.wasEditing) {
        field.nativeElement.focus();
      } else if (!field && this.wasEditing) {
        button?.nativeElement.focus();
      }
      this.wasEditing = !!field;
    });
  }

  protected edit(): void {
    this.editBody.setValue(this.message().body);
    this.startEdit.emit();
  }

  protected save(): void {
    if (this.editBody.invalid || this.editBody.value.trim() === '') {
      this.editBody.setErrors({ required: true });
      this.editBody.markAsTouched();
      this.focusInvalidField();
      return;
    }
    this.saveEdit.emit(this.editBody.value);
  }

  protected toggleRevisions(): void {
    const show = !this.showRevisions();
    this.showRevisions.set(show);
    if (show && !this.revisions()) {
      this.loadRevisions.emit();
    }
  }

  protected errorOf(): string {
    return fieldErrorMessage(this.editBody);
  }
}
