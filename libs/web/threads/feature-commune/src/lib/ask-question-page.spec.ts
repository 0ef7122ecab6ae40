import { ApplicationRef, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { FaqSuggestionDto, ProjectSummaryDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { ProjectsApi } from '@passerelle/web/projects/data-access';
import { ThreadsApi } from '@passerelle/web/threads/data-access';
import { NEVER, of, Subject, throwError } from 'rxjs';
import { AskQuestionPage } from './ask-question-page';
import { QuestionDraftStore } from './question-draft-store';
import { threadFixture, userFixture } from './testing/thread-fixtures';

function project(id: string, title: string): ProjectSummaryDto {
  return {
    id,
    commune: { insee: '95002', name: 'Ableiges' },
    title,
    summary: '',
    theme: 'ECOLES_PETITE_ENFANCE',
    status: 'IN_PROGRESS',
    progress: 50,
    startDate: null,
    endDate: null,
    nextMilestone: null,
    coverUrl: null,
    updatedAt: '2026-03-01T10:00:00Z',
    version: 1,
  };
}

describe(AskQuestionPage.name, () => {
  let fixture: ComponentFixture<AskQuestionPage>;
  let element: HTMLElement;
  let threads: { createThread: jest.Mock };
  let faq: { suggest: jest.Mock; avoided: jest.Mock; get: jest.Mock };
  let drafts: QuestionDraftStore;

  async function render(projet?: string) {
    fixture = TestBed.createComponent(AskQuestionPage);
    if (projet) {
      fixture.componentRef.setInput('projet', projet);
    }
    element = fixture.nativeElement as HTMLElement;
    // In the document, so that the error summary's links find their fields by id and focus can move.
    document.body.appendChild(element);
    await fixture.whenStable();
  }

  afterEach(() => element?.remove());

  function summaryLines(): (string | undefined)[] {
    return Array.from(element.querySelectorAll('.error-summary li')).map((li) => li.textContent?.replace(/[ \n]+/g, ' ').trim());
  }

  function field(label: string): HTMLInputElement | HTMLTextAreaElement {
    const labelled = Array.from(element.querySelectorAll('mat-form-field')).find((f) =>
      f.querySelector('mat-label')?.textContent?.includes(label),
    );
    const control = labelled?.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    if (!control) {
      throw new Error(`no field "${label}"`);
    }
    return control;
  }

  function type(label: string, value: string) {
    const control = field(label);
    control.value = value;
    control.dispatchEvent(new Event('input'));
  }

  async function submit() {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    threads = { createThread: jest.fn() };
    faq = {
      suggest: jest.fn().mockReturnValue(of({ items: [] })),
      avoided: jest.fn().mockReturnValue(of(undefined)),
      get: jest.fn().mockReturnValue(NEVER),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: ThreadsApi, useValue: threads },
        { provide: FaqApi, useValue: faq },
        {
          provide: ProjectsApi,
          useValue: {
            listCommuneProjects: () =>
              of({ items: [project('p1', 'Rénovation de l’école'), project('p2', 'Lavoir')], total: 2, limit: 100, offset: 0 }),
          },
        },
        { provide: AuthSession, useValue: { user: signal(userFixture()), accessToken: () => 'jwt' } },
      ],
    });
    drafts = TestBed.inject(QuestionDraftStore);
  });

  it('gives back the question left unfinished, and says so', async () => {
    drafts.save('u-secretariat', { subject: 'Subvention DETR', category: 'FUNDING', projectId: 'p1', body: 'Bonjour' });
    await render();

    expect(field('Objet').value).toBe('Subvention DETR');
    expect(field('Votre question').value).toBe('Bonjour');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Nous avons repris la question');
    expect(element.textContent).toContain('Rénovation de l’école');
  });

  it('keeps what is typed as a draft of this user', async () => {
    await render();
    type('Objet', 'Qui contacter pour la voirie ?');
    expect(drafts.load('u-secretariat')?.subject).toBe('Qui contacter pour la voirie ?');
  });

  it('links the question to the project of the address, whatever the draft said', async () => {
    drafts.save('u-secretariat', { subject: 'Sujet', category: null, projectId: 'p1', body: '' });
    await render('p2');
    expect(element.querySelector('.mat-mdc-select-value-text')?.textContent).toContain('Lavoir');
  });

  it('shows the API’s field errors under the fields and loses nothing', async () => {
    drafts.save('u-secretariat', { subject: 'Sujet', category: 'OTHER', projectId: null, body: 'Texte' });
    threads.createThread.mockReturnValue(
      throwError(() => ({
        status: 400,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Certains champs sont incorrects.',
          errors: { subject: 'Cet objet est trop vague.', attachmentIds: 'Une pièce jointe est introuvable.' },
          requestId: 'r',
        },
      })),
    );
    await render();
    await submit();

    expect(element.querySelector('mat-error')?.textContent).toContain('Cet objet est trop vague.');
    expect(summaryLines()).toEqual([
      'Objet de la question\u00a0: Cet objet est trop vague.',
      'Pièces jointes\u00a0: Une pièce jointe est introuvable.',
    ]);
    expect(document.activeElement).toBe(element.querySelector('.error-summary'));
    expect(field('Objet').value).toBe('Sujet');
    expect(drafts.load('u-secretariat')?.body).toBe('Texte');
  });

  it('asks for the missing fields before sending', async () => {
    await render();
    type('Objet', '   ');
    await submit();
    expect(threads.createThread).not.toHaveBeenCalled();
    const summary = element.querySelector<HTMLElement>('.error-summary');
    expect(summary?.querySelector('h2')?.textContent?.trim()).toBe('Le formulaire contient 3 erreurs');
    expect(summaryLines()).toEqual([
      'Objet de la question\u00a0: Ce champ est obligatoire.',
      'Catégorie\u00a0: Ce champ est obligatoire.',
      'Votre question\u00a0: Ce champ est obligatoire.',
    ]);
    expect(document.activeElement).toBe(summary);

    summary?.querySelectorAll('a')[2].click();
    expect(document.activeElement).toBe(field('Votre question'));
  });

  it('sends the question, forgets the draft and opens the new question', async () => {
    drafts.save('u-secretariat', { subject: ' Sujet ', category: 'OTHER', projectId: 'p1', body: 'Texte' });
    threads.createThread.mockReturnValue(of(threadFixture({ id: 'new-thread' })));
    await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await submit();

    expect(threads.createThread).toHaveBeenCalledWith('95002', {
      subject: 'Sujet',
      category: 'OTHER',
      projectId: 'p1',
      body: 'Texte',
      attachmentIds: [],
    });
    expect(drafts.load('u-secretariat')).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/espace/questions', 'new-thread'], { state: { questionSent: true } });
  });

  describe('suggestions while the question is typed', () => {
    const ENTRY: FaqSuggestionDto = {
      kind: 'FAQ',
      id: 'f1',
      title: 'Cumuler la DETR et l’aide départementale',
      matchedWords: ['cumuler', 'DETR'],
      excerpt: 'Oui, dans la limite de 80 % d’aides publiques.',
      link: '/espace/faq/f1',
    };

    afterEach(() => jest.useRealTimers());

    /** The page opens with the clock in the test's hands (from the first text asked about, the restored draft's). */
    function open() {
      jest.useFakeTimers();
      fixture = TestBed.createComponent(AskQuestionPage);
      element = fixture.nativeElement as HTMLElement;
      document.body.appendChild(element);
      pause(0);
    }

    /** Typing pauses for `ms`: the debounce may end, and the page shows what came back. */
    function pause(ms = 350) {
      jest.advanceTimersByTime(ms);
      TestBed.inject(ApplicationRef).tick();
    }

    function suggestionList(): HTMLElement {
      return element.querySelector('pas-faq-suggestion-list') as HTMLElement;
    }

    it('asks once the typing pauses, with the last text only, then never twice for the same text', async () => {
      faq.suggest.mockReturnValue(of({ items: [ENTRY] }));
      open();
      type('Objet', 'Cumul');
      type('Objet', 'Cumuler la');
      pause(200);
      type('Objet', 'Cumuler la DETR');
      pause(349);
      expect(faq.suggest).not.toHaveBeenCalled();

      pause(1);
      expect(faq.suggest).toHaveBeenCalledTimes(1);
      expect(faq.suggest).toHaveBeenCalledWith('Cumuler la DETR', '');
      // Above the send button, the matched words marked.
      expect(suggestionList().compareDocumentPosition(element.querySelector('button[type="submit"]') as Node)).toBe(
        Node.DOCUMENT_POSITION_FOLLOWING,
      );
      expect(Array.from(suggestionList().querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['Cumuler', 'DETR']);

      // A change of category, or a space more, asks nothing new.
      type('Objet', 'Cumuler la DETR ');
      pause();
      expect(faq.suggest).toHaveBeenCalledTimes(1);

      type('Votre question', 'Pour l’école');
      pause();
      expect(faq.suggest).toHaveBeenLastCalledWith('Cumuler la DETR', 'Pour l’école');
    });

    it('drops the answer to an older text once a newer one is asked', async () => {
      const older = new Subject<{ items: FaqSuggestionDto[] }>();
      faq.suggest.mockReturnValueOnce(older).mockReturnValueOnce(of({ items: [ENTRY] }));
      open();
      type('Objet', 'Subvention école');
      pause();
      type('Objet', 'Cumuler la DETR');
      pause();
      expect(older.observed).toBe(false);
      older.next({ items: [{ ...ENTRY, id: 'f-old', title: 'Ancienne réponse' }] });
      pause(0);
      expect(suggestionList().textContent).not.toContain('Ancienne réponse');
      expect(suggestionList().textContent).toContain('Cumuler la DETR');
    });

    it('asks nothing under 8 characters, and shows nothing when the API refuses', async () => {
      faq.suggest.mockReturnValue(throwError(() => ({ status: 429 })));
      open();
      type('Objet', 'Voirie');
      pause();
      expect(faq.suggest).not.toHaveBeenCalled();

      type('Objet', 'Voirie communale');
      pause();
      expect(faq.suggest).toHaveBeenCalledTimes(1);
      expect(suggestionList().textContent?.trim()).toBe('');
      expect(element.querySelector('[role="alert"]')).toBeNull();
    });

    function openFirstSuggestion() {
      faq.suggest.mockReturnValue(of({ items: [ENTRY] }));
      open();
      type('Objet', 'Cumuler la DETR');
      pause();
      suggestionList().querySelector('button')?.click();
      pause(0);
    }

    it('opens a suggestion over the form, which keeps the question typed', async () => {
      openFirstSuggestion();
      expect(faq.get).toHaveBeenCalledWith('f1');
      expect(document.querySelector('mat-dialog-container h2')?.textContent).toContain('Cumuler la DETR');
      expect(field('Objet').value).toBe('Cumuler la DETR');
    });

    it('counts a question avoided when a suggestion was opened and the page is left without sending', async () => {
      openFirstSuggestion();
      fixture.destroy();
      expect(faq.avoided).toHaveBeenCalledTimes(1);
      expect(faq.avoided).toHaveBeenCalledWith({ kind: 'FAQ', id: 'f1' });
    });

    it('counts nothing when the question is sent after all', async () => {
      threads.createThread.mockReturnValue(of(threadFixture({ id: 'new-thread' })));
      drafts.save('u-secretariat', { subject: '', category: 'FUNDING', projectId: null, body: 'Et pour le préau ?' });
      openFirstSuggestion();
      jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      expect(threads.createThread).toHaveBeenCalled();

      fixture.destroy();
      expect(faq.avoided).not.toHaveBeenCalled();
    });

    it('counts nothing when no suggestion was opened', async () => {
      faq.suggest.mockReturnValue(of({ items: [ENTRY] }));
      open();
      type('Objet', 'Cumuler la DETR');
      pause();
      fixture.destroy();
      expect(faq.avoided).not.toHaveBeenCalled();
    });
  });
});
