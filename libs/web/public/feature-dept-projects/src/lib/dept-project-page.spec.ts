import { HttpErrorResponse } from '@angular/common/http';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import type { PublicDeptProjectDto, PublicDeptReportDto } from '@passerelle/shared/dto';
import { PublicDeptProjectsApi } from '@passerelle/web/public/data-access';
import { configFixture, deptSummaryFixture } from '@passerelle/web/public/ui-public/testing';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { LocationMap } from '@passerelle/web/shared/ui-map';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of, throwError } from 'rxjs';
import { Component, input } from '@angular/core';
import { DeptProjectPage } from './dept-project-page';

@Component({ selector: 'pas-location-map', template: '' })
class StubLocationMap {
  readonly label = input('');
  readonly description = input('');
  readonly location = input<unknown>(null);
  readonly outline = input<unknown>(null);
  readonly tileUrl = input<string | null>(null);
  readonly tileAttribution = input('');
}

function photo(id: string, alt: string) {
  return {
    id,
    filename: `${id}.jpg`,
    alt,
    mimeType: 'image/jpeg',
    sizeBytes: 1000,
    contentUrl: `/api/public/dept-photos/${id}/content`,
    thumbnailUrl: `/api/public/dept-photos/${id}/thumbnail`,
  };
}

const reports: PublicDeptReportDto[] = [
  {
    reportedOn: '2025-06-15',
    done: 'Pose de l’enrobé sur 4 km.',
    difficulties: 'Pluies de mai.',
    nextSteps: 'Signalisation en juillet.',
    progress: 60,
    milestonesReached: ['Fin du terrassement'],
    photos: [photo('p1', 'La piste entre Pontoise et Osny'), photo('p2', 'Les engins de chantier')],
    videos: [
      { url: 'https://video.valdoise.fr/w/abc', title: 'Le chantier en images', host: 'video.valdoise.fr', thumbnailPhotoId: 'p2' },
      { url: 'https://peertube.example/videos/watch/xyz', title: 'Inauguration du tronçon', host: 'peertube.example', thumbnailPhotoId: null },
      { url: 'javascript:alert(1)', title: 'Piège', host: 'x', thumbnailPhotoId: null },
    ],
    publishedAt: '2025-06-20T10:00:00Z',
  },
  {
    reportedOn: '2025-01-10',
    done: 'Études terminées.',
    difficulties: '',
    nextSteps: 'Travaux au printemps.',
    progress: 20,
    milestonesReached: [],
    photos: [],
    videos: [],
    publishedAt: '2025-01-12T10:00:00Z',
  },
];

function projectFixture(overrides: Partial<PublicDeptProjectDto> = {}): PublicDeptProjectDto {
  return {
    ...deptSummaryFixture('veloroute-vexin', 'Véloroute du Vexin'),
    progress: 60,
    departement: { code: '95', name: "Val-d'Oise" },
    description: 'Une piste cyclable à travers trois cantons.',
    objectives: 'Relier les collèges.',
    resources: 'Équipe des routes.',
    partners: 'Communes traversées.',
    startDate: '2024-09-01',
    endDate: '2026-06-30',
    address: null,
    location: { lat: 49.1, lng: 2.1 },
    locatedBy: 'CANTONS',
    forecastCostCents: 250_000_000,
    finalCostCents: null,
    fundingLines: [{ funder: 'REGION', funderName: null, scheme: 'Plan vélo', amountObtainedCents: 50_000_000 }],
    milestones: [
      { date: '2025-05-01', title: 'Fin du terrassement', done: true },
      { date: '2026-06-30', title: 'Mise en service', done: false },
    ],
    evaluation: '',
    lessons: { problems: '', differently: '', advice: '' },
    reports,
    ...overrides,
  };
}

describe(DeptProjectPage.name, () => {
  let fixture: ComponentFixture<DeptProjectPage>;
  let element: HTMLElement;
  let get: jest.Mock;
  let recordView: jest.Mock;

  async function render(slug = 'veloroute-vexin'): Promise<void> {
    fixture = TestBed.createComponent(DeptProjectPage);
    fixture.componentRef.setInput('slug', slug);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  beforeEach(() => {
    get = jest.fn().mockReturnValue(of(projectFixture()));
    recordView = jest.fn().mockReturnValue(of(undefined));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: PublicDeptProjectsApi, useValue: { get, recordView } },
        { provide: PublicConfig, useValue: { load: () => of(configFixture) } },
        { provide: TerritoryApi, useValue: { getCantonOutlines: () => of({ type: 'FeatureCollection', features: [] }) } },
      ],
    });
    TestBed.overrideComponent(DeptProjectPage, { remove: { imports: [LocationMap] }, add: { imports: [StubLocationMap] } });
  });

  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

  it('shows the fiche with its status and an accessible progress bar, and sets the title', async () => {
    await render();
    expect(get).toHaveBeenCalledWith('veloroute-vexin');
    expect(text(element.querySelector('h1'))).toBe('Véloroute du Vexin');
    const bar = element.querySelector('.head [role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('60');
    expect(bar?.getAttribute('aria-label')).toBe('Avancement du projet');
    expect(text(element.querySelector('.head pas-dept-progress .text'))).toBe('En cours · 60 %');
    expect(text(element.querySelector('.cantons'))).toBe('Pontoise, Vauréal');
    const headings = Array.from(element.querySelectorAll('h2')).map((h) => text(h));
    expect(headings).toEqual(
      expect.arrayContaining(['Contexte et description', 'Objectifs', 'Avancement du projet', 'Moyens', 'Acteurs et partenaires', 'Budget', 'Calendrier', 'Suivre ce projet']),
    );
    const milestones = Array.from(element.querySelectorAll('.calendar li')).map((li) => text(li));
    expect(milestones).toEqual(['✓01/05/2025 : Fin du terrassement (franchie)', '○30/06/2026 : Mise en service (à venir)']);
    expect(TestBed.inject(Title).getTitle()).toBe('Véloroute du Vexin — Projet du Département — Passerelle');
  });

  it('sets the Open Graph tags and the canonical link of the page, and removes them on leaving', async () => {
    const meta = (selector: string) => document.head.querySelector(`meta[${selector}]`)?.getAttribute('content');
    await render();
    expect(meta('property="og:title"')).toBe('Véloroute du Vexin — Projet du Département');
    expect(meta('property="og:url"')).toBe('http://localhost/projets-du-departement/veloroute-vexin');
    expect(document.head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('http://localhost/projets-du-departement/veloroute-vexin');
    fixture.destroy();
    expect(meta('property="og:title"')).toBeUndefined();
    expect(document.head.querySelector('link[rel="canonical"]')).toBeNull();
  });

  it('tells the progress with each published report, newest first', async () => {
    await render();
    const entries = element.querySelectorAll('pas-dept-report-timeline li.entry');
    expect(entries).toHaveLength(2);
    const first = entries[0];
    expect(text(first.querySelector('h3'))).toBe('Point du 15/06/2025');
    expect(text(first.querySelector('.progress'))).toBe('Avancement : 60 %');
    expect(Array.from(first.querySelectorAll('h4')).map((h) => text(h))).toEqual([
      'Réalisé',
      'Difficultés rencontrées',
      'Prochaines étapes',
      'Étapes franchies',
      'Photos',
      'Vidéos',
    ]);
    expect(text(first.querySelector('.difficulties'))).toBe('Pluies de mai.');
    expect(text(first.querySelector('.milestones'))).toBe('Fin du terrassement');
    const photos = Array.from(first.querySelectorAll<HTMLImageElement>('.photos img')).map((img) => img.alt);
    expect(photos).toEqual([
      'La piste entre Pontoise et Osny (agrandir dans une nouvelle fenêtre)',
      'Les engins de chantier (agrandir dans une nouvelle fenêtre)',
    ]);
    expect(text(entries[1].querySelector('h3'))).toBe('Point du 10/01/2025');
    expect(entries[1].querySelector('.difficulties')).toBeNull();
  });

  it('links the videos to their host with a thumbnail, never embeds them, and drops unsafe links', async () => {
    await render();
    expect(element.querySelector('iframe, embed, object, video')).toBeNull();
    const videos = Array.from(element.querySelectorAll<HTMLAnchorElement>('a.video'));
    expect(videos.map((a) => a.getAttribute('href'))).toEqual([
      'https://video.valdoise.fr/w/abc',
      'https://peertube.example/videos/watch/xyz',
    ]);
    expect(text(videos[0])).toBe('Le chantier en images Voir la vidéo sur video.valdoise.fr (nouvelle fenêtre)');
    expect(videos[0].target).toBe('_blank');
    expect(videos[0].rel).toContain('noopener');
    expect(videos[0].querySelector('img')?.getAttribute('src')).toBe('/api/public/dept-photos/p2/thumbnail');
    expect(videos[1].querySelector('img')).toBeNull();
    expect(videos[1].querySelector('svg.play-generic')).not.toBeNull();
  });

  it('counts the view once and offers to follow the project by canton and by axis', async () => {
    await render();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(recordView).toHaveBeenCalledTimes(1);
    expect(recordView).toHaveBeenCalledWith('veloroute-vexin');
    const follow = Array.from(element.querySelectorAll<HTMLAnchorElement>('.follow a')).map((a) => [text(a), a.getAttribute('href')]);
    expect(follow).toEqual([
      ['Les nouvelles du canton Pontoise', '/lettre?canton=9510'],
      ['Les nouvelles du canton Vauréal', '/lettre?canton=9520'],
      ['Les nouvelles de l’axe « Mobilités du quotidien »', '/lettre?axe=1b4e28ba-2fa1-11d2-883f-0016d3cca427'],
      ['Toutes les nouvelles du département', '/lettre'],
    ]);
  });

  it('says so when the project is not published, without counting a view', async () => {
    get.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 404 })));
    await render('inconnu');
    expect(text(element.querySelector('h1'))).toBe('Ce projet n’est pas publié ou ne l’est plus');
    expect(recordView).not.toHaveBeenCalled();
  });
});
