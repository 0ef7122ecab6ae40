import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Page, PublicProjectListQuery, PublicProjectSummaryDto } from '@passerelle/shared/dto';
import { PublicProjectsApi } from '@passerelle/web/public/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of, throwError } from 'rxjs';
import { ProjectSearchPage } from './project-search-page';

function summary(slug: string, title: string): PublicProjectSummaryDto {
  return {
    slug,
    title,
    summary: '',
    theme: 'ECOLES_PETITE_ENFANCE',
    status: 'COMPLETED',
    year: 2025,
    commune: { insee: '95002', name: 'Ableiges' },
    cantonName: 'Pontoise',
    location: null,
    finalCostCents: null,
    coverUrl: null,
    publishedAt: '2026-03-01T10:00:00Z',
  };
}

function page(items: PublicProjectSummaryDto[], total = items.length): Page<PublicProjectSummaryDto> {
  return { items, total, limit: 24, offset: 0 };
}

describe(ProjectSearchPage.name, () => {
  let list: jest.Mock;

  async function open(url: string, result: ReturnType<jest.Mock> = of(page([summary('a', 'École'), summary('b', 'Cantine')]))) {
    list = jest.fn().mockReturnValue(result);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'projets', component: ProjectSearchPage }]),
        { provide: PublicProjectsApi, useValue: { list } },
        {
          provide: PublicConfig,
          useValue: { load: () => of({ defaultDepartementCode: '95', tileUrl: null, tileAttribution: '' }) },
        },
        {
          provide: TerritoryApi,
          useValue: {
            listCantons: () => of({ items: [{ code: '9510', name: 'Pontoise' }], total: 1, limit: 100, offset: 0 }),
            getCommune: () => of({ insee: '95002', name: 'Ableiges' }),
          },
        },
      ],
    });
    const harness = await RouterTestingHarness.create(url);
    await harness.fixture.whenStable();
    return { harness, element: harness.routeNativeElement as HTMLElement };
  }

  const status = (element: HTMLElement) => element.querySelector('[role="status"]')?.textContent?.trim();

  it('asks the API for the search written in the address, always in the installation’s département', async () => {
    await open('/projets?q=ecole&theme=ECOLES_PETITE_ENFANCE&canton=9510&commune=95002&year=2025&status=COMPLETED&page=2');
    expect(list).toHaveBeenLastCalledWith<[PublicProjectListQuery]>({
      departement: '95',
      q: 'ecole',
      theme: 'ECOLES_PETITE_ENFANCE',
      canton: '9510',
      commune: '95002',
      year: 2025,
      status: 'COMPLETED',
      sort: 'relevance',
      limit: 24,
      offset: 24,
    });
  });

  it('carries the words searched for in the document title', async () => {
    const { harness } = await open('/projets?q=lavoir');
    const title = TestBed.inject(Title);
    expect(title.getTitle()).toBe('Rechercher un projet — « lavoir » · Passerelle');
    await harness.navigateByUrl('/projets');
    expect(title.getTitle()).not.toContain('lavoir');
  });

  it('lists the most recent first without words, and ignores what it does not understand', async () => {
    await open('/projets?theme=PISCINE&year=soon&sort=relevance&page=-1');
    expect(list).toHaveBeenLastCalledWith({ departement: '95', sort: 'recent', limit: 24, offset: 0 });
  });

  it('offers the département’s projects as the other list, this one being the current', async () => {
    const { element } = await open('/projets');
    const tabs = Array.from(element.querySelectorAll('nav[aria-label="Listes de projets"] a')).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
      a.getAttribute('aria-current'),
    ]);
    expect(tabs).toEqual([
      ['Projets des communes', '/projets', 'page'],
      ['Projets du Département', '/projets-du-departement', null],
    ]);
  });

  it('announces the count and links every result to its page', async () => {
    const { element } = await open('/projets');
    expect(status(element)).toBe('2 projets trouvés');
    const links = Array.from(element.querySelectorAll('.grid a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/projets/a', '/projets/b']);
  });

  it('pages through the results in the address', async () => {
    const { harness, element } = await open('/projets?q=ecole', of(page([summary('a', 'École')], 60)));
    const next = element.querySelector<HTMLButtonElement>('mat-paginator button[aria-label="Page suivante"]');
    next?.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/projets?q=ecole&page=2');
    expect(list).toHaveBeenLastCalledWith({ departement: '95', q: 'ecole', sort: 'relevance', limit: 24, offset: 24 });
  });

  it('links to the map with the same filters', async () => {
    const { element } = await open('/projets?q=lavoir&theme=CULTURE_PATRIMOINE&page=3');
    const map = element.querySelector('.elsewhere a[href^="/carte"]');
    expect(map?.getAttribute('href')).toBe('/carte?q=lavoir&theme=CULTURE_PATRIMOINE');
    expect(element.querySelector('.elsewhere a[href="/donnees-ouvertes"]')).not.toBeNull();
  });

  it('writes a search in the address and starts again from the first page', async () => {
    const { harness, element } = await open('/projets?theme=VOIRIE&page=3');
    const input = element.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) {
      throw new Error('no search field');
    }
    input.value = ' lavoir ';
    input.dispatchEvent(new Event('input'));
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/projets?q=lavoir&theme=VOIRIE');
    expect(list).toHaveBeenLastCalledWith({ departement: '95', q: 'lavoir', theme: 'VOIRIE', sort: 'relevance', limit: 24, offset: 0 });
  });

  it('suggests removing filters when nothing matches, one by one or all at once', async () => {
    const { harness, element } = await open('/projets?q=piscine&canton=9510', of(page([])));
    expect(status(element)).toBe('Aucun projet ne correspond à cette recherche.');
    const removals = Array.from(element.querySelectorAll<HTMLButtonElement>('.remove-list button'));
    expect(removals.map((b) => b.textContent?.trim())).toEqual(['Retirer les mots « piscine »', 'Retirer le canton Pontoise']);
    removals[1].click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/projets?q=piscine');

    await harness.navigateByUrl('/projets?q=piscine&canton=9510');
    const button = Array.from(element.querySelectorAll<HTMLButtonElement>('.empty button')).find((b) =>
      b.textContent?.includes('Voir tous les projets'),
    );
    button?.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/projets');
  });

  it('shows the error and retries', async () => {
    const { harness, element } = await open(
      '/projets',
      throwError(() => new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') })),
    );
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Le serveur est injoignable');
    list.mockReturnValue(of(page([summary('a', 'École')])));
    element.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    await harness.fixture.whenStable();
    expect(status(element)).toBe('1 projet trouvé');
  });
});
