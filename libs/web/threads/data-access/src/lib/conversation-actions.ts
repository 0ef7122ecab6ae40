import { inject, signal, type WritableResource, type WritableSignal } from '@angular/core';
import type { DocumentDto, MessageRevisionDto, ThreadDto } from '@passerelle/shared/dto';
import { DocumentsApi } from '@passerelle/web/projects/data-access';
import { downloadFile } from '@passerelle/web/shared/util-download';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { finalize } from 'rxjs';
import { showThreadError } from './thread-conflict';
import { ThreadsApi } from './threads-api';

/**
 * The requests behind a thread page's conversation (`<pas-message-list>`): correcting one's own message, loading a
 * message's earlier versions, downloading an attachment; and the state the list shows meanwhile. One per page,
 * created in a field initialiser (it injects its services), after the page's thread resource and error line.
 */
export class ConversationActions {
  private readonly api = inject(ThreadsApi);
  private readonly documentsApi = inject(DocumentsApi);

  /** The message being corrected. */
  readonly editingId = signal<string | null>(null);
  readonly editSaving = busyFlag();
  readonly editError = signal('');
  /** Earlier versions loaded so far, by message id. */
  readonly revisions = signal<Readonly<Record<string, readonly MessageRevisionDto[]>>>({});
  readonly revisionsLoadingId = signal<string | null>(null);
  readonly downloadingId = signal<string | null>(null);

  constructor(
    /** The page's thread: a corrected message replaces the old one in it; reloaded on a conflict. */
    private readonly thread: WritableResource<ThreadDto | undefined>,
    /** Where the page says that a download or a load of earlier versions failed. */
    private readonly actionError: WritableSignal<string>,
  ) {}

  /** `saved` runs once the correction is recorded (the page's notice); a failure is shown under the message. */
  saveEdit(edit: { messageId: string; body: string }, saved: () => void): void {
    this.editError.set('');
    this.api
      .editMessage(edit.messageId, { body: edit.body })
      .pipe(this.editSaving.track)
      .subscribe({
        next: (message) => {
          const thread = this.thread;
          if (thread.hasValue()) {
            const current = thread.value();
            thread.set({
              ...current,
              messages: current.messages.map((known) => (known.id === message.id ? message : known)),
            });
          }
          // The versions loaded so far lack the text just replaced: they are asked for again when wanted.
          this.revisions.update((known) =>
            Object.fromEntries(Object.entries(known).filter(([id]) => id !== message.id)),
          );
          this.editingId.set(null);
          saved();
        },
        error: (error: unknown) =>
          showThreadError(
            this.thread,
            error,
            this.editError,
            'La correction n’a pas pu être enregistrée. Elle est conservée\u00a0: réessayez.',
          ),
      });
  }

  loadRevisions(messageId: string): void {
    this.revisionsLoadingId.set(messageId);
    this.api
      .messageRevisions(messageId)
      .pipe(finalize(() => this.revisionsLoadingId.set(null)))
      .subscribe({
        next: (revisions) => this.revisions.update((known) => ({ ...known, [messageId]: revisions })),
        error: (error: unknown) =>
          this.actionError.set(apiErrorMessage(error, 'Les versions précédentes n’ont pas pu être chargées.')),
      });
  }

  /** Through the API (the route needs the bearer token), then saved under the file's name. */
  download(document: DocumentDto): void {
    this.actionError.set('');
    this.downloadingId.set(document.id);
    this.documentsApi
      .getBlob(document.contentUrl)
      .pipe(finalize(() => this.downloadingId.set(null)))
      .subscribe({
        next: (blob) => downloadFile(blob, document.filename),
        error: (error: unknown) =>
          this.actionError.set(apiErrorMessage(error, `Le téléchargement de « ${document.filename} » a échoué.`)),
      });
  }
}
