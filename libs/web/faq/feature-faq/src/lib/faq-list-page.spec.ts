import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { FaqEntrySummaryDto, MeDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { of } from 'rxjs';
import { faqListParamsOf, faqListQueryOf } from './faq-list-query';
import { FAQ_SEARCH_DEBOUNCE_MS, FaqListPage } from './faq-list-page';
import { summaryFixture } from './testing/faq-fixtures';

describe('the FAQ list’s address', () => {
  it('reads the search, the filters and the page, ignoring unknown values', () => {
    expect(faqListQueryOf({ q: ' detr ', theme: 'VOIRIE', categorie: 'FUNDING', etat: 'IN_REVIEW', page: '3' })).toEqual({
      q: 'detr',
      theme: 'VOIRIE',
      category: 'FUNDING',
      status: 'IN_REVIEW',
      pageIndex: 2,
    });
    expect(faqListQueryOf({ theme: 'toString', categorie: 'X', etat: 'PUBLIEE', page: '-1' })).toEqual({
      q: '',
      theme: null,
      category: null,
      status: null,
      pageIndex: 0,
    });
  });

  it('writes a change back to the first page, removing emptied filters', () => {
    expect(faqListParamsOf({ theme: 'VOIRIE' })).toEqual({ theme: 'VOIRIE', page: null });
    expect(faqListParamsOf({ q: '  ', category: null })).toEqual({ q: null, categorie: null, page: null });
    expect(faqListParamsOf({ pageIndex: 1 })).toEqual({ page: '2' });
  });
});

describe(FaqListPage.name, () => {
  let fixture: ComponentFixture<FaqListPage>;
  let element: HTMLElement;
  let api: { list: jest.Mock; publicList: jest.Mock };
  const user = signal<MeDto | null>(null);

  async function render(items: FaqEntrySummaryDto[], inputs: Record<string, string> = {}, total = items.length) {
    api.list.mockReturnValue(of({ items, total, limit: 20, offset: 0 }));
    api.publicList.mockReturnValue(of({ items, total, limit: 20, offset: 0 }));
    fixture = TestBed.createComponent(FaqListPage);
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  beforeEach(() => {
    api = { list: jest.fn(), publicList: jest.fn() };
    user.set({ departement: { code: '95', name: 'Val-d’Oise' } } as MeDto);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: FaqApi, useValue: api },
        { provide: AuthSession, useValue: { user } },
        { provide: PublicConfig, useValue: { load: () => of({ defaultDepartementCode: '95' }) } },
      ],
    });
  });

  afterEach(() => jest.useRealTimers());

  it('asks for the search of the address, and lists the entries with their labels', async () => {
    const national = summaryFixture({ id: 'n1', scope: 'NATIONAL', departementCode: '78', departementName: 'Yvelines' });
    await render([summaryFixture(), national], { area: 'commune', q: 'detr', theme: 'VOIRIE', page: '2' });

    expect(api.list).toHaveBeenCalledWith({ q: 'detr', theme: 'VOIRIE', category: undefined, limit: 20, offset: 20 });
    const cards = Array.from(element.querySelectorAll('pas-faq-entry-card'));
    expect(cards.map((card) => card.querySelector('h2 a')?.getAttribute('href'))).toEqual(['/espace/faq/e1', '/espace/faq/n1']);
    expect(cards[0].textContent).toContain('Voirie');
    expect(cards[0].textContent).not.toContain('Règle nationale');
    expect(cards[1].textContent).toContain('Règle nationale — réponse des Yvelines');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('2 réponses');
  });

  it('sends the state filter in the back office only, and the public FAQ to the public API', async () => {
    await render([], { area: 'departement', etat: 'DRAFT' });
    expect(api.list).toHaveBeenCalledWith(expect.objectContaining({ status: 'DRAFT' }));
    expect(element.querySelector('a[href="/departement/faq/nouvelle"]')?.textContent).toContain('Nouvelle réponse');

    TestBed.resetTestingModule();
    api = { list: jest.fn(), publicList: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: FaqApi, useValue: api },
        { provide: AuthSession, useValue: { user: signal(null) } },
        { provide: PublicConfig, useValue: { load: () => of({ defaultDepartementCode: '95' }) } },
      ],
    });
    await render([summaryFixture()], { area: 'public', etat: 'DRAFT' });
    expect(api.list).not.toHaveBeenCalled();
    expect(api.publicList).toHaveBeenCalledWith({ q: undefined, theme: undefined, category: undefined, limit: 20, offset: 0 });
    expect(element.querySelector('pas-faq-entry-card a')?.getAttribute('href')).toBe('/faq/e1');
  });

  it('puts the words typed in the address once typing pauses, replacing the history entry', async () => {
    await render([], { area: 'commune', page: '3' });
    jest.useFakeTimers();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const input = element.querySelector<HTMLInputElement>('input[type="search"]') as HTMLInputElement;
    input.value = 'subvention';
    input.dispatchEvent(new Event('input'));
    jest.advanceTimersByTime(FAQ_SEARCH_DEBOUNCE_MS - 1);
    expect(navigate).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(navigate).toHaveBeenCalledWith([], {
      queryParams: { q: 'subvention', page: null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  });

  it('fills the search field from the address (the back button)', async () => {
    await render([], { area: 'commune', q: 'voirie' });
    const input = element.querySelector<HTMLInputElement>('input[type="search"]') as HTMLInputElement;
    expect(input.value).toBe('voirie');
    fixture.componentRef.setInput('q', 'ecole');
    await fixture.whenStable();
    expect(input.value).toBe('ecole');
  });

  it('says when nothing matches, and clears the filters', async () => {
    await render([], { area: 'commune', q: 'introuvable', theme: 'VOIRIE' });
    expect(element.querySelector('.empty h2')?.textContent).toBe('Aucune réponse ne correspond à votre recherche');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    element.querySelector<HTMLButtonElement>('.empty button')?.click();
    expect(navigate).toHaveBeenCalledWith([], {
      queryParams: { q: null, theme: null, categorie: null, etat: null, page: null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  });
});
