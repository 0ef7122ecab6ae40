import { Component, inject, input, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { MessageDto, ThreadDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { type LiveChange, LiveUpdates } from '@passerelle/web/live/data-access';
import { DocumentsApi } from '@passerelle/web/projects/data-access';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { filter, of, Subject, throwError } from 'rxjs';
import { THREAD_CONFLICT_MESSAGE } from './thread-conflict';
import { type ComposedAttachments, ThreadStore } from './thread-store';
import { ThreadsApi } from './threads-api';

/** What the store reads of a thread: its id, version, commune and messages. */
function threadFixture(overrides: Partial<ThreadDto> = {}): ThreadDto {
  return {
    id: 't1',
    version: 3,
    communeInsee: '95002',
    category: 'FUNDING',
    state: 'OPEN',
    messages: [message('m1', 'Bonjour')],
    ...overrides,
  } as Partial<ThreadDto> as ThreadDto;
}

function message(id: string, body: string, authorId = 'u1', internal = false): MessageDto {
  return {
    id,
    threadId: 't1',
    author: { id: authorId, displayName: 'X', side: 'COMMUNE' },
    body,
    bodyHtml: `<p>${body}</p>`,
    internal,
    revisionCount: 0,
  } as Partial<MessageDto> as MessageDto;
}

const wording = { waitForUploads: 'Attendez les fichiers.', sent: 'Envoyé.', failed: 'Échec, réessayez.' };
const failure = (status: number, code: string, text = 'Refusé par le serveur.') => ({
  status,
  error: { code, message: text, requestId: 'r' },
});

/** A page as the two thread pages use the store: provided at its level, connected in its constructor. */
@Component({ template: '', providers: [ThreadStore] })
class Page {
  readonly id = input('t1');
  readonly store = inject(ThreadStore);
  readonly stateError = signal('');
  readonly attachments = {
    uploading: signal(false),
    documentIds: signal<string[]>([]),
    clear: jest.fn(),
  } satisfies ComposedAttachments;
  readonly checkText = jest.fn(() => true);
  readonly showTextError = jest.fn(() => false);
  readonly focusText = jest.fn();

  constructor() {
    this.store.connect({
      id: this.id,
      attachments: this.attachments,
      messages: [this.stateError],
      checkText: this.checkText,
      showTextError: this.showTextError,
      focusText: this.focusText,
    });
  }
}

describe(ThreadStore.name, () => {
  let api: Record<'getThread' | 'postMessage' | 'changeState' | 'assign' | 'editMessage', jest.Mock>;
  let fixture: ComponentFixture<Page>;
  let page: Page;
  let sut: ThreadStore;
  let live: Subject<LiveChange>;

  async function open(): Promise<void> {
    fixture = TestBed.createComponent(Page);
    page = fixture.componentInstance;
    sut = page.store;
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    live = new Subject<LiveChange>();
    api = {
      getThread: jest.fn().mockReturnValue(of(threadFixture())),
      postMessage: jest.fn(),
      changeState: jest.fn(),
      assign: jest.fn(),
      editMessage: jest.fn(),
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: ThreadsApi, useValue: api },
        { provide: DocumentsApi, useValue: { getBlob: jest.fn() } },
        {
          provide: LiveUpdates,
          useValue: {
            thread: (id: () => string | undefined) =>
              live.pipe(filter((change) => change.kind === 'live.resumed' || ('threadId' in change && change.threadId === id()))),
          },
        },
        {
          provide: AuthSession,
          useValue: { user: signal({ id: 'u1', commune: { insee: '95002', name: 'Ableiges' } }) },
        },
      ],
    });
    await open();
  });

  it('loads the thread of the page’s id', () => {
    expect(api.getThread).toHaveBeenCalledWith('t1');
    expect(sut.current()?.version).toBe(3);
  });

  it('sends the text with the attachments, then keeps the thread (and its version) as the server answered it', () => {
    page.attachments.documentIds.set(['doc-1']);
    sut.body.setValue('Voici le plan.');
    api.postMessage.mockReturnValue(of(threadFixture({ version: 4, messages: [message('m1', 'Bonjour'), message('m2', 'Voici le plan.')] })));

    sut.send(wording);

    expect(api.postMessage).toHaveBeenCalledWith('t1', { body: 'Voici le plan.', attachmentIds: ['doc-1'] });
    expect(sut.current()?.messages.map((known) => known.id)).toEqual(['m1', 'm2']);
    expect(sut.body.value).toBe('');
    expect(page.attachments.clear).toHaveBeenCalled();
    expect(sut.notice()).toBe('Envoyé.');
    expect(sut.sending()).toBe(false);

    // The next change starts from the version the send answered, not the one first loaded.
    api.changeState.mockReturnValue(of(threadFixture({ version: 5, state: 'CLOSED' })));
    sut.changeState('CLOSED', busyFlag(), 'Fermée.', { target: page.stateError, fallback: 'Échec.' });
    expect(api.changeState).toHaveBeenCalledWith('t1', { state: 'CLOSED', version: 4 });
    expect(sut.current()?.state).toBe('CLOSED');
    expect(sut.notice()).toBe('Fermée.');
  });

  it('adds what only agents choose (a note, the next state) to the message', () => {
    sut.body.setValue('Voir le dossier 2025.');
    api.postMessage.mockReturnValue(of(threadFixture()));

    sut.send(wording, { internal: false, nextState: 'WAITING_COMMUNE' });

    expect(api.postMessage).toHaveBeenCalledWith('t1', {
      body: 'Voir le dossier 2025.',
      internal: false,
      nextState: 'WAITING_COMMUNE',
      attachmentIds: [],
    });
  });

  it('sends one message at a time', () => {
    sut.body.setValue('Voici le plan.');
    api.postMessage.mockReturnValue(new Subject<ThreadDto>());

    sut.send(wording);
    sut.send(wording);

    expect(sut.sending()).toBe(true);
    expect(api.postMessage).toHaveBeenCalledTimes(1);
  });

  it('sends nothing when the page refuses the text, and moves focus to the field', () => {
    page.checkText.mockReturnValue(false);

    sut.send(wording);

    expect(page.checkText).toHaveBeenCalledWith(sut.body);
    expect(page.focusText).toHaveBeenCalled();
    expect(api.postMessage).not.toHaveBeenCalled();
  });

  it('waits for the attachments still going up', () => {
    sut.body.setValue('Voici le plan.');
    page.attachments.uploading.set(true);

    sut.send(wording);

    expect(sut.sendError()).toBe('Attendez les fichiers.');
    expect(api.postMessage).not.toHaveBeenCalled();
  });

  it('when someone changed the thread meanwhile, reloads it, says so and keeps the text and attachments', async () => {
    sut.body.setValue('Texte en cours');
    api.postMessage.mockReturnValue(throwError(() => failure(409, 'THREAD_VERSION_CONFLICT')));
    api.getThread.mockReturnValue(of(threadFixture({ version: 4, state: 'WAITING_COMMUNE' })));

    sut.send(wording);
    await fixture.whenStable();

    expect(sut.sendError()).toBe(THREAD_CONFLICT_MESSAGE);
    expect(api.getThread).toHaveBeenCalledTimes(2);
    expect(sut.current()?.version).toBe(4);
    expect(sut.body.value).toBe('Texte en cours');
    expect(page.attachments.clear).not.toHaveBeenCalled();
  });

  it('lets the page show the API’s refusal of the text under the field instead of an error line', () => {
    sut.body.setValue('Trop long');
    const refusal = { status: 400, error: { code: 'VALIDATION_FAILED', errors: { body: 'Trop long.' } } };
    api.postMessage.mockReturnValue(throwError(() => refusal));
    page.showTextError.mockReturnValue(true);

    sut.send(wording);

    expect(page.showTextError).toHaveBeenCalledWith(sut.body, refusal);
    expect(page.focusText).toHaveBeenCalled();
    expect(sut.sendError()).toBe('');
    expect(sut.body.value).toBe('Trop long');
  });

  it('says a failed send in the page’s words, the text kept', () => {
    sut.body.setValue('Voici le plan.');
    api.postMessage.mockReturnValue(throwError(() => ({ status: 500 })));

    sut.send(wording);

    expect(sut.sendError()).toBe('Échec, réessayez.');
    expect(sut.body.value).toBe('Voici le plan.');
  });

  it('makes one change at a time per flag, and a new action clears the previous outcome, the page’s lines too', () => {
    const busy = busyFlag();
    page.stateError.set('Ancienne erreur');
    sut.notice.set('Ancien message');
    api.assign.mockReturnValue(new Subject<ThreadDto>());

    sut.change((thread) => api.assign(thread.id, { assigneeId: 'u1' }), busy, () => 'Attribuée.', {
      target: page.stateError,
      fallback: 'Échec.',
    });
    sut.change((thread) => api.assign(thread.id, { assigneeId: 'u2' }), busy, () => 'Attribuée.', {
      target: page.stateError,
      fallback: 'Échec.',
    });

    expect(api.assign).toHaveBeenCalledTimes(1);
    expect(busy()).toBe(true);
    expect(page.stateError()).toBe('');
    expect(sut.notice()).toBe('');
  });

  it('reloads the thread on a conflict of a change, and says it where the page asks', async () => {
    const before = jest.fn();
    api.changeState.mockReturnValue(throwError(() => failure(409, 'THREAD_VERSION_CONFLICT')));

    sut.changeState('CLOSED', busyFlag(), 'Fermée.', { target: page.stateError, fallback: 'Échec.', before });
    await fixture.whenStable();

    expect(before).toHaveBeenCalled();
    expect(page.stateError()).toBe(THREAD_CONFLICT_MESSAGE);
    expect(api.getThread).toHaveBeenCalledTimes(2);
    expect(sut.notice()).toBe('');
  });

  it('gives the server’s reason for a change refused otherwise, without reloading', () => {
    api.changeState.mockReturnValue(throwError(() => failure(403, 'FORBIDDEN', 'Vous ne pouvez pas fermer cette question.')));

    sut.changeState('CLOSED', busyFlag(), 'Fermée.', { target: page.stateError, fallback: 'Échec.' });

    expect(page.stateError()).toBe('Vous ne pouvez pas fermer cette question.');
    expect(api.getThread).toHaveBeenCalledTimes(1);
  });

  it('keeps what is being written per user and thread, and gives it back when the page is opened again', async () => {
    sut.body.setValue('Brouillon');
    fixture.destroy();

    await open();

    expect(sut.body.value).toBe('Brouillon');
  });

  it('says a saved correction in the page’s words', () => {
    api.editMessage.mockReturnValue(of(message('m1', 'Bonjour à tous')));

    sut.saveEdit({ messageId: 'm1', body: 'Bonjour à tous' }, 'Corrigé.');

    expect(sut.notice()).toBe('Corrigé.');
    expect(sut.current()?.messages[0].body).toBe('Bonjour à tous');
  });

  describe('live events', () => {
    const reply = threadFixture({ version: 4, messages: [message('m1', 'Bonjour'), message('m2', 'Voici la réponse.', 'agent')] });

    it('reads the thread again when someone writes in it, keeps the answer being typed, and says so politely', async () => {
      sut.body.setValue('Ma réponse en cours');
      api.getThread.mockReturnValue(of(reply));

      live.next({ kind: 'thread.message', threadId: 't1' });
      await fixture.whenStable();

      expect(api.getThread).toHaveBeenCalledTimes(2);
      expect(sut.current()?.messages.map((known) => known.id)).toEqual(['m1', 'm2']);
      expect(sut.body.value).toBe('Ma réponse en cours');
      expect(sut.liveNotice()).toBe('Nouveau message');
      // The status line the user's own actions use (and focus) is left alone.
      expect(sut.notice()).toBe('');
    });

    it('ignores the events of other threads, and does not announce the user’s own message', async () => {
      live.next({ kind: 'thread.message', threadId: 'another' });
      await fixture.whenStable();
      expect(api.getThread).toHaveBeenCalledTimes(1);

      api.getThread.mockReturnValue(of(threadFixture({ messages: [message('m1', 'Bonjour'), message('m2', 'Depuis un autre onglet')] })));
      live.next({ kind: 'thread.message', threadId: 't1' });
      await fixture.whenStable();
      expect(api.getThread).toHaveBeenCalledTimes(2);
      expect(sut.liveNotice()).toBe('');
    });

    it('waits for the user to finish correcting a message before reading the thread again', async () => {
      sut.conversation.editingId.set('m1');
      api.getThread.mockReturnValue(of(reply));

      live.next({ kind: 'thread.updated', threadId: 't1' });
      await fixture.whenStable();
      expect(api.getThread).toHaveBeenCalledTimes(1);

      sut.conversation.editingId.set(null);
      await fixture.whenStable();
      expect(api.getThread).toHaveBeenCalledTimes(2);
      expect(sut.current()?.version).toBe(4);
    });

    it('reads the thread again after the stream came back (events may have been missed)', async () => {
      live.next({ kind: 'live.resumed' });
      await fixture.whenStable();
      expect(api.getThread).toHaveBeenCalledTimes(2);
    });
  });
});
