import { ApplicationRef, signal, type WritableResource, type WritableSignal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TestBed } from '@angular/core/testing';
import type { DocumentDto, MessageDto, MessageRevisionDto, ThreadDto } from '@passerelle/shared/dto';
import { DocumentsApi } from '@passerelle/web/projects/data-access';
import * as download from '@passerelle/web/shared/util-download';
import { of, throwError } from 'rxjs';
import { ConversationActions } from './conversation-actions';
import { THREAD_CONFLICT_MESSAGE } from './thread-conflict';
import { ThreadsApi } from './threads-api';

jest.mock('@passerelle/web/shared/util-download', () => ({ downloadFile: jest.fn() }));

/** Only what the conversation touches: the thread's messages. */
function threadWith(messages: MessageDto[]): ThreadDto {
  return { id: 't1', version: 3, messages } as Partial<ThreadDto> as ThreadDto;
}

function message(id: string, body: string): MessageDto {
  return { id, threadId: 't1', body, bodyHtml: `<p>${body}</p>`, revisionCount: 0 } as Partial<MessageDto> as MessageDto;
}

const revision: MessageRevisionDto = {
  body: 'Première version',
  bodyHtml: '<p>Première version</p>',
  replacedAt: '2026-03-10T09:05:00Z',
};
const devis = { id: 'doc-1', filename: 'devis.pdf', contentUrl: '/api/documents/doc-1/content' } as DocumentDto;
const failure = (status: number, text: string, code = 'X') => ({ status, error: { code, message: text, requestId: 'r' } });

describe(ConversationActions.name, () => {
  let api: { getThread: jest.Mock; editMessage: jest.Mock; messageRevisions: jest.Mock };
  let documentsApi: { getBlob: jest.Mock };
  let thread: WritableResource<ThreadDto | undefined>;
  let actionError: WritableSignal<string>;
  let sut: ConversationActions;

  beforeEach(async () => {
    api = {
      getThread: jest.fn().mockReturnValue(of(threadWith([message('m1', 'Bonjour'), message('m2', 'Merci')]))),
      editMessage: jest.fn(),
      messageRevisions: jest.fn(),
    };
    documentsApi = { getBlob: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        { provide: ThreadsApi, useValue: api },
        { provide: DocumentsApi, useValue: documentsApi },
      ],
    });
    actionError = signal('');
    TestBed.runInInjectionContext(() => {
      thread = rxResource({ stream: () => api.getThread('t1') });
      sut = new ConversationActions(thread, actionError);
    });
    TestBed.tick();
    await TestBed.inject(ApplicationRef).whenStable();
  });

  it('puts the corrected message in the thread, forgets its loaded versions and closes the editor', () => {
    api.messageRevisions.mockReturnValue(of([revision]));
    sut.loadRevisions('m1');
    sut.editingId.set('m1');
    api.editMessage.mockReturnValue(of(message('m1', 'Bonjour à tous')));
    const saved = jest.fn();

    sut.saveEdit({ messageId: 'm1', body: 'Bonjour à tous' }, saved);

    expect(api.editMessage).toHaveBeenCalledWith('m1', { body: 'Bonjour à tous' });
    expect(thread.value()?.messages.map((known) => known.body)).toEqual(['Bonjour à tous', 'Merci']);
    expect(sut.revisions()).toEqual({});
    expect(sut.editingId()).toBeNull();
    expect(sut.editSaving()).toBe(false);
    expect(saved).toHaveBeenCalled();
  });

  it('keeps the correction open with the reason when it is refused', () => {
    sut.editingId.set('m1');
    api.editMessage.mockReturnValue(throwError(() => failure(403, 'Seul son auteur peut modifier ce message.')));
    const saved = jest.fn();

    sut.saveEdit({ messageId: 'm1', body: 'Bonjour à tous' }, saved);

    expect(sut.editError()).toBe('Seul son auteur peut modifier ce message.');
    expect(sut.editingId()).toBe('m1');
    expect(saved).not.toHaveBeenCalled();
    expect(api.getThread).toHaveBeenCalledTimes(1);
  });

  it('reloads the thread when it changed meanwhile, and says so under the message', async () => {
    api.editMessage.mockReturnValue(throwError(() => failure(409, 'x', 'THREAD_VERSION_CONFLICT')));

    sut.saveEdit({ messageId: 'm1', body: 'Bonjour à tous' }, jest.fn());
    TestBed.tick();

    expect(sut.editError()).toBe(THREAD_CONFLICT_MESSAGE);
    expect(api.getThread).toHaveBeenCalledTimes(2);
  });

  it('gives the server’s reason for the other refusals, such as the end of the edit window', async () => {
    api.editMessage.mockReturnValue(throwError(() => failure(409, 'Un message se modifie dans les 15 minutes…', 'EDIT_WINDOW_OVER')));

    sut.saveEdit({ messageId: 'm1', body: 'Bonjour à tous' }, jest.fn());
    TestBed.tick();

    expect(sut.editError()).toBe('Un message se modifie dans les 15 minutes…');
  });

  it('keeps the earlier versions by message, and says when they cannot be loaded', () => {
    api.messageRevisions.mockReturnValue(of([revision]));
    sut.loadRevisions('m2');
    expect(sut.revisions()).toEqual({ m2: [revision] });
    expect(sut.revisionsLoadingId()).toBeNull();

    api.messageRevisions.mockReturnValue(throwError(() => ({ status: 500 })));
    sut.loadRevisions('m1');
    expect(actionError()).toBe('Les versions précédentes n’ont pas pu être chargées.');
  });

  it('saves an attachment under its name, or says which one failed', () => {
    const blob = new Blob(['%PDF']);
    documentsApi.getBlob.mockReturnValue(of(blob));
    sut.download(devis);
    expect(documentsApi.getBlob).toHaveBeenCalledWith('/api/documents/doc-1/content');
    expect(download.downloadFile).toHaveBeenCalledWith(blob, 'devis.pdf');
    expect(sut.downloadingId()).toBeNull();

    documentsApi.getBlob.mockReturnValue(throwError(() => ({ status: 500 })));
    sut.download(devis);
    expect(actionError()).toBe('Le téléchargement de « devis.pdf » a échoué.');
  });
});
