import { BreakpointObserver } from '@angular/cdk/layout';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DeptProjectListQuery, DeptProjectSummaryDto, Page } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { DeptProjectsApi } from '@passerelle/web/departement-projects/data-access';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of } from 'rxjs';
import { DeptProjectListPage } from './dept-project-list-page';
import { deptProjectQuery, NO_DEPT_PROJECT_FILTERS } from './dept-project-query';

const college: DeptProjectSummaryDto = {
  id: 'd1',
  departementCode: '95',
  title: 'Rénovation du collège Pissarro',
  summary: '',
  theme: 'ECOLES_PETITE_ENFANCE',
  status: 'IN_PROGRESS',
  progress: 40,
  axis: { id: 'a1', label: 'Réussite éducative' },
  cantons: [{ code: '9510', name: 'Pontoise' }],
  lead: { id: 'u1', name: 'Jeanne Martin' },
  slug: 'renovation-du-college-pissarro',
  publishedAt: '2026-02-01T10:00:00Z',
  lastReportOn: '2026-02-01',
  reportsAwaitingReview: 2,
  coverUrl: null,
  updatedAt: '2026-02-01T10:00:00Z',
  version: 3,
};

describe(deptProjectQuery.name, () => {
  it('sends only the filters set, « Mes projets » as lead=me, and the page as limit/offset', () => {
    expect(deptProjectQuery({ ...NO_DEPT_PROJECT_FILTERS, q: ' route ', axis: 'a1', canton: '9510', mine: true }, 2, 20)).toEqual({
      q: 'route',
      axis: 'a1',
      canton: '9510',
      lead: 'me',
      limit: 20,
      offset: 40,
    });
    expect(deptProjectQuery(NO_DEPT_PROJECT_FILTERS, 0, 50)).toEqual({ limit: 50, offset: 0 });
  });
});

describe(DeptProjectListPage.name, () => {
  async function render(role: 'AGENT' | 'ADMIN' = 'AGENT') {
    const queries: DeptProjectListQuery[] = [];
    const page: Page<DeptProjectSummaryDto> = { items: [college], total: 1, limit: 20, offset: 0 };
    const api = {
      listProjects: jest.fn((_code: string, query: DeptProjectListQuery) => {
        queries.push(query);
        return of(page);
      }),
      listAxes: jest.fn(() => of([{ id: 'a1', label: 'Réussite éducative', description: '', position: 1, projectCount: 1 }])),
    };
    TestBed.configureTestingModule({
      imports: [DeptProjectListPage],
      providers: [
        provideRouter([]),
        { provide: DeptProjectsApi, useValue: api },
        { provide: TerritoryApi, useValue: { listCantons: () => of({ items: [{ code: '9510', name: 'Pontoise' }], total: 1, limit: 100, offset: 0 }) } },
        {
          provide: AuthSession,
          useValue: { user: signal({ departement: { code: '95', name: "Val-d'Oise" } }), role: signal(role) },
        },
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: false, breakpoints: {} }) } },
      ],
    });
    const fixture = TestBed.createComponent(DeptProjectListPage);
    await fixture.whenStable();
    return { fixture, api, queries, element: fixture.nativeElement as HTMLElement };
  }

  const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

  it('shows each project with its status, progress, axis, cantons, lead, publication and reports to review', async () => {
    const { element, queries } = await render();
    expect(queries[0]).toEqual({ limit: 20, offset: 0 });
    const card = element.querySelector('li.project');
    expect(card?.querySelector('h2 a')?.getAttribute('href')).toBe('/departement/projets-du-departement/d1');
    const text = squash(card?.textContent);
    expect(text).toContain('En cours');
    expect(text).toContain('40 %');
    expect(text).toContain('Réussite éducative');
    expect(text).toContain('Pontoise');
    expect(text).toContain('Jeanne Martin');
    expect(text).toContain('Publié');
    expect(text).toContain('2 points à relire');
    expect(element.querySelector('a[href="/departement/projets-du-departement/nouveau"]')?.textContent).toContain('Nouveau projet');
  });

  it('asks for the signed-in agent’s projects when « Mes projets » is ticked', async () => {
    const { fixture, element, queries } = await render();
    element.querySelector<HTMLInputElement>('.mine input[type="checkbox"]')?.click();
    await fixture.whenStable();
    expect(queries.at(-1)).toEqual({ lead: 'me', limit: 20, offset: 0 });
  });
});
