import { CdkTextareaAutosize } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, type ElementRef, input, viewChild } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { THREAD_LIMITS } from '@passerelle/shared/dto';
import { fieldErrorMessage } from '@passerelle/web/shared/ui-material';
import { formatInteger } from '@passerelle/web/shared/util-format';
import { AttachmentPicker } from './attachment-picker';
import { MarkdownHint } from './markdown-hint';
import type { PendingAttachments } from './pending-attachments';
import { ThreadIcon } from './thread-icon';

/**
 * Where a message is written: the text (Markdown), how to format it, the files joined to it. The page owns the
 * control (so that nothing typed is lost when a request fails) and projects its send buttons inside. In note mode
 * the whole box turns yellow and says, above the field, that the commune will not see it.
 */
@Component({
  selector: 'pas-message-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, CdkTextareaAutosize, MarkdownHint, AttachmentPicker, ThreadIcon],
  host: { '[class.note]': 'note()' },
  template: `
    @if (note()) {
      <p class="note-banner">
        <pas-thread-icon name="lock" />
        <span><strong>Note interne</strong> — invisible pour la commune, lue seulement par le département.</span>
      </p>
    }
    <mat-form-field appearance="outline" class="body">
      <mat-label>{{ label() }}</mat-label>
      <textarea
        #textarea
        matInput
        [id]="inputId()"
        [formControl]="control()"
        cdkTextareaAutosize
        cdkAutosizeMinRows="4"
        cdkAutosizeMaxRows="16"
        [attr.maxlength]="maxLength"
      ></textarea>
      @if (control().value.length > maxLength * 0.9) {
        <mat-hint align="end">{{ count(control().value.length) }} / {{ count(maxLength) }} caractères</mat-hint>
      }
      <mat-error>{{ errorOf() }}</mat-error>
    </mat-form-field>
    <pas-markdown-hint />
    <pas-attachment-picker [attachments]="attachments()" [disabled]="disabled()" />
    <div class="actions">
      <ng-content />
    </div>
  `,
  styles: `
    :host {
      display: block;
      padding: 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    :host(.note) {
      border: 2px dashed #8a6d00;
      background: #fff6cc;
    }
    .note-banner {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0 0 12px;
      color: #4d3d00;
    }
    .body {
      width: 100%;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      margin-top: 12px;
    }
    .actions:empty {
      display: none;
    }
  `,
})
export class MessageComposer {
  readonly control = input.required<FormControl<string>>();
  readonly attachments = input.required<PendingAttachments>();
  readonly label = input('Votre message');
  /** The text field's id, for a label or an error summary's link to reach it; Material's own when empty. */
  readonly inputId = input('');
  /** Internal note of the département: never sent to the commune. */
  readonly note = input(false);
  /** While the message is being sent. */
  readonly disabled = input(false);

  private readonly textarea = viewChild.required<ElementRef<HTMLTextAreaElement>>('textarea');

  protected readonly maxLength = THREAD_LIMITS.body;
  protected readonly count = formatInteger;

  protected errorOf(): string {
    return fieldErrorMessage(this.control());
  }

  focus(): void {
    this.textarea().nativeElement.focus();
  }

  /**
   * Puts a text (an answer template) where the cursor is, as its own paragraph, and leaves the cursor after it, so
   * that the agent goes on typing or adjusts it.
   */
  insert(text: string): void {
    const textarea = this.textarea().nativeElement;
    const value = this.control().value;
    const start = Math.min(textarea.selectionStart ?? value.length, value.length);
    const end = Math.min(textarea.selectionEnd ?? start, value.length);
    const before = value.slice(0, start);
    const after = value.slice(end);
    const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    const trail = after === '' || after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
    const inserted = `${lead}${text}${trail}`;
    this.control().setValue(before + inserted + after);
    this.control().markAsDirty();
    textarea.focus();
    const caret = before.length + lead.length + text.length;
    textarea.setSelectionRange(caret, caret);
  }

  /**
   * Puts a few words (a link) where the cursor is, in the sentence being written, in place of the selection; a space
   * keeps it apart from the words around it. The cursor goes after it.
   */
  insertInline(text: string): void {
    const textarea = this.textarea().nativeElement;
    const value = this.control().value;
    const start = Math.min(textarea.selectionStart ?? value.length, value.length);
    const end = Math.min(textarea.selectionEnd ?? start, value.length);
    const before = value.slice(0, start);
    const after = value.slice(end);
    const lead = before === '' || /\s$/.test(before) ? '' : ' ';
    const trail = after === '' || /^[\s.,;:!?)]/.test(after) ? '' : ' ';
    this.control().setValue(before + lead + text + trail + after);
    this.control().markAsDirty();
    textarea.focus();
    const caret = before.length + lead.length + text.length;
    textarea.setSelectionRange(caret, caret);
  }
}
