import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { FaqEntryDto, MeDto, Role } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { of, throwError } from 'rxjs';
import { FaqEntryPage, VERSION_CONFLICT_MESSAGE } from './faq-entry-page';
import { entryFixture } from './testing/faq-fixtures';

describe(FaqEntryPage.name, () => {
  let fixture: ComponentFixture<FaqEntryPage>;
  let element: HTMLElement;
  let api: Record<'get' | 'publicGet' | 'review' | 'feedback' | 'referenceChanged', jest.Mock>;

  async function render(entry: FaqEntryDto, area: string, role: Role | null) {
    api.get.mockReturnValue(of(entry));
    api.publicGet.mockReturnValue(of(entry));
    const user = signal<MeDto | null>(role ? ({ role, departement: { code: '95', name: 'Val-d’Oise' } } as MeDto) : null);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: FaqApi, useValue: api },
        {
          provide: AuthSession,
          useValue: { user, role: signal(role), isSignedIn: signal(role !== null) },
        },
        { provide: PublicConfig, useValue: { load: () => of({ defaultDepartementCode: '95' }) } },
      ],
    });
    fixture = TestBed.createComponent(FaqEntryPage);
    fixture.componentRef.setInput('id', entry.id);
    fixture.componentRef.setInput('area', area);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  const buttons = () => Array.from(element.querySelectorAll<HTMLButtonElement>('.actions button, .actions a')).map((b) => b.textContent?.trim());
  const button = (label: string) =>
    Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === label) as HTMLButtonElement;

  beforeEach(() => {
    api = { get: jest.fn(), publicGet: jest.fn(), review: jest.fn(), feedback: jest.fn(), referenceChanged: jest.fn() };
  });

  it('shows a commune the answer, its references in a new window, and asks whether it helped', async () => {
    api.feedback.mockReturnValue(of(undefined));
    await render(entryFixture({ validUntil: '2027-01-31' }), 'commune', 'MAYOR');

    expect(api.get).toHaveBeenCalledWith('e1');
    expect(element.querySelector('h1')?.textContent).toBe(entryFixture().title);
    expect(element.textContent).toContain('Valable jusqu’au 31/01/2027');
    const link = element.querySelector('pas-faq-legal-references a');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.textContent).toContain('(nouvelle fenêtre)');
    expect(element.querySelector('.follow-up')).toBeNull();

    button('Oui').click();
    await fixture.whenStable();
    expect(api.feedback).toHaveBeenCalledWith('e1', true);
    expect(element.querySelector('[aria-live="polite"]')?.textContent).toContain('Merci');
  });

  it('asks a visitor nothing: the answer is counted for signed-in readers only', async () => {
    await render(entryFixture({ visibility: 'PUBLIC' }), 'public', null);
    expect(api.publicGet).toHaveBeenCalledWith('e1');
    expect(api.get).not.toHaveBeenCalled();
    expect(element.querySelector('pas-faq-feedback')).toBeNull();
  });

  it('offers a reviewer to publish or send back, with the version read', async () => {
    const entry = entryFixture({ status: 'IN_REVIEW', version: 5, canEdit: true, canReview: true, authorName: 'Jeanne Martin', avoidedCount: 3 });
    api.review.mockReturnValue(of({ ...entry, status: 'PUBLISHED', version: 6 }));
    await render(entry, 'departement', 'AGENT');

    expect(buttons()).toEqual(['Modifier', 'Publier', 'Renvoyer avec un motif', 'Archiver']);
    expect(element.querySelector('.facts')?.textContent).toContain('Jeanne Martin');
    expect(element.querySelector('.facts')?.textContent).toContain('3 questions évitées');

    button('Publier').click();
    await fixture.whenStable();
    expect(api.review).toHaveBeenCalledWith('e1', { action: 'publish', version: 5 });
    expect(element.querySelector('.follow-up [role="status"]')?.textContent).toContain('Réponse publiée.');
  });

  it('tells the author of an entry in review that a colleague must review it', async () => {
    await render(entryFixture({ status: 'IN_REVIEW', canEdit: true, canReview: false }), 'departement', 'AGENT');
    expect(buttons()).toEqual(['Modifier', 'Archiver']);
    expect(element.textContent).toContain('un autre agent ou un administrateur doit la relire');
  });

  it('sends a rejection with the reason typed in the dialog', async () => {
    const entry = entryFixture({ status: 'IN_REVIEW', version: 2, canEdit: true, canReview: true });
    api.review.mockReturnValue(of({ ...entry, status: 'DRAFT', version: 3, reviewComment: 'Citez l’article.' }));
    await render(entry, 'departement', 'ADMIN');
    jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({ afterClosed: () => of('Citez l’article.') } as never);

    button('Renvoyer avec un motif').click();
    await fixture.whenStable();
    expect(api.review).toHaveBeenCalledWith('e1', { action: 'reject', version: 2, reason: 'Citez l’article.' });
    expect(element.querySelector('.review-comment')?.textContent).toContain('Citez l’article.');
  });

  it('reads the entry again when it changed meanwhile (409), and says so', async () => {
    const entry = entryFixture({ status: 'DRAFT', version: 1, canEdit: true, personalData: [] });
    api.review.mockReturnValue(throwError(() => ({ status: 409, error: { code: 'FAQ_VERSION_CONFLICT', message: 'Conflit' } })));
    await render(entry, 'departement', 'AGENT');
    api.get.mockReturnValue(of({ ...entry, version: 2 }));

    button('Soumettre à la relecture').click();
    await fixture.whenStable();
    expect(api.get).toHaveBeenCalledTimes(2);
    expect(element.querySelector('.follow-up [role="status"]')?.textContent?.trim()).toBe(VERSION_CONFLICT_MESSAGE);
  });

  it('keeps a draft with personal data from being submitted', async () => {
    await render(
      entryFixture({
        status: 'DRAFT',
        canEdit: true,
        personalData: [{ field: 'answer', kind: 'PHONE', start: 0, end: 14, text: '01 34 25 30 30' }],
      }),
      'departement',
      'AGENT',
    );
    expect(button('Soumettre à la relecture').disabled).toBe(true);
    expect(element.textContent).toContain('Reformulez les passages signalés avant de soumettre');
  });

  it('reports a changed reference and says how many entries went back to review', async () => {
    api.referenceChanged.mockReturnValue(of({ entries: 3 }));
    await render(entryFixture({ canEdit: true }), 'departement', 'AGENT');
    jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({ afterClosed: () => of(true) } as never);

    element.querySelector<HTMLButtonElement>('pas-faq-legal-references button')?.click();
    await fixture.whenStable();
    expect(api.referenceChanged).toHaveBeenCalledWith('Article L2334-42 du CGCT');
    expect(element.querySelector('.follow-up [role="status"]')?.textContent).toContain('3 réponses sont reparties en relecture.');
  });

  it('shows a national rule of another département read-only, with whose answer it is', async () => {
    await render(
      entryFixture({ scope: 'NATIONAL', departementCode: '78', departementName: 'Yvelines', canEdit: false, canReview: false }),
      'departement',
      'AGENT',
    );
    expect(element.textContent).toContain('Règle nationale — réponse des Yvelines');
    expect(buttons()).toEqual([]);
    expect(element.querySelector('pas-faq-legal-references button')).toBeNull();
  });
});
