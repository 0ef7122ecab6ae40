import { computed, DestroyRef, effect, inject, Injectable, type Signal, signal, untracked, type WritableSignal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, Validators } from '@angular/forms';
import {
  type ChangeThreadStateInput,
  type PostMessageInput,
  THREAD_CATEGORY_LABELS,
  THREAD_LIMITS,
  type ThreadDto,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { type LiveChange, LiveUpdates } from '@passerelle/web/live/data-access';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { type BusyFlag, busyFlag } from '@passerelle/web/shared/util-forms';
import type { Observable } from 'rxjs';
import { injectAttachmentUploads } from './attachment-uploads';
import { ConversationActions } from './conversation-actions';
import { ReplyDraft } from './reply-draft';
import { showThreadError } from './thread-conflict';
import { ThreadsApi } from './threads-api';

/** How long "Nouveau message" stays in the status line (long enough to be read out, then cleared for the next one). */
const LIVE_NOTICE_MS = 10_000;

/** What the store needs of the files joined to the message being written (the page's `PendingAttachments`). */
export interface ComposedAttachments {
  uploading(): boolean;
  documentIds(): string[];
  clear(): void;
}

/** What a thread page gives its store once, in its constructor. */
export interface ThreadPageLink {
  /** The route's thread id. */
  id: Signal<string>;
  attachments: ComposedAttachments;
  /** The page's own outcome lines (state, rating, follow-up errors…): a new action clears them with the store's. */
  messages?: readonly WritableSignal<string>[];
  /** Checks the text when the user sends (`checkMessageText` of ui-thread): whether it may go. */
  checkText(body: FormControl<string>): boolean;
  /** Shows the API's refusal of the text under the field (`showMessageTextError`): whether it was one. */
  showTextError(body: FormControl<string>, error: unknown): boolean;
  /** Moves focus to the field showing its error (the page's focus helper). */
  focusText(): void;
}

/** The words of one send: they differ between the commune's page and the département's. */
export interface SendWording {
  /** Said when files are still going up. */
  waitForUploads: string;
  /** The notice once the message is recorded. */
  sent: string;
  /** Said when the send failed for another reason than the text. */
  failed: string;
}

/** Where a failed change of the thread is said, and in which words when the server gives none. */
export interface ChangeFailure {
  target: WritableSignal<string>;
  fallback: string;
  /** Runs before the error is shown (a select put back to what is saved). */
  before?: () => void;
}

/**
 * The state of one thread page (`/espace/questions/:id` and `/departement/questions/:id`): the thread as the server
 * last answered it (its messages and its version, which every change sends back), the answer being written and its
 * draft, the outcome lines, and the requests both pages make: send a message, change the thread (state, rating,
 * assignment…), correct a message. A conflict (409) reloads the thread and says so, the typed text kept.
 * Provided by the page itself (`providers: [ThreadStore]`), which calls `connect()` in its constructor and keeps only
 * its own actions.
 */
@Injectable()
export class ThreadStore {
  private readonly api = inject(ThreadsApi);
  private readonly session = inject(AuthSession);
  private readonly uploads = injectAttachmentUploads();
  private readonly link = signal<ThreadPageLink | null>(null);

  readonly thread = rxResource({
    params: () => this.link()?.id(),
    stream: ({ params }) => this.api.getThread(params),
  });
  readonly current = computed<ThreadDto | null>(() => (this.thread.hasValue() ? this.thread.value() : null));
  readonly loadError = computed(() => apiErrorMessage(this.thread.error(), 'Impossible de charger cette question.'));
  readonly userId = computed(() => this.session.user()?.id ?? null);
  readonly categoryLabel = computed(() => {
    const thread = this.current();
    return thread ? THREAD_CATEGORY_LABELS[thread.category] : '';
  });

  /** The answer (or note) being written. */
  readonly body = new FormControl('', {
    nonNullable: true,
    validators: Validators.maxLength(THREAD_LIMITS.body),
  });
  /** What is being written survives leaving the page, per user and thread. */
  readonly draft = new ReplyDraft(this.body, () => {
    const [user, thread] = [this.userId(), this.current()?.id];
    return user && thread ? `${user}.${thread}` : null;
  });

  /** The outcome of the last action, focused so that it is read out. */
  readonly notice = signal('');
  /** Downloads, earlier versions. */
  readonly actionError = signal('');
  /** Why the message could not be sent, under the composer. */
  readonly sendError = signal('');
  readonly sending = busyFlag();
  /** Corrections, earlier versions and downloads of the conversation. */
  readonly conversation = new ConversationActions(this.thread, this.actionError);

  /**
   * Said to screen readers only (the page's visually hidden status line) when someone else's message arrives while
   * the page is open; emptied after a while so that the next one is said too.
   */
  readonly liveNotice = signal('');
  /** A live event asked for a reload that waits for the user to finish (a message being sent or corrected). */
  private readonly stale = signal(false);
  /** The last message shown when someone else's message was announced by the stream. */
  private announceAfter: string | null | undefined;
  private liveNoticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(LiveUpdates)
      .thread(() => this.current()?.id)
      .pipe(takeUntilDestroyed())
      .subscribe((change) => this.onLiveChange(change));
    // The reload waited for the user: it happens once they are done, with what they typed kept.
    effect(() => {
      if (this.stale() && !this.userBusy()) {
        untracked(() => this.reloadNow());
      }
    });
    effect(() => {
      const thread = this.current();
      if (thread && this.announceAfter !== undefined) {
        untracked(() => this.announceNewMessage(thread));
      }
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.liveNoticeTimer));
  }

  connect(link: ThreadPageLink): void {
    this.link.set(link);
  }

  /** An attachment goes up to the thread's commune (before the thread is known, the user's own commune). */
  uploadAttachment(file: File) {
    return this.uploads.upload(this.current()?.communeInsee ?? this.session.user()?.commune?.insee ?? '', file);
  }

  /** Sends what is in the composer with its attachments; `extra` adds what only agents choose (note, next state). */
  send(wording: SendWording, extra: Omit<PostMessageInput, 'body' | 'attachmentIds'> = {}): void {
    const [thread, link] = [this.current(), this.link()];
    if (!thread || !link || this.sending()) {
      return;
    }
    this.clearMessages();
    if (!link.checkText(this.body)) {
      link.focusText();
      return;
    }
    if (link.attachments.uploading()) {
      this.sendError.set(wording.waitForUploads);
      return;
    }
    const input: PostMessageInput = { body: this.body.value, ...extra, attachmentIds: link.attachments.documentIds() };
    this.api
      .postMessage(thread.id, input)
      .pipe(this.sending.track)
      .subscribe({
        next: (updated) => {
          this.thread.set(updated);
          this.body.reset('');
          link.attachments.clear();
          this.notice.set(wording.sent);
        },
        error: (error: unknown) => {
          if (link.showTextError(this.body, error)) {
            link.focusText();
            return;
          }
          showThreadError(this.thread, error, this.sendError, wording.failed);
        },
      });
  }

  /** Moves the thread to `state`, from the version the page shows. */
  changeState(
    state: ChangeThreadStateInput['state'],
    busy: BusyFlag,
    done: string,
    failure: ChangeFailure,
  ): void {
    this.change((thread) => this.api.changeState(thread.id, { state, version: thread.version }), busy, () => done, failure);
  }

  /**
   * One change of the thread whose answer is the thread as it now is (state, rating, assignment, labels): one at a
   * time per `busy` flag; `done` gives the notice (or does what the page shows instead).
   */
  change(
    request: (thread: ThreadDto) => Observable<ThreadDto>,
    busy: BusyFlag,
    done: (updated: ThreadDto) => string | void,
    failure: ChangeFailure,
  ): void {
    const thread = this.current();
    if (!thread || busy()) {
      return;
    }
    this.clearMessages();
    request(thread)
      .pipe(busy.track)
      .subscribe({
        next: (updated) => {
          this.thread.set(updated);
          const notice = done(updated);
          if (notice) {
            this.notice.set(notice);
          }
        },
        error: (error: unknown) => {
          failure.before?.();
          showThreadError(this.thread, error, failure.target, failure.fallback);
        },
      });
  }

  /** Saves the correction of a message; `saved` is the notice. */
  saveEdit(edit: { messageId: string; body: string }, saved: string): void {
    this.clearMessages();
    this.conversation.saveEdit(edit, () => this.notice.set(saved));
  }

  /**
   * Something changed in this thread (or the stream came back after missing events): read it again. The answer
   * being written lives in its own control and draft, untouched by the reload; while a message is being sent or
   * corrected the reload waits, so that the user's work is never replaced under their eyes.
   */
  private onLiveChange(change: LiveChange): void {
    const thread = this.current();
    if (!thread) {
      return;
    }
    if (change.kind === 'thread.message' && this.announceAfter === undefined) {
      this.announceAfter = lastMessage(thread)?.id ?? null;
    }
    this.stale.set(true);
  }

  private userBusy(): boolean {
    return this.sending() || this.conversation.editingId() !== null || this.conversation.editSaving();
  }

  private reloadNow(): void {
    this.stale.set(false);
    this.thread.reload();
  }

  private announceNewMessage(thread: ThreadDto): void {
    const last = lastMessage(thread);
    if (!last || last.id === this.announceAfter) {
      return; // Not read yet (or the message is not one this user sees).
    }
    this.announceAfter = undefined;
    if (last.author.id === this.userId()) {
      return; // The user's own message (sent from another tab): nothing new to them.
    }
    clearTimeout(this.liveNoticeTimer);
    this.liveNotice.set(last.internal ? 'Nouvelle note interne' : 'Nouveau message');
    this.liveNoticeTimer = setTimeout(() => this.liveNotice.set(''), LIVE_NOTICE_MS);
  }

  /** A new action makes the previous outcome stale, whatever it was. */
  private clearMessages(): void {
    for (const message of [this.notice, this.actionError, this.sendError, ...(this.link()?.messages ?? [])]) {
      message.set('');
    }
  }
}

function lastMessage(thread: ThreadDto): ThreadDto['messages'][number] | undefined {
  return thread.messages[thread.messages.length - 1];
}
