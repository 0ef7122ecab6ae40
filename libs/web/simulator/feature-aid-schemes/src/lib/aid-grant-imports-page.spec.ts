import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { AID_GRANT_IMPORT_MAX_BYTES, type AidGrantImportDto } from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { of } from 'rxjs';
import { AidGrantImportsPage } from './aid-grant-imports-page';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

function importFixture(overrides: Partial<AidGrantImportDto> = {}): AidGrantImportDto {
  return {
    id: 'i1',
    scheme: 'DETR',
    fileName: 'detr-2024.csv',
    years: [2024],
    keptCount: 120,
    otherDepartementCount: 3400,
    rejectedCount: 0,
    rejected: [],
    importedAt: '2026-02-10T09:30:00Z',
    importedByName: 'Claire Admin',
    ...overrides,
  };
}

/**
 * Through the real `SimulatorApi`: the page's request is checked as the API receives it, a multipart form with the
 * dotation and the file.
 */
describe(AidGrantImportsPage.name, () => {
  let fixture: ComponentFixture<AidGrantImportsPage>;
  let element: HTMLElement;
  let http: HttpTestingController;

  const listUrl = '/api/aid-schemes/grant-imports';

  async function render(previous: AidGrantImportDto[] = []) {
    fixture = TestBed.createComponent(AidGrantImportsPage);
    element = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne((r) => r.method === 'GET' && r.url === listUrl).flush(previous);
    await fixture.whenStable();
  }

  function choose(file: File) {
    const input = element.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  function button(label: string): HTMLButtonElement {
    return Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find((b) => plain(b.textContent).startsWith(label)) as HTMLButtonElement;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: API_BASE_URL, useValue: '/api' }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('explains the file and offers a labelled file field for CSV only', async () => {
    await render();
    expect(plain(element.querySelector('.intro')?.textContent)).toContain('projet, bénéficiaire, département, coût total HT, subvention accordée, année');
    expect(plain(element.querySelector('.intro')?.textContent)).toContain('dès 5 cas par dispositif et par thématique');
    const input = element.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input?.accept).toBe('.csv,text/csv');
    expect(element.querySelector(`label[for="${input?.id}"]`)?.textContent).toBe('Fichier CSV');
    expect(element.querySelector('.empty')?.textContent).toContain('Aucun fichier importé');
  });

  it('asks for the dotation and the file, and refuses a file over the limit before sending it', async () => {
    await render();
    button('Importer').click();
    await fixture.whenStable();
    expect(Array.from(element.querySelectorAll('pas-error-summary li')).map((li) => plain(li.textContent))).toEqual([
      'Dotation : Choisissez la dotation du fichier (DETR ou DSIL).',
      'Fichier CSV : Choisissez le fichier CSV à importer.',
    ]);

    const big = new File(['x'], 'tout.csv', { type: 'text/csv' });
    Object.defineProperty(big, 'size', { value: AID_GRANT_IMPORT_MAX_BYTES + 1 });
    choose(big);
    await fixture.whenStable();
    expect(plain(element.querySelector('#import-file-error')?.textContent)).toContain('un fichier ne peut pas dépasser 20 Mo');
    expect(element.querySelector('input[type="file"]')?.getAttribute('aria-invalid')).toBe('true');
    http.expectNone((r) => r.method === 'POST');
  });

  it('posts the file and the dotation as a multipart form, then shows what was kept and rejected', async () => {
    await render();
    element.querySelector<HTMLInputElement>('#import-scheme-DSIL-input')?.click();
    const file = new File(['projet;bénéficiaire;département;coût total HT;subvention accordée;année\n'], 'dsil-2025.csv', { type: 'text/csv' });
    choose(file);
    button('Importer').click();

    const upload = http.expectOne((r) => r.method === 'POST' && r.url === listUrl);
    const body = upload.request.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(body.get('scheme')).toBe('DSIL');
    expect((body.get('file') as File).name).toBe('dsil-2025.csv');
    const result = importFixture({
      id: 'i2',
      scheme: 'DSIL',
      fileName: 'dsil-2025.csv',
      years: [2024, 2025],
      keptCount: 3,
      otherDepartementCount: 1,
      rejectedCount: 60,
      rejected: [{ line: 4, reason: 'Montant de la subvention illisible.' }],
    });
    upload.flush(result);
    TestBed.tick();
    http.expectOne((r) => r.method === 'GET' && r.url === listUrl).flush([result]);
    await fixture.whenStable();

    const shown = element.querySelector('.result');
    expect(document.activeElement).toBe(shown?.querySelector('h2'));
    expect(plain(shown?.textContent)).toContain('DSIL, fichier « dsil-2025.csv » (années 2024, 2025)');
    expect(plain(shown?.textContent)).toContain('3 lignes retenues');
    expect(plain(shown?.textContent)).toContain('1 ligne d’un autre département ignorée');
    expect(plain(shown?.textContent)).toContain('60 lignes rejetées');
    expect(plain(shown?.textContent)).toContain('La première sur 60.');
    expect(plain(shown?.querySelector('.rejected')?.textContent)).toBe('Ligne 4 : Montant de la subvention illisible.');
    expect(element.querySelectorAll('.imports .item').length).toBe(1);
  });

  it('deletes an earlier import once confirmed', async () => {
    await render([importFixture()]);
    expect(plain(element.querySelector('.item')?.textContent)).toContain('DETR · « detr-2024.csv » · année 2024');
    expect(plain(element.querySelector('.item')?.textContent)).toContain('Importé le 10/02/2026 à 10:30 par Claire Admin');
    const open = jest
      .spyOn(TestBed.inject(MatDialog), 'open')
      .mockReturnValue({ afterClosed: () => of(true) } as MatDialogRef<unknown, boolean>);

    button('Supprimer').click();
    expect(open).toHaveBeenCalled();
    const remove = http.expectOne('/api/aid-schemes/grant-imports/i1');
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null);
    TestBed.tick();
    http.expectOne((r) => r.method === 'GET' && r.url === listUrl).flush([]);
    await fixture.whenStable();
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Import du fichier « detr-2024.csv » supprimé.');
    expect(element.querySelector('.empty')).not.toBeNull();
  });
});
