import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import type { FaqSuggestionDto, ThreadDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { StaffApi } from '@passerelle/web/staff/data-access';
import { DocumentsApi } from '@passerelle/web/projects/data-access';
import { InboxSettingsApi, ThreadsApi } from '@passerelle/web/threads/data-access';
import { of, throwError } from 'rxjs';
import { StaffThreadPage } from './staff-thread-page';
import { agentFixture, communeFileFixture, staffThreadFixture } from './testing/thread-fixtures';

/** Waits for what the user would see (a dialog's focus moves after its animation), up to 5 s. */
async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(StaffThreadPage.name, () => {
  let fixture: ComponentFixture<StaffThreadPage>;
  let element: HTMLElement;
  let api: Record<'getThread' | 'postMessage' | 'assign' | 'changeState' | 'templatesFor' | 'communeFile', jest.Mock>;
  let faq: { suggest: jest.Mock; draftFromThread: jest.Mock };

  async function render(thread: ThreadDto = staffThreadFixture()) {
    api.getThread.mockReturnValue(of(thread));
    fixture = TestBed.createComponent(StaffThreadPage);
    fixture.componentRef.setInput('id', thread.id);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  function button(text: string): HTMLElement {
    const found = Array.from(document.querySelectorAll<HTMLElement>('button, [role="menuitem"]')).find(
      (b) => b.textContent?.replace(/\s+/g, ' ').trim() === text,
    );
    if (!found) {
      throw new Error(`no button "${text}"`);
    }
    return found;
  }

  function composer(): HTMLTextAreaElement {
    const field = element.querySelector<HTMLTextAreaElement>('pas-message-composer textarea');
    if (!field) {
      throw new Error('no composer');
    }
    return field;
  }

  async function write(text: string) {
    composer().value = text;
    composer().dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  beforeEach(() => {
    api = {
      getThread: jest.fn(),
      postMessage: jest.fn(),
      assign: jest.fn(),
      changeState: jest.fn(),
      templatesFor: jest.fn().mockReturnValue(
        of([{ id: 'tpl1', title: 'Pièces du dossier DETR', body: 'Bonjour Bernard Lefèvre,\n\nJoignez les devis.' }]),
      ),
      communeFile: jest.fn().mockReturnValue(of(communeFileFixture())),
    };
    faq = { suggest: jest.fn().mockReturnValue(of({ items: [] })), draftFromThread: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: ThreadsApi, useValue: api },
        { provide: FaqApi, useValue: faq },
        { provide: InboxSettingsApi, useValue: { listLabels: () => of([]), listRoutingRules: () => of([]) } },
        {
          provide: StaffApi,
          useValue: {
            listAgents: () =>
              of({
                items: [
                  {
                    id: 'u-other',
                    email: 'claire@valdoise.example',
                    displayName: 'Claire Martin',
                    role: 'AGENT',
                    status: 'ACTIVE',
                    totpEnabled: true,
                    lastSignInAt: null,
                    invitedAt: null,
                    deletionDueAt: null,
                  },
                ],
                total: 1,
                limit: 100,
                offset: 0,
              }),
          },
        },
        { provide: DocumentsApi, useValue: { getBlob: jest.fn() } },
        { provide: AuthSession, useValue: { user: signal(agentFixture()) } },
      ],
    });
  });

  it('names the question and its commune in the document title', async () => {
    await render();
    expect(TestBed.inject(Title).getTitle()).toBe('Question — Subvention DETR pour l’école — Ableiges · Passerelle');
  });

  it('shows how the commune rated the closed question, effort included', async () => {
    await render(
      staffThreadFixture({
        state: 'CLOSED',
        closedAt: '2026-03-12T09:00:00Z',
        satisfaction: { score: 4, effort: 6, comment: null, answeredAt: '2026-03-12T10:00:00Z', answeredBy: 'Bernard Lefèvre' },
      }),
    );
    const rating = element.querySelector('.satisfaction pas-satisfaction-result')?.textContent?.replace(/\s+/g, ' ');
    expect(rating).toContain('Facilement (4 sur 5)');
    expect(rating).toContain('« Il a été facile d’obtenir une réponse à ma question »');
    expect(rating).toContain('D’accord (6 sur 7)');
  });

  it('shows the internal notes, marked as invisible to the commune, and the lateness in words', async () => {
    await render();
    expect(element.querySelector('aside.file pas-commune-file-panel')).not.toBeNull();
    const note = element.querySelectorAll('pas-thread-message')[1];
    expect(note.classList).toContain('internal');
    expect(note.textContent).toContain('invisible pour la commune');
    expect(element.querySelector('.badge--overdue')?.textContent).toContain('En retard');
    expect(element.querySelector('.facts')?.textContent).toContain('au plus tard le 16/03/2026');
  });

  it('writes an internal note in note mode, unmistakably, and sends it as internal', async () => {
    await render();
    api.postMessage.mockReturnValue(of(staffThreadFixture()));
    button('Note interne').click();
    await fixture.whenStable();

    expect(element.querySelector('pas-message-composer')?.classList).toContain('note');
    expect(element.querySelector('#compose-title')?.textContent).toBe('Écrire une note interne');
    expect(element.textContent).not.toContain('Répondre et fermer');

    await write('Vérifier le dossier 2025.');
    button('Enregistrer la note interne').click();
    await fixture.whenStable();
    expect(api.postMessage).toHaveBeenCalledWith('t1', { body: 'Vérifier le dossier 2025.', internal: true, attachmentIds: [] });
    expect(element.querySelector('.notice')?.textContent).toContain('La commune ne la voit pas.');
  });

  it('shows an empty reply under the field and moves focus to it, without sending (one field: no summary)', async () => {
    await render();
    await write('   ');
    button('Répondre').click();
    await fixture.whenStable();

    expect(api.postMessage).not.toHaveBeenCalled();
    expect(element.querySelector('pas-message-composer mat-error')?.textContent).toContain('Ce champ est obligatoire.');
    expect(element.querySelector('.error-summary')).toBeNull();
    expect(document.activeElement).toBe(composer());
  });

  it('shows the API’s refusal of a note under the field and moves focus to it, keeping the text', async () => {
    await render();
    api.postMessage.mockReturnValue(
      throwError(() => ({
        status: 400,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Certaines informations sont invalides.',
          errors: { body: 'Le message ne peut pas dépasser 20 000 caractères.' },
          requestId: 'r',
        },
      })),
    );
    button('Note interne').click();
    await fixture.whenStable();
    await write('Vérifier le dossier 2025.');
    button('Enregistrer la note interne').click();
    await fixture.whenStable();

    expect(element.querySelector('pas-message-composer mat-error')?.textContent).toContain('ne peut pas dépasser');
    expect(composer().value).toBe('Vérifier le dossier 2025.');
    expect(document.activeElement).toBe(composer());
  });

  it('answers and closes in one step', async () => {
    await render();
    api.postMessage.mockReturnValue(of(staffThreadFixture({ state: 'CLOSED' })));
    await write('Voici la réponse.');
    button('Répondre et fermer').click();
    await fixture.whenStable();
    expect(api.postMessage).toHaveBeenCalledWith('t1', {
      body: 'Voici la réponse.',
      internal: false,
      attachmentIds: [],
      nextState: 'CLOSED',
    });
    expect(composer().value).toBe('');
    expect(document.activeElement).toBe(element.querySelector('.notice'));
  });

  it('inserts an answer template, already filled in, into the composer', async () => {
    await render();
    button('Insérer un modèle de réponse').click();
    await fixture.whenStable();
    button('Pièces du dossier DETR').click();
    await fixture.whenStable();
    expect(composer().value).toBe('Bonjour Bernard Lefèvre,\n\nJoignez les devis.');
  });

  it('asks before closing the question, in a dialog that takes the focus and gives it back on cancel', async () => {
    await render();
    const close = button('Fermer la question');
    close.focus();
    close.click();
    await fixture.whenStable();
    // The dialog opens and takes the focus after its animation: waited for, however slow the machine.
    await until(() => !!document.querySelector('mat-dialog-container')?.contains(document.activeElement));
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
    expect(dialog?.getAttribute('role')).toBe('dialog');
    expect(dialog?.querySelector('h2')?.textContent).toBe('Fermer la question\u00a0?');
    expect(dialog?.textContent).toContain('La commune sera prévenue par courriel.');
    expect(dialog?.contains(document.activeElement)).toBe(true);

    Array.from(dialog?.querySelectorAll('button') ?? [])
      .find((b) => b.textContent?.trim() === 'Annuler')
      ?.click();
    await fixture.whenStable();
    await until(() => document.querySelector('mat-dialog-container') === null && document.activeElement === close);
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    expect(document.activeElement).toBe(close);
    expect(api.changeState).not.toHaveBeenCalled();

    api.changeState.mockReturnValue(of(staffThreadFixture({ state: 'CLOSED' })));
    close.click();
    await fixture.whenStable();
    Array.from(document.querySelectorAll<HTMLElement>('mat-dialog-container button'))
      .find((b) => b.textContent?.trim() === 'Fermer la question')
      ?.click();
    await fixture.whenStable();
    await until(() => document.activeElement === element.querySelector('.notice'));
    expect(api.changeState).toHaveBeenCalledWith('t1', { state: 'CLOSED', version: 1 });
    expect(element.querySelector('.notice')?.textContent).toBe('La question est fermée.');
    // The button is gone with the open state: focus goes to the confirmation, not to <body>.
    expect(document.activeElement).toBe(element.querySelector('.notice'));
  });

  it('lets the agent take the thread', async () => {
    await render();
    const taken = staffThreadFixture();
    if (taken.staff) {
      taken.staff.assignee = { id: 'u-agent', displayName: 'Julien Morel' };
    }
    api.assign.mockReturnValue(of(taken));
    button('Me l’attribuer').click();
    await fixture.whenStable();
    expect(api.assign).toHaveBeenCalledWith('t1', { assigneeId: 'u-agent' });
    expect(element.querySelector('.notice')?.textContent).toBe('La question vous est attribuée.');
    expect(element.textContent).not.toContain('Me l’attribuer');
  });

  describe('FAQ', () => {
    const ENTRY: FaqSuggestionDto = {
      kind: 'FAQ',
      id: 'f1',
      title: 'Pièces d’une demande de subvention DETR',
      matchedWords: ['DETR', 'pièces'],
      excerpt: 'La délibération, les devis…',
      link: '/departement/faq/f1',
    };
    const TEMPLATE: FaqSuggestionDto = {
      kind: 'TEMPLATE',
      id: 'tpl1',
      title: 'Pièces du dossier DETR',
      matchedWords: ['DETR'],
      excerpt: 'Bonjour {{maire}}…',
      link: null,
      body: 'Bonjour {{maire}},\n\nJoignez les devis.',
    };

    // The reply being written is kept in this browser: each test starts from an empty one.
    beforeEach(() => localStorage.clear());

    /** The suggestions are asked once the thread is shown, on the next turn. */
    async function renderWithSuggestions(thread = staffThreadFixture()) {
      faq.suggest.mockReturnValue(of({ items: [ENTRY, TEMPLATE] }));
      await render(thread);
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    }

    function panel(): HTMLElement {
      return element.querySelector('pas-faq-suggestion-list') as HTMLElement;
    }

    it('suggests FAQ entries and templates close to the commune’s question, once', async () => {
      await renderWithSuggestions();
      expect(faq.suggest).toHaveBeenCalledTimes(1);
      expect(faq.suggest).toHaveBeenCalledWith('Subvention DETR pour l’école', 'Quelles pièces ?');
      expect(panel().querySelector('[role="heading"]')?.textContent).toBe('Réponses de la FAQ et modèles');
      expect(Array.from(panel().querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['Pièces', 'DETR', 'DETR']);

      // Typing the answer asks nothing more.
      await write('Bonjour,');
      expect(faq.suggest).toHaveBeenCalledTimes(1);
    });

    it('inserts a link to the entry in the commune’s workspace where the cursor is', async () => {
      await renderWithSuggestions();
      await write('Bonjour,\nVoyez la FAQ.');
      composer().setSelectionRange('Bonjour,\nVoyez'.length, 'Bonjour,\nVoyez la FAQ'.length);

      button('Insérer le lien vers « Pièces d’une demande de subvention DETR »').click();
      await fixture.whenStable();

      const link = `[Pièces d’une demande de subvention DETR](${location.origin}/espace/faq/f1)`;
      expect(composer().value).toBe(`Bonjour,\nVoyez ${link}.`);
      expect(composer().selectionStart).toBe(`Bonjour,\nVoyez ${link}`.length);
    });

    it('inserts a suggested template filled in for the commune, as the templates’ menu does', async () => {
      await renderWithSuggestions();
      button('Insérer le modèle « Pièces du dossier DETR »').click();
      await fixture.whenStable();
      expect(composer().value).toBe('Bonjour Bernard Lefèvre,\n\nJoignez les devis.');
    });

    it('shows no suggestion, and no error, when the API refuses', async () => {
      faq.suggest.mockReturnValue(throwError(() => ({ status: 429 })));
      await render();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
      expect(panel().textContent?.trim()).toBe('');
      expect(element.querySelector('[role="alert"]')).toBeNull();
    });

    it('proposes an answered question as a FAQ draft, and opens the draft', async () => {
      await render(staffThreadFixture({ state: 'ANSWERED' }));
      const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
      faq.draftFromThread.mockReturnValue(of({ id: 'f9' }));
      button('Proposer en FAQ').click();
      await fixture.whenStable();
      expect(faq.draftFromThread).toHaveBeenCalledWith('t1');
      expect(navigate).toHaveBeenCalledWith(['/departement/faq', 'f9', 'modifier']);
    });

    it('says why the draft could not be made, beside the follow-up', async () => {
      await render(staffThreadFixture({ state: 'CLOSED' }));
      faq.draftFromThread.mockReturnValue(
        throwError(() => ({ status: 409, error: { code: 'X', message: 'Cette question a déjà un brouillon de FAQ.', requestId: 'r' } })),
      );
      button('Proposer en FAQ').click();
      await fixture.whenStable();
      expect(element.querySelector('.follow-up [role="alert"]')?.textContent).toContain('Cette question a déjà un brouillon de FAQ.');
    });

    it('proposes nothing while the question waits for its answer', async () => {
      await render(staffThreadFixture({ state: 'OPEN' }));
      expect(element.textContent).not.toContain('Proposer en FAQ');
    });
  });
});
