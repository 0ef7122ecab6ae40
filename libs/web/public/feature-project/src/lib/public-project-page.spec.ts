import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Meta, Title } from '@angular/platform-browser';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { PublicProjectDto, PublicProjectSummaryDto } from '@passerelle/shared/dto';
import { PublicProjectsApi } from '@passerelle/web/public/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { of, throwError } from 'rxjs';
import { PublicProjectPage } from './public-project-page';

function fiche(): PublicProjectDto {
  return {
    slug: 'ableiges-lavoir',
    title: 'Réfection du lavoir',
    summary: 'Le lavoir restauré.',
    description: '',
    objectives: '',
    theme: 'CULTURE_PATRIMOINE',
    status: 'COMPLETED',
    startDate: null,
    endDate: '2025-06-30',
    commune: { insee: '95002', name: 'Ableiges', population: 1108, cantonName: 'Pontoise' },
    location: null,
    forecastCostCents: null,
    finalCostCents: null,
    funding: null,
    lessons: { problems: '', differently: '', advice: '' },
    photos: [
      {
        id: 'p1',
        filename: 'lavoir.jpg',
        mimeType: 'image/jpeg',
        sizeBytes: 1000,
        kind: 'PHOTO',
        contentUrl: '/api/public/documents/p1/content',
        thumbnailUrl: '/api/public/documents/p1/thumbnail',
      },
    ],
    documents: [],
    publishedAt: '2026-03-01T10:00:00Z',
    reviewedAt: '2026-03-01T09:00:00Z',
  };
}

const similarProject: PublicProjectSummaryDto = {
  slug: 'us-eglise',
  title: 'Toiture de l’église',
  summary: '',
  theme: 'CULTURE_PATRIMOINE',
  status: 'COMPLETED',
  year: 2024,
  commune: { insee: '95625', name: 'Us' },
  cantonName: 'Pontoise',
  location: null,
  finalCostCents: null,
  coverUrl: null,
  publishedAt: '2026-01-01T10:00:00Z',
};

describe(PublicProjectPage.name, () => {
  let get: jest.Mock;
  let recordView: jest.Mock;

  async function open(url: string, result: ReturnType<jest.Mock>) {
    get = jest.fn().mockReturnValue(result);
    recordView = jest.fn().mockReturnValue(throwError(() => ({ status: 500 })));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'projets/:slug', component: PublicProjectPage },
          { path: 'projets', children: [] },
        ], withComponentInputBinding()),
        { provide: PublicProjectsApi, useValue: { get, recordView, similar: () => of([similarProject]) } },
        { provide: PublicConfig, useValue: { load: () => of({ defaultDepartementCode: '95', tileUrl: null, tileAttribution: '' }) } },
      ],
    });
    const harness = await RouterTestingHarness.create(url);
    await harness.fixture.whenStable();
    return { harness, element: harness.routeNativeElement as HTMLElement };
  }

  const metaContent = (selector: string) => TestBed.inject(Meta).getTag(selector)?.content;

  it('shows the fiche, counts the visit once and lists similar projects', async () => {
    const { harness, element } = await open('/projets/ableiges-lavoir', of(fiche()));
    expect(get).toHaveBeenCalledWith('ableiges-lavoir');
    expect(element.querySelector('h1')?.textContent).toBe('Réfection du lavoir');
    expect(element.querySelector('.funding-private')).not.toBeNull();
    expect(Array.from(element.querySelectorAll('.more .grid a')).map((a) => a.getAttribute('href'))).toEqual([
      '/projets/us-eglise',
    ]);
    expect(element.querySelector('.links a')?.textContent?.trim()).toBe('Tous les projets publiés d’Ableiges');
    await harness.fixture.whenStable();
    expect(recordView).toHaveBeenCalledTimes(1);
    expect(recordView).toHaveBeenCalledWith('ableiges-lavoir');
  });

  it('names the tab after the project and sets the description and Open Graph tags, removed on leaving', async () => {
    const { harness } = await open('/projets/ableiges-lavoir', of(fiche()));
    expect(TestBed.inject(Title).getTitle()).toBe('Réfection du lavoir — Ableiges — Passerelle');
    expect(metaContent('name="description"')).toBe('Le lavoir restauré.');
    expect(metaContent('property="og:type"')).toBe('article');
    expect(metaContent('property="og:title"')).toBe('Réfection du lavoir — Ableiges');
    expect(metaContent('property="og:url"')).toBe('http://localhost/projets/ableiges-lavoir');
    expect(metaContent('property="og:image"')).toBe('http://localhost/api/public/documents/p1/thumbnail');

    await harness.navigateByUrl('/projets');
    expect(metaContent('property="og:title"')).toBeUndefined();
    expect(metaContent('property="og:image"')).toBeUndefined();
    expect(metaContent('name="description"')).toBe('Passerelle, le portail entre le département et ses petites communes.');
  });

  it('says that the project is not published, with ways out, when the API answers 404', async () => {
    const { element } = await open(
      '/projets/retire',
      throwError(() => new HttpErrorResponse({ status: 404, error: { code: 'NOT_FOUND', message: 'Projet introuvable.' } })),
    );
    expect(element.querySelector('h1')?.textContent).toBe('Ce projet n’est pas publié ou ne l’est plus');
    const links = Array.from(element.querySelectorAll('.missing a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/projets', '/carte']);
    expect(TestBed.inject(Title).getTitle()).toBe('Projet non publié — Passerelle');
    expect(recordView).not.toHaveBeenCalled();
  });

  it('offers to retry when the server cannot be reached', async () => {
    const { harness, element } = await open('/projets/ableiges-lavoir', throwError(() => new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') })));
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Le serveur est injoignable');
    get.mockReturnValue(of(fiche()));
    element.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    await harness.fixture.whenStable();
    expect(element.querySelector('h1')?.textContent).toBe('Réfection du lavoir');
  });
});
