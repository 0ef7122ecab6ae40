import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Page, ProjectSummaryDto } from '@passerelle/shared/dto';
import { ProjectGrid } from './project-grid';

function project(id: string, title: string): ProjectSummaryDto {
  return {
    id,
    commune: { insee: '95002', name: 'Ableiges' },
    title,
    summary: '',
    theme: 'VOIRIE',
    status: 'IN_PROGRESS',
    progress: 25,
    startDate: null,
    endDate: null,
    nextMilestone: null,
    coverUrl: null,
    updatedAt: '2026-07-14T10:00:00Z',
    version: 1,
  };
}

function page(items: ProjectSummaryDto[], total = items.length): Page<ProjectSummaryDto> {
  return { items, total, limit: 20, offset: 0 };
}

/** A page with its own empty state, as the commune's dashboard has. */
@Component({
  imports: [ProjectGrid],
  template: `
    <pas-project-grid
      [projects]="projects()"
      [error]="error()"
      [filtered]="filtered()"
      [countWords]="countWords()"
      linkBase="/espace/projets"
      [showSinglePagePaginator]="showSinglePagePaginator()"
      [layout]="layout()"
      [showCommune]="layout() === 'table'"
      [(pageIndex)]="pageIndex"
      (retry)="retried = retried + 1"
    >
      <p class="empty">Aucun projet pour l’instant</p>
    </pas-project-grid>
  `,
})
class Host {
  readonly projects = signal<Page<ProjectSummaryDto> | undefined>(undefined);
  readonly error = signal<unknown>(undefined);
  readonly filtered = signal(false);
  readonly countWords = signal<readonly [string, string]>(['projet', 'projets']);
  readonly showSinglePagePaginator = signal(false);
  readonly layout = signal<'cards' | 'table'>('cards');
  readonly pageIndex = signal(0);
  retried = 0;
}

describe(ProjectGrid.name, () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;
  let element: HTMLElement;
  const count = () => element.querySelector('[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  it('says nothing until the first page arrives', () => {
    expect(count()).toBe('');
    expect(element.querySelector('.empty')).toBeNull();
  });

  it('counts the projects and links each card to its fiche', async () => {
    host.projects.set(page([project('p1', 'Réfection du chemin'), project('p2', 'Cantine')]));
    await fixture.whenStable();
    expect(count()).toBe('2 projets');
    const links = Array.from(element.querySelectorAll('ul[aria-label="Projets"] a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/espace/projets/p1', '/espace/projets/p2']);
    expect(element.querySelector('.empty')).toBeNull();
    expect(element.querySelector('mat-paginator')).toBeNull();
  });

  it('counts with the words of the page', async () => {
    host.countWords.set(['projet trouvé', 'projets trouvés']);
    host.projects.set(page([project('p1', 'Cantine')]));
    await fixture.whenStable();
    expect(count()).toBe('1 projet trouvé');
  });

  it('shows the empty state when there is no project at all', async () => {
    host.projects.set(page([]));
    await fixture.whenStable();
    expect(count()).toBe('0 projet');
    expect(element.querySelector('.empty')?.textContent).toBe('Aucun projet pour l’instant');
    expect(element.querySelector('ul')).toBeNull();
  });

  it('says that nothing matches, without the empty state, when filters leave no project', async () => {
    host.filtered.set(true);
    host.projects.set(page([]));
    await fixture.whenStable();
    expect(count()).toBe('Aucun projet ne correspond à ces critères.');
    expect(element.querySelector('.empty')).toBeNull();
  });

  it('pages only when one page does not hold everything, unless the page asks for it', async () => {
    host.projects.set(page([project('p1', 'Cantine')], 45));
    await fixture.whenStable();
    expect(element.querySelector('mat-paginator')).not.toBeNull();

    host.projects.set(page([project('p1', 'Cantine')]));
    host.showSinglePagePaginator.set(true);
    await fixture.whenStable();
    expect(element.querySelector('mat-paginator')).not.toBeNull();
  });

  it('shows a project without a photo with its theme’s pictogram, not a letter', async () => {
    host.projects.set(page([project('p1', 'Cantine')]));
    await fixture.whenStable();
    const cover = element.querySelector('pas-project-card .cover');
    expect(cover?.querySelector('pas-theme-icon svg')?.getAttribute('data-theme')).toBe('VOIRIE');
    expect(cover?.textContent?.trim()).toBe('');
  });

  it('lays the projects out as a table with a caption and headers when asked', async () => {
    host.layout.set('table');
    host.projects.set(page([project('p1', 'Réfection du chemin'), project('p2', 'Cantine')]));
    await fixture.whenStable();
    expect(element.querySelector('ul')).toBeNull();
    const table = element.querySelector('table');
    expect(table?.querySelector('caption')?.textContent).toBe('Projets');
    const headers = Array.from(table?.querySelectorAll('thead th') ?? []);
    expect(headers.map((th) => th.textContent?.trim())).toEqual([
      'Projet',
      'Commune',
      'Thème',
      'Statut',
      'Avancement',
      'Prochaine étape',
    ]);
    expect(headers.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    const rows = table?.querySelectorAll('tbody tr') ?? [];
    expect(rows).toHaveLength(2);
    const title = rows[0].querySelector('th[scope="row"] a');
    expect(title?.textContent).toBe('Réfection du chemin');
    expect(title?.getAttribute('href')).toBe('/espace/projets/p1');
    expect(rows[0].textContent?.replace(/\s+/g, ' ')).toContain('Ableiges');
    expect(rows[0].textContent?.replace(/\s+/g, ' ')).toContain('25 %');
  });

  it('shows the API’s message and retries on demand', async () => {
    host.error.set({ status: 500, error: { code: 'INTERNAL', message: 'Le serveur est indisponible.' } });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('Le serveur est indisponible.');
    element.querySelector<HTMLButtonElement>('button')?.click();
    expect(host.retried).toBe(1);
  });
});
