import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import type { ThreadDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { DocumentsApi } from '@passerelle/web/projects/data-access';
import { THREAD_CONFLICT_MESSAGE, ThreadsApi } from '@passerelle/web/threads/data-access';
import { of, throwError } from 'rxjs';
import { CommuneThreadPage } from './commune-thread-page';
import { threadFixture, userFixture } from './testing/thread-fixtures';

describe(CommuneThreadPage.name, () => {
  let fixture: ComponentFixture<CommuneThreadPage>;
  let element: HTMLElement;
  let api: { getThread: jest.Mock; postMessage: jest.Mock; changeState: jest.Mock; rate: jest.Mock };

  async function render(thread: ThreadDto) {
    api.getThread.mockReturnValue(of(thread));
    fixture = TestBed.createComponent(CommuneThreadPage);
    fixture.componentRef.setInput('id', thread.id);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  function button(text: string): HTMLButtonElement {
    const found = Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) {
      throw new Error(`no button "${text}"`);
    }
    return found;
  }

  function reply(): HTMLTextAreaElement {
    const field = element.querySelector<HTMLTextAreaElement>('.reply textarea');
    if (!field) {
      throw new Error('no reply field');
    }
    return field;
  }

  beforeEach(() => {
    api = { getThread: jest.fn(), postMessage: jest.fn(), changeState: jest.fn(), rate: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: ThreadsApi, useValue: api },
        { provide: DocumentsApi, useValue: { getBlob: jest.fn() } },
        { provide: AuthSession, useValue: { user: signal(userFixture()) } },
      ],
    });
  });

  it('names the question in the document title', async () => {
    await render(threadFixture());
    expect(TestBed.inject(Title).getTitle()).toBe('Question — Subvention DETR pour l’école · Passerelle');
  });

  it('tells the commune the day the answer is due, the same day as the département sees', async () => {
    // Asked on a Saturday: due at the end of Friday 4 December, i.e. Saturday 00:00 in Paris.
    await render(threadFixture({ state: 'NEW', dueAt: '2026-12-04T23:00:00Z' }));
    expect(element.querySelector('.facts .due')?.textContent).toBe('Réponse attendue au plus tard le 04/12/2026');
  });

  it('says no due day while the answer is not awaited', async () => {
    await render(threadFixture({ state: 'ANSWERED', dueAt: null }));
    expect(element.querySelector('.facts .due')).toBeNull();
  });

  it('sends a reply, empties the field once it is sent and moves focus to the confirmation', async () => {
    await render(threadFixture());
    api.postMessage.mockReturnValue(of(threadFixture({ state: 'OPEN' })));
    reply().value = 'Merci, voici le plan.';
    reply().dispatchEvent(new Event('input'));
    button('Envoyer').click();
    await fixture.whenStable();

    expect(api.postMessage).toHaveBeenCalledWith('t1', { body: 'Merci, voici le plan.', attachmentIds: [] });
    expect(reply().value).toBe('');
    expect(element.querySelector('.notice')?.textContent).toBe('Votre message a été envoyé au département.');
    expect(document.activeElement).toBe(element.querySelector('.notice'));
  });

  it('shows an empty reply under the field and moves focus to it, without sending (one field: no summary)', async () => {
    await render(threadFixture());
    reply().value = '  ';
    reply().dispatchEvent(new Event('input'));
    button('Envoyer').click();
    await fixture.whenStable();

    expect(api.postMessage).not.toHaveBeenCalled();
    expect(element.querySelector('.reply mat-error')?.textContent).toContain('Ce champ est obligatoire.');
    expect(element.querySelector('.error-summary')).toBeNull();
    expect(document.activeElement).toBe(reply());
  });

  it('shows the API’s refusal of the text under the field and moves focus to it, keeping the text', async () => {
    await render(threadFixture());
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
    reply().value = 'Merci, voici le plan.';
    reply().dispatchEvent(new Event('input'));
    button('Envoyer').click();
    await fixture.whenStable();

    expect(element.querySelector('.reply mat-error')?.textContent).toContain('ne peut pas dépasser');
    expect(element.querySelector('.reply [role="alert"]')).toBeNull();
    expect(reply().value).toBe('Merci, voici le plan.');
    expect(document.activeElement).toBe(reply());
  });

  it('when someone changed the thread meanwhile, reloads it, says so and keeps the typed text', async () => {
    await render(threadFixture());
    reply().value = 'Texte en cours';
    reply().dispatchEvent(new Event('input'));
    api.changeState.mockReturnValue(throwError(() => ({ status: 409, error: { code: 'THREAD_VERSION_CONFLICT', message: 'x', requestId: 'r' } })));
    api.getThread.mockReturnValue(of(threadFixture({ state: 'WAITING_COMMUNE', version: 4 })));
    button('Marquer comme résolue').click();
    await fixture.whenStable();

    expect(api.changeState).toHaveBeenCalledWith('t1', { state: 'CLOSED', version: 3 });
    expect(api.getThread).toHaveBeenCalledTimes(2);
    expect(element.querySelector('.resolve [role="alert"]')?.textContent).toBe(THREAD_CONFLICT_MESSAGE);
    expect(element.querySelector('pas-thread-state-chip')?.textContent).toBe('En attente de la commune');
    expect(reply().value).toBe('Texte en cours');
  });

  it('asks how easy it was (and the optional effort) once the thread is closed, then thanks and shows the answers', async () => {
    const closed = threadFixture({
      state: 'CLOSED',
      closedAt: '2026-03-12T09:00:00Z',
      reopenableUntil: '2026-04-11T09:00:00Z',
      can: { reply: false, addNote: false, assign: false, rate: true, states: ['OPEN'] },
    });
    await render(closed);
    expect(element.querySelector('.reply')).toBeNull();
    expect(element.textContent).toContain('vous pouvez la rouvrir jusqu’au 11/04/2026');
    expect(element.querySelector('pas-satisfaction-form legend')?.textContent).toContain('Avez-vous obtenu facilement');

    api.rate.mockReturnValue(
      of({
        ...closed,
        can: { ...closed.can, rate: false },
        satisfaction: { score: 5, effort: 6, comment: null, answeredAt: '2026-03-12T10:00:00Z', answeredBy: 'Nathalie Girard' },
      }),
    );
    const [satisfaction, effort] = Array.from(element.querySelectorAll('pas-satisfaction-form mat-radio-group'));
    satisfaction.querySelectorAll<HTMLInputElement>('input[type="radio"]')[4].click();
    effort.querySelectorAll<HTMLInputElement>('input[type="radio"]')[5].click();
    button('Envoyer mon avis').click();
    await fixture.whenStable();

    expect(api.rate).toHaveBeenCalledWith('t1', { score: 5, effort: 6, comment: null });
    expect(element.querySelector('pas-satisfaction-form')).toBeNull();
    expect(element.querySelector('pas-satisfaction-result')?.textContent).toContain('Merci pour votre réponse');
    expect(element.querySelector('pas-satisfaction-result .answer')?.textContent).toContain('Très facilement');
    expect(element.querySelector('pas-satisfaction-result .effort')?.textContent).toContain('D’accord (6 sur 7)');
  });

  it('offers to reopen only when the API allows it', async () => {
    await render(
      threadFixture({
        state: 'CLOSED',
        closedAt: '2026-01-01T09:00:00Z',
        can: { reply: false, addNote: false, assign: false, rate: false, states: [] },
      }),
    );
    expect(element.textContent).not.toContain('Rouvrir');
  });
});
