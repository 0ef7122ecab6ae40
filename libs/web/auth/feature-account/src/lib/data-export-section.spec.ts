import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { DataExportDto } from '@passerelle/shared/dto';
import { DataExportsApi } from '@passerelle/web/privacy/data-access';
import { downloadFile } from '@passerelle/web/shared/util-download';
import { of, throwError } from 'rxjs';
import { DataExportSection, EXPORT_POLL_MS, exportFileName } from './data-export-section';

jest.mock('@passerelle/web/shared/util-download', () => ({ downloadFile: jest.fn() }));

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

function anExport(overrides: Partial<DataExportDto> = {}): DataExportDto {
  return {
    id: 'e1',
    status: 'PENDING',
    requestedAt: '2026-03-14T09:00:00Z',
    readyAt: null,
    expiresAt: null,
    sizeBytes: null,
    downloadUrl: null,
    ...overrides,
  };
}

const READY = anExport({
  status: 'READY',
  readyAt: '2026-03-14T09:01:00Z',
  expiresAt: '2026-03-21T09:01:00Z',
  sizeBytes: 2_411_724,
  downloadUrl: '/api/me/data-exports/e1/download',
});

function apiError(status: number, code: string, message: string) {
  return throwError(() => ({ status, error: { code, message, requestId: 'r' } }));
}

describe(DataExportSection.name, () => {
  let api: { list: jest.Mock; request: jest.Mock; download: jest.Mock };
  let fixture: ComponentFixture<DataExportSection>;
  let element: HTMLElement;

  /** Lets the timers run (the first load, the refreshes) and shows the result. */
  function advance(ms: number): void {
    jest.advanceTimersByTime(ms);
    fixture.detectChanges();
  }

  function render(): void {
    fixture = TestBed.configureTestingModule({
      imports: [DataExportSection],
      providers: [{ provide: DataExportsApi, useValue: api }],
    }).createComponent(DataExportSection);
    element = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    advance(0);
  }

  // Each part of a row is its own element (laid out with a gap): read them apart.
  const rows = () =>
    Array.from(element.querySelectorAll('.exports li')).map((li) =>
      Array.from(li.children)
        .map((part) => plain(part.textContent))
        .join(' '),
    );
  const status = () => plain(element.querySelector('[role="status"]')?.textContent);
  const alert = () => plain(element.querySelector('[role="alert"]')?.textContent);
  const button = (label: string) =>
    Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find((b) => plain(b.textContent) === label) as HTMLButtonElement;

  beforeEach(() => {
    jest.useFakeTimers();
    api = { list: jest.fn().mockReturnValue(of([])), request: jest.fn(), download: jest.fn() };
    (downloadFile as jest.Mock).mockClear();
  });

  afterEach(() => {
    fixture?.destroy();
    jest.useRealTimers();
  });

  it('shows each archive’s state', () => {
    api.list.mockReturnValue(
      of([
        READY,
        anExport({ id: 'e2', status: 'EXPIRED', requestedAt: '2026-02-01T09:00:00Z' }),
        anExport({ id: 'e3', status: 'FAILED', requestedAt: '2026-01-10T09:00:00Z' }),
      ]),
    );
    render();
    expect(rows()).toEqual([
      'Demandée le 14/03/2026 à 10:00 Prête : Télécharger (jusqu’au 21/03/2026 à 10:01, 2,3 Mo)',
      'Demandée le 01/02/2026 à 10:00 Expirée',
      'Demandée le 10/01/2026 à 10:00 Échec — réessayez',
    ]);
    expect(element.querySelector('h2')?.textContent).toBe('Mes données');
    expect(plain(element.querySelector('.hint')?.textContent)).toContain('pendant 7 jours');
  });

  it('asks for an archive, then follows it every few seconds until it is ready, and says so in the live region', () => {
    render();
    expect(rows()).toEqual([]);
    api.request.mockReturnValue(of(anExport()));
    api.list.mockReturnValue(of([anExport()]));
    button('Télécharger mes données').click();
    fixture.detectChanges();
    expect(api.request).toHaveBeenCalledTimes(1);
    expect(rows()).toEqual(['Demandée le 14/03/2026 à 10:00 En préparation…']);
    expect(status()).toBe('Votre archive est en préparation. Elle apparaîtra ci-dessous dès qu’elle sera prête.');

    api.list.mockClear();
    advance(EXPORT_POLL_MS);
    expect(api.list).toHaveBeenCalledTimes(1);
    expect(rows()).toEqual(['Demandée le 14/03/2026 à 10:00 En préparation…']);

    api.list.mockReturnValue(of([READY]));
    advance(EXPORT_POLL_MS);
    expect(api.list).toHaveBeenCalledTimes(2);
    expect(rows()[0]).toContain('Prête : Télécharger');
    expect(status()).toBe('Votre archive est prête. Vous pouvez la télécharger.');

    // Nothing pending: no more requests.
    advance(EXPORT_POLL_MS * 3);
    expect(api.list).toHaveBeenCalledTimes(2);
  });

  it('says when the archive could not be made', () => {
    api.list.mockReturnValue(of([anExport()]));
    render();
    api.list.mockReturnValue(of([anExport({ status: 'FAILED' })]));
    advance(EXPORT_POLL_MS);
    expect(rows()).toEqual(['Demandée le 14/03/2026 à 10:00 Échec — réessayez']);
    expect(status()).toBe('La préparation de votre archive a échoué. Réessayez.');
  });

  it('downloads a ready archive with the bearer token, as a zip named after its day', () => {
    api.list.mockReturnValue(of([READY]));
    const zip = new Blob(['PK']);
    api.download.mockReturnValue(of(zip));
    render();
    const download = element.querySelector<HTMLButtonElement>('.exports button');
    expect(download?.getAttribute('aria-label')).toBe('Télécharger l’archive demandée le 14/03/2026 à 10:00');
    download?.click();
    expect(api.download).toHaveBeenCalledWith(READY);
    expect(downloadFile).toHaveBeenCalledWith(zip, 'passerelle-mes-donnees-2026-03-14.zip');
    expect(exportFileName(READY)).toBe('passerelle-mes-donnees-2026-03-14.zip');
  });

  it('shows the API’s message when an archive is already being made (409), and follows that one', () => {
    render();
    api.request.mockReturnValue(apiError(409, 'DATA_EXPORT_PENDING', 'Une archive est déjà en préparation.'));
    api.list.mockReturnValue(of([anExport()]));
    button('Télécharger mes données').click();
    fixture.detectChanges();
    expect(alert()).toBe('Une archive est déjà en préparation.');
    advance(0);
    expect(rows()).toEqual(['Demandée le 14/03/2026 à 10:00 En préparation…']);
  });

  it('shows the API’s message when too many archives were asked for (429)', () => {
    render();
    api.request.mockReturnValue(apiError(429, 'TOO_MANY_REQUESTS', 'Trop de demandes : réessayez dans une heure.'));
    button('Télécharger mes données').click();
    fixture.detectChanges();
    expect(alert()).toBe('Trop de demandes : réessayez dans une heure.');
  });

  it('offers to try again when the list cannot be loaded', () => {
    api.list.mockReturnValue(throwError(() => ({ status: 0 })));
    render();
    expect(alert()).toBe('Le serveur est injoignable. Vérifiez votre connexion puis réessayez.');
    api.list.mockReturnValue(of([READY]));
    button('Réessayer').click();
    advance(0);
    expect(rows()).toHaveLength(1);
  });
});
