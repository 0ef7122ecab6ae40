import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OPEN_DATA_COLUMNS, OPEN_DATA_LICENCE, type PublicConfigDto } from '@passerelle/shared/dto';
import { PublicProjectsApi } from '@passerelle/web/public/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of, throwError } from 'rxjs';
import { OpenDataPage } from './open-data-page';

const URLS = {
  csv: '/api/public/projects.csv',
  geoJson: '/api/public/opendata/projects.geojson',
  atom: '/api/public/feed.atom',
};

describe(OpenDataPage.name, () => {
  let element: HTMLElement;

  async function render(options: { total?: number; departement?: string | null } = {}): Promise<void> {
    const { total = 12, departement = "Val-d'Oise" } = options;
    TestBed.configureTestingModule({
      imports: [OpenDataPage],
      providers: [
        provideRouter([]),
        {
          provide: PublicProjectsApi,
          useValue: {
            openDataUrls: () => URLS,
            list: () => of({ items: [], total, limit: 1, offset: 0 }),
          },
        },
        {
          provide: PublicConfig,
          useValue: { load: () => of({ defaultDepartementCode: '95' } as PublicConfigDto) },
        },
        {
          provide: TerritoryApi,
          useValue: {
            getDepartement: () => (departement ? of({ code: '95', name: departement }) : throwError(() => new Error('500'))),
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(OpenDataPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  function text(selector: string): string {
    return element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  it('has one h1 and a table of contents leading to every section', async () => {
    await render();
    expect(element.querySelectorAll('h1')).toHaveLength(1);
    const targets = Array.from(element.querySelectorAll<HTMLAnchorElement>('pas-page-toc a')).map(
      (a) => a.getAttribute('href')?.split('#')[1] ?? '',
    );
    expect(targets).toEqual(['telecharger', 'donnees', 'licence', 'colonnes', 'format', 'donnees-personnelles', 'developpeurs']);
    for (const id of targets) {
      expect(element.querySelector(`section#${id} h2`)).not.toBeNull();
    }
  });

  it('offers the CSV and GeoJSON files as downloads, and the Atom feed', async () => {
    await render();
    const downloads = Array.from(element.querySelectorAll<HTMLAnchorElement>('a[download]')).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
    expect(downloads).toEqual([
      ['Télécharger le fichier CSV', URLS.csv],
      ['Télécharger le fichier GeoJSON', URLS.geoJson],
    ]);
    const feed = element.querySelector<HTMLAnchorElement>('a[type="application/atom+xml"]');
    expect(feed?.getAttribute('href')).toBe(URLS.atom);
  });

  it('documents every column of the files, in order, with a caption and header cells', async () => {
    await render();
    const table = element.querySelector('section#colonnes table');
    expect(table?.querySelector('caption')?.textContent).toContain(`${OPEN_DATA_COLUMNS.length} colonnes`);
    expect(Array.from(table?.querySelectorAll('thead th[scope="col"]') ?? []).map((th) => th.textContent?.trim())).toEqual([
      'Colonne',
      'Type',
      'Description',
    ]);
    const rows = Array.from(table?.querySelectorAll('tbody tr') ?? []).map((row) => [
      row.querySelector('th[scope="row"]')?.textContent?.trim(),
      ...Array.from(row.querySelectorAll('td')).map((td) => td.textContent?.trim()),
    ]);
    expect(rows).toEqual(OPEN_DATA_COLUMNS.map((c) => [c.name, c.type, c.description]));
  });

  it('states the licence, with its link and the source to cite', async () => {
    await render();
    const link = element.querySelector<HTMLAnchorElement>('section#licence a');
    expect(link?.textContent?.trim()).toBe(OPEN_DATA_LICENCE.name);
    expect(link?.getAttribute('href')).toBe(OPEN_DATA_LICENCE.url);
    expect(text('section#licence')).toContain('y compris à des fins commerciales');
    expect(text('section#licence')).toContain("« Passerelle — Département Val-d'Oise »");
  });

  it('still tells what to cite when the département cannot be loaded', async () => {
    await render({ departement: null });
    expect(text('section#licence')).toContain('« Passerelle — Département »');
  });

  it('says how many projects the files hold today', async () => {
    await render({ total: 1 });
    expect(text('section#donnees')).toContain('1 projet publié à ce jour.');
  });

  it('describes the formats, the absence of personal data and the API', async () => {
    await render();
    const format = text('section#format');
    expect(format).toContain('point-virgule');
    expect(format).toContain('UTF-8');
    expect(format).toContain('AAAA-MM-JJ');
    expect(format).toContain('RFC 7946');
    expect(format).toContain('géométrie nulle');
    expect(text('section#donnees-personnelles')).toContain('aucune donnée personnelle');
    expect(text('section#developpeurs')).toContain('GET /api/public/projects');
    expect(element.querySelector('section#developpeurs a')?.getAttribute('href')).toBe('/api/docs');
  });
});
