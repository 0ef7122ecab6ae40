import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { MAX_UPLOAD_BYTES, type ProjectDto, type PublicationDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { DocumentsApi, DocumentUploads, ProjectsApi } from '@passerelle/web/projects/data-access';
import { PublicationApi } from '@passerelle/web/publication/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { MAP_STYLESHEET_URL } from '@passerelle/web/shared/ui-map';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of, Subject } from 'rxjs';
import { ProjectDetailPage } from './project-detail-page';
import { projectFixture } from '@passerelle/web/projects/data-access/testing';

const publicationFixture: PublicationDto = {
  state: 'PRIVATE',
  choices: { documentIds: [], showFunding: false },
  slug: null,
  publishedAt: null,
  pendingChanges: false,
  rejectionReason: null,
  events: [],
  can: { request: false, consent: false, approve: false, reject: false, withdraw: false },
  previewVersion: 'a'.repeat(64),
  views: null,
};

describe(ProjectDetailPage.name, () => {
  let uploads: { upload: jest.Mock };

  async function render(project: ProjectDto) {
    uploads = { upload: jest.fn() };
    TestBed.configureTestingModule({
      imports: [ProjectDetailPage],
      providers: [
        provideRouter([]),
        {
          provide: ProjectsApi,
          useValue: {
            getProject: () => of(project),
            getHistory: () => of({ items: [], total: 0, limit: 50, offset: 0 }),
            getStorage: () => of({ usedBytes: 25 * 1024 * 1024, quotaBytes: 1024 ** 3 }),
          },
        },
        { provide: DocumentsApi, useValue: { getBlob: () => of(new Blob()) } },
        { provide: DocumentUploads, useValue: uploads },
        { provide: TerritoryApi, useValue: { getCommune: () => of({ outline: null }) } },
        { provide: PublicConfig, useValue: { load: () => of({ tileUrl: null, tileAttribution: '' }) } },
        { provide: MatDialog, useValue: {} },
        { provide: MAP_STYLESHEET_URL, useValue: null },
        { provide: PublicationApi, useValue: { get: () => of(publicationFixture) } },
        { provide: AuthSession, useValue: { role: () => 'MAYOR' } },
      ],
    });
    const fixture = TestBed.createComponent(ProjectDetailPage);
    fixture.componentRef.setInput('id', 'p1');
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

  it('shows the fiche with its costs in euros and the share of the funding', async () => {
    const { element } = await render(projectFixture());
    expect(squash(element.querySelector('.forecast-cost')?.textContent)).toBe('10 000,00 €');
    expect(squash(element.querySelector('.share-requested')?.textContent)).toBe('40 %');
    expect(squash(element.textContent)).toContain('25 Mo sur 1 Go utilisés');
  });

  it('names the project in the document title once it is loaded', async () => {
    await render(projectFixture({ title: 'Réfection du lavoir' }));
    expect(TestBed.inject(Title).getTitle()).toBe('Fiche projet — Réfection du lavoir · Passerelle');
  });

  it('lets the commune ask a question about this project, preselected in the form; not the département', async () => {
    const { fixture, element } = await render(projectFixture({ id: 'p1' }));
    const ask = () =>
      Array.from(element.querySelectorAll<HTMLAnchorElement>('a')).find(
        (a) => squash(a.textContent) === 'Poser une question sur ce projet',
      );
    expect(ask()?.getAttribute('href')).toBe('/espace/questions/nouvelle?projet=p1');
    fixture.componentRef.setInput('area', 'departement');
    await fixture.whenStable();
    expect(ask()).toBeUndefined();
  });

  it('offers no edit, delete or upload control without the permissions (the département’s read-only view)', async () => {
    const { element } = await render(projectFixture({ permissions: { edit: false, delete: false, upload: false } }));
    expect(element.textContent).not.toContain('Modifier');
    expect(element.querySelector('button.danger')).toBeNull();
    expect(element.querySelector('input[type="file"]')).toBeNull();
  });

  it('keeps the file input out of the tab order: the visible button, named by its text, opens it', async () => {
    const { element } = await render(projectFixture());
    const input = element.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input?.hidden).toBe(true);
    const button = Array.from(element.querySelectorAll<HTMLButtonElement>('.upload button')).find(
      (b) => squash(b.textContent) === 'Choisir un fichier',
    );
    expect(button?.hasAttribute('aria-label')).toBe(false);
    const opened = jest.fn();
    input?.addEventListener('click', opened);
    button?.click();
    expect(opened).toHaveBeenCalled();
  });

  it('refuses a file over 25 Mo before sending it, then shows the percentage of an upload', async () => {
    const { fixture, element } = await render(projectFixture());
    const input = element.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) {
      throw new Error('no file input');
    }
    const choose = (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
    };
    const big = new File(['x'], 'plan.pdf');
    Object.defineProperty(big, 'size', { value: MAX_UPLOAD_BYTES + 1 });
    choose(big);
    await fixture.whenStable();
    expect(uploads.upload).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('un fichier ne peut pas dépasser 25');

    const progress = new Subject<unknown>();
    uploads.upload.mockReturnValue(progress);
    choose(new File(['%PDF-1.4'], 'devis.pdf'));
    progress.next({ state: 'progress', percent: 42 });
    await fixture.whenStable();
    expect(squash(element.querySelector('.upload-progress span')?.textContent)).toBe('Envoi de « devis.pdf » : 42 %');
    expect(element.querySelector('.upload-progress mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('42');
  });
});
