import { computed, signal } from '@angular/core';
import { type DocumentDto, MAX_UPLOAD_BYTES, THREAD_LIMITS } from '@passerelle/shared/dto';
import { apiErrorMessage, formatBytes } from '@passerelle/web/shared/util-format';
import type { Observable, Subscription } from 'rxjs';

/** What an upload reports: the percentage sent, then the stored document (the shape of the data-access uploads). */
export type AttachmentUploadEvent = { state: 'progress'; percent: number } | { state: 'done'; result: DocumentDto };

/** Sends one file; given by the page, which owns the HTTP client. */
export type AttachmentUploader = (file: File) => Observable<AttachmentUploadEvent>;

export interface PendingAttachment {
  /** Local key: the same file may be chosen twice. */
  readonly key: number;
  readonly name: string;
  readonly sizeBytes: number;
  /** Percentage sent while uploading. */
  readonly percent: number;
  /** Set once the server has stored the file. */
  readonly document: DocumentDto | null;
}

/**
 * The files joined to a question or a message before it is sent. Each file goes up as soon as it is chosen (the
 * message then only lists ids), so the user sees its progress and can take it back out before sending; a file
 * removed while it is going up is cancelled.
 */
export class PendingAttachments {
  private readonly entries = signal<readonly PendingAttachment[]>([]);
  private readonly subscriptions = new Map<number, Subscription>();
  private nextKey = 1;

  readonly items = this.entries.asReadonly();
  /** Why the last file could not be added; cleared by the next choice. */
  readonly error = signal('');
  /** Something is still going up: sending now would leave it out. */
  readonly uploading = computed(() => this.entries().some((entry) => entry.document === null));
  readonly documentIds = computed(() =>
    this.entries().flatMap((entry) => (entry.document ? [entry.document.id] : [])),
  );

  constructor(
    private readonly upload: AttachmentUploader,
    readonly limit: number = THREAD_LIMITS.attachments,
  ) {}

  add(files: Iterable<File>): void {
    this.error.set('');
    const problems: string[] = [];
    for (const file of files) {
      if (this.entries().length >= this.limit) {
        problems.push(`Un message ne peut pas avoir plus de ${this.limit} pièces jointes.`);
        break;
      }
      // Checked here too, so that nobody waits for a large file to be sent only to hear it was too large.
      if (file.size > MAX_UPLOAD_BYTES) {
        problems.push(
          `« ${file.name} » pèse ${formatBytes(file.size)}\u00a0: un fichier ne peut pas dépasser ${formatBytes(MAX_UPLOAD_BYTES)}.`,
        );
        continue;
      }
      this.start(file);
    }
    this.error.set(problems.join(' '));
  }

  remove(key: number): void {
    this.subscriptions.get(key)?.unsubscribe();
    this.subscriptions.delete(key);
    this.entries.update((entries) => entries.filter((entry) => entry.key !== key));
  }

  /** After the message was sent: the files now belong to it. */
  clear(): void {
    for (const subscription of this.subscriptions.values()) {
      subscription.unsubscribe();
    }
    this.subscriptions.clear();
    this.entries.set([]);
    this.error.set('');
  }

  private start(file: File): void {
    const key = this.nextKey++;
    this.entries.update((entries) => [
      ...entries,
      { key, name: file.name, sizeBytes: file.size, percent: 0, document: null },
    ]);
    const subscription = this.upload(file).subscribe({
      next: (event) => {
        if (event.state === 'progress') {
          this.patch(key, { percent: event.percent });
        } else {
          this.patch(key, { percent: 100, document: event.result });
          this.subscriptions.delete(key);
        }
      },
      error: (error: unknown) => {
        this.subscriptions.delete(key);
        this.entries.update((entries) => entries.filter((entry) => entry.key !== key));
        const message = apiErrorMessage(error, 'Réessayez.');
        this.error.set(`L’envoi de « ${file.name} » a échoué\u00a0: ${message}`);
      },
    });
    // An upload that failed at once has already removed itself.
    if (!subscription.closed) {
      this.subscriptions.set(key, subscription);
    }
  }

  private patch(key: number, change: Partial<PendingAttachment>): void {
    this.entries.update((entries) => entries.map((entry) => (entry.key === key ? { ...entry, ...change } : entry)));
  }
}
