import { BreakpointObserver } from '@angular/cdk/layout';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DeptReportQueueItemDto, Page, PublicationQueueItemDto } from '@passerelle/shared/dto';
import { DeptProjectsApi } from '@passerelle/web/departement-projects/data-access';
import { PublicationApi } from '@passerelle/web/publication/data-access';
import { of } from 'rxjs';
import { PublicationQueuePage } from './publication-queue-page';
import { waitingSince } from './queue-row';

const lavoir: PublicationQueueItemDto = {
  projectId: 'p1',
  title: 'Réfection du lavoir de la Viosne',
  theme: 'CULTURE_PATRIMOINE',
  commune: { insee: '95002', name: 'Ableiges' },
  requestedAt: new Date(Date.now() - 3 * 24 * 3_600_000 - 60_000).toISOString(),
  republication: false,
};
const ecole: PublicationQueueItemDto = {
  projectId: 'p2',
  title: 'Rénovation de l’école',
  theme: 'ECOLES_PETITE_ENFANCE',
  commune: { insee: '95610', name: 'Vétheuil' },
  requestedAt: new Date(Date.now() - 5 * 3_600_000).toISOString(),
  republication: true,
};

describe(PublicationQueuePage.name, () => {
  async function render(items: PublicationQueueItemDto[], phone = false, reports: DeptReportQueueItemDto[] = []) {
    const page: Page<PublicationQueueItemDto> = { items, total: items.length, limit: 100, offset: 0 };
    const api = { queue: jest.fn(() => of(page)) };
    const reportPage: Page<DeptReportQueueItemDto> = { items: reports, total: reports.length, limit: 100, offset: 0 };
    const deptApi = { queue: jest.fn(() => of(reportPage)) };
    TestBed.configureTestingModule({
      imports: [PublicationQueuePage],
      providers: [
        provideRouter([]),
        { provide: PublicationApi, useValue: api },
        { provide: DeptProjectsApi, useValue: deptApi },
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: phone, breakpoints: {} }) } },
      ],
    });
    const fixture = TestBed.createComponent(PublicationQueuePage);
    await fixture.whenStable();
    return { api, element: fixture.nativeElement as HTMLElement };
  }

  const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

  it('lists the waiting projects with their commune, theme, wait and kind, each linking to its review', async () => {
    const { element } = await render([lavoir, ecole]);
    const rows = [...element.querySelectorAll('tr.mat-mdc-row')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => squash(cell.textContent)),
    );
    expect(rows).toEqual([
      ['Réfection du lavoir de la Viosne', 'Ableiges', 'Culture et patrimoine', 'il y a 3 jours', 'Première publication'],
      ['Rénovation de l’école', 'Vétheuil', 'Écoles et petite enfance', 'il y a 5 heures', 'Mise à jour d’un projet publié'],
    ]);
    expect(element.querySelector('td a')?.getAttribute('href')).toBe('/departement/publications/p1');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('2 projets attendent une relecture');
  });

  it('shows cards on a phone', async () => {
    const { element } = await render([lavoir], true);
    expect(element.querySelector('table')).toBeNull();
    const card = element.querySelector('li.card');
    expect(card?.querySelector('a')?.getAttribute('href')).toBe('/departement/publications/p1');
    expect(squash(card?.textContent)).toContain('Ableiges — Culture et patrimoine');
  });

  it('lists the département projects’ reports waiting for review, each linking to the report on its project page', async () => {
    const { element } = await render([], false, [
      {
        reportId: 'r1',
        projectId: 'd1',
        projectTitle: 'Piste cyclable de la vallée',
        reportedOn: '2026-03-02',
        author: { id: 'u2', name: 'Paul Durand' },
        submittedAt: new Date().toISOString(),
        canReview: true,
      },
      {
        reportId: 'r2',
        projectId: 'd2',
        projectTitle: 'Collège Pissarro',
        reportedOn: '2026-03-05',
        author: { id: 'u1', name: 'Jeanne Martin' },
        submittedAt: new Date().toISOString(),
        canReview: false,
      },
    ]);
    const section = element.querySelector('section.reports');
    expect(section?.querySelector('h2')?.textContent).toContain('Points d’avancement des projets du Département');
    const cards = [...(section?.querySelectorAll('li.card') ?? [])];
    expect(cards.map((card) => card.querySelector('a')?.getAttribute('href'))).toEqual([
      '/departement/projets-du-departement/d1#rapport-r1',
      '/departement/projets-du-departement/d2#rapport-r2',
    ]);
    expect(cards[0].textContent).not.toContain('Vous en êtes l’auteur');
    expect(squash(cards[1].textContent)).toContain('Vous en êtes l’auteur : un autre agent le relit.');
    expect(section?.querySelector('[role="status"]')?.textContent).toContain('2 points d’avancement attendent une relecture');
  });

  it('says when nothing is waiting', async () => {
    const { element } = await render([]);
    expect(element.querySelector('table')).toBeNull();
    expect(element.querySelector('.empty')?.textContent).toContain('Aucun projet n’attend de relecture');
  });
});

describe(waitingSince.name, () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it.each([
    ['2026-11-22T11:30:00Z', 'il y a moins d’une heure'],
    ['2026-11-22T07:00:00Z', 'il y a 5 heures'],
    ['2026-11-21T10:00:00Z', 'hier'],
    ['2026-11-12T12:00:00Z', 'il y a 10 jours'],
    ['2026-07-01T12:00:00Z', 'il y a 4 mois'],
  ])('%s → %s', (at, expected) => {
    expect(waitingSince(at, now)).toBe(expected);
  });
});
