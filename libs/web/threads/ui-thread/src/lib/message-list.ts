import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, model, output, signal } from '@angular/core';
import type { DocumentDto, MessageDto, MessageRevisionDto } from '@passerelle/shared/dto';
import { isEditable } from './thread-format';
import { ThreadMessage } from './thread-message';

export interface MessageEdit {
  messageId: string;
  body: string;
}

/** How often the list checks whether edit windows have closed. */
const CLOCK_TICK_MS = 20_000;

/**
 * The conversation, oldest first. One message at most is being corrected (`editingId`); the page saves the
 * correction and loads earlier versions, this list only shows them.
 */
@Component({
  selector: 'pas-message-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ThreadMessage],
  template: `
    <ol class="messages" [attr.aria-label]="label()">
      @for (message of messages(); track message.id) {
        <li>
          <pas-thread-message
            [message]="message"
            [communeName]="communeName()"
            [mine]="message.author.id !== null && message.author.id === currentUserId()"
            [editable]="editableNow(message)"
            [editing]="editingId() === message.id"
            [saving]="editingId() === message.id && saving()"
            [editError]="editingId() === message.id ? editError() : ''"
            [revisions]="revisions()[message.id]"
            [revisionsLoading]="revisionsLoadingId() === message.id"
            [downloadingId]="downloadingId()"
            (startEdit)="editingId.set(message.id)"
            (cancelEdit)="editingId.set(null)"
            (saveEdit)="saveEdit.emit({ messageId: message.id, body: $event })"
            (loadRevisions)="loadRevisions.emit(message.id)"
            (download)="download.emit($event)"
          />
        </li>
      }
    </ol>
  `,
  styles: `
    .messages {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
  `,
})
export class MessageList {
  readonly messages = input.required<readonly MessageDto[]>();
  readonly communeName = input.required<string>();
  readonly currentUserId = input<string | null>(null);
  readonly label = input('Échanges');
  /** The message being corrected. */
  readonly editingId = model<string | null>(null);
  readonly saving = input(false);
  readonly editError = input('');
  /** Earlier versions loaded so far, by message id. */
  readonly revisions = input<Readonly<Record<string, readonly MessageRevisionDto[]>>>({});
  readonly revisionsLoadingId = input<string | null>(null);
  readonly downloadingId = input<string | null>(null);

  readonly saveEdit = output<MessageEdit>();
  readonly loadRevisions = output<string>();
  readonly download = output<DocumentDto>();

  /** Moves on its own, so that "Modifier" goes away when the window closes while the page is open. */
  private readonly now = signal(Date.now());

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), CLOCK_TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected editableNow(message: MessageDto): boolean {
    return isEditable(message, this.now());
  }
}
