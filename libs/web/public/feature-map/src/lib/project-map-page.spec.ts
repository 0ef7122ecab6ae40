import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import type { PublicMapDto } from '@passerelle/shared/dto';
import { PublicProjectsApi } from '@passerelle/web/public/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { ProjectClusterMap } from '@passerelle/web/shared/ui-map';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of, Subject } from 'rxjs';
import { KIOSK_IDLE_MS } from './idle-timer';
import { KIOSK_BODY_CLASS, ProjectMapPage } from './project-map-page';
import {
  configFixture,
  departementFixture,
  mapDtoFixture,
  StubProjectClusterMap,
  summaryFixture,
} from '@passerelle/web/public/ui-public/testing';

describe(ProjectMapPage.name, () => {
  let fixture: ComponentFixture<ProjectMapPage>;
  let element: HTMLElement;
  let mapLayer: jest.Mock;
  let list: jest.Mock;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    mapLayer = jest.fn().mockReturnValue(of(mapDtoFixture(3, ['ableiges-lavoir'])));
    list = jest.fn().mockReturnValue(
      of({ items: [summaryFixture('a', 'Réfection du lavoir'), summaryFixture('b', 'Chemin rural')], total: 14, limit: 12, offset: 12 }),
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: PublicProjectsApi, useValue: { map: mapLayer, list } },
        {
          provide: TerritoryApi,
          useValue: {
            getDepartement: () => of(departementFixture),
            getCommuneOutlines: () => of({ type: 'FeatureCollection', features: [] }),
            getCantonOutlines: () => of({ type: 'FeatureCollection', features: [] }),
            listCantons: () => of({ items: [{ code: '9510', name: 'Pontoise', departementCode: '95', communeCount: 30 }], total: 1, limit: 100, offset: 0 }),
          },
        },
        { provide: PublicConfig, useValue: { load: () => of(configFixture) } },
        { provide: KIOSK_IDLE_MS, useValue: 120_000 },
      ],
    });
    TestBed.overrideComponent(ProjectMapPage, {
      remove: { imports: [ProjectClusterMap] },
      add: { imports: [StubProjectClusterMap] },
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  afterEach(() => {
    jest.useRealTimers();
    document.body.classList.remove(KIOSK_BODY_CLASS);
  });

  async function render(params: Record<string, string> = {}): Promise<void> {
    fixture = TestBed.createComponent(ProjectMapPage);
    for (const [name, value] of Object.entries(params)) {
      fixture.componentRef.setInput(name, value);
    }
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  function stubMap(): StubProjectClusterMap {
    const debug = fixture.debugElement.query(By.directive(StubProjectClusterMap));
    if (!debug) {
      throw new Error('no map');
    }
    return debug.componentInstance as StubProjectClusterMap;
  }

  async function moveMap(bbox: string, zoom: number): Promise<void> {
    stubMap().viewChanged.emit({ bbox, zoom });
    await fixture.whenStable();
  }

  function status(): string {
    return element.querySelector('[role="status"]')?.textContent?.trim() ?? '';
  }

  it('asks for each view of the map with the filters of the address and the département', async () => {
    await render({ q: ' lavoir ', theme: 'CULTURE_PATRIMOINE', canton: '9510', year: '2024', status: 'COMPLETED' });
    expect(mapLayer).not.toHaveBeenCalled();

    await moveMap('1.5,48.8,2.7,49.4', 9);
    expect(mapLayer).toHaveBeenCalledTimes(1);
    expect(mapLayer).toHaveBeenLastCalledWith({
      departement: '95',
      q: 'lavoir',
      theme: 'CULTURE_PATRIMOINE',
      canton: '9510',
      year: 2024,
      status: 'COMPLETED',
      bbox: '1.5,48.8,2.7,49.4',
      zoom: 9,
    });
    expect(status()).toBe('3 projets publiés correspondent');
    expect(stubMap().features().map((f) => (f.properties.cluster ? null : f.properties.slug))).toEqual(['ableiges-lavoir']);
    expect(stubMap().bounds()).toEqual({ west: 1.6, south: 48.9, east: 2.6, north: 49.3 });
  });

  it('keeps only the answer for the latest view when an older one arrives late', async () => {
    const first = new Subject<PublicMapDto>();
    const second = new Subject<PublicMapDto>();
    mapLayer.mockReturnValueOnce(first).mockReturnValueOnce(second);
    await render();
    await moveMap('1,48,3,50', 8);
    await moveMap('1.9,49,2.1,49.2', 12);

    second.next(mapDtoFixture(5, ['recent-view']));
    first.next(mapDtoFixture(9, ['stale-view']));
    await fixture.whenStable();

    expect(first.observed).toBe(false);
    expect(stubMap().features().map((f) => (f.properties.cluster ? null : f.properties.slug))).toEqual(['recent-view']);
    expect(status()).toBe('5 projets publiés correspondent');
  });

  it('shows the same filters as a paginated list of cards instead of the map', async () => {
    await render({ vue: 'liste', theme: 'VOIRIE', page: '2' });
    expect(list).toHaveBeenCalledWith({ departement: '95', theme: 'VOIRIE', limit: 12, offset: 12 });
    expect(mapLayer).not.toHaveBeenCalled();
    expect(fixture.debugElement.query(By.directive(StubProjectClusterMap))).toBeNull();
    const titles = Array.from(element.querySelectorAll('pas-public-project-card h3')).map((h) => h.textContent?.trim());
    expect(titles).toEqual(['Réfection du lavoir', 'Chemin rural']);
    expect(status()).toBe('14 projets publiés correspondent');
    expect(element.querySelector('mat-paginator')).not.toBeNull();
  });

  it('keeps the choice of map or list in the address', async () => {
    await render();
    const toggle = Array.from(element.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')).find(
      (button) => button.textContent?.trim() === 'Liste',
    );
    toggle?.click();
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({
      queryParams: { vue: 'liste', page: null },
      queryParamsHandling: 'merge',
    }));
  });

  it('shows the chosen view by a check mark and its state, not by a fill alone', async () => {
    const toggles = () =>
      Array.from(element.querySelectorAll<HTMLElement>('mat-button-toggle')).map((toggle) => ({
        label: toggle.querySelector('button')?.textContent?.trim(),
        checked: toggle.querySelector('button')?.getAttribute('aria-checked') ?? toggle.querySelector('button')?.getAttribute('aria-pressed'),
        mark: toggle.classList.contains('mat-button-toggle-checked') && toggle.querySelector('mat-pseudo-checkbox') !== null,
      }));
    await render();
    expect(toggles()).toEqual([
      { label: 'Carte', checked: 'true', mark: true },
      { label: 'Liste', checked: 'false', mark: false },
    ]);
    fixture.destroy();
    await render({ vue: 'liste' });
    expect(toggles()).toEqual([
      { label: 'Carte', checked: 'false', mark: false },
      { label: 'Liste', checked: 'true', mark: true },
    ]);
  });

  it('clears every filter at once, back to the first page', async () => {
    await render({ theme: 'VOIRIE', year: '2024' });
    const clear = Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find(
      (button) => button.textContent?.trim() === 'Effacer les filtres',
    );
    clear?.click();
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({
      queryParams: { q: null, theme: null, canton: null, year: null, status: null, page: null },
      queryParamsHandling: 'merge',
    }));
  });

  it('opens the page of the project chosen on the map', async () => {
    await render();
    stubMap().projectChosen.emit('ableiges-lavoir');
    expect(navigate).toHaveBeenCalledWith(['/projets', 'ableiges-lavoir']);
  });

  describe('on the touch desk (?kiosque=1)', () => {
    it('goes full screen, with theme chips and no text field', async () => {
      await render({ kiosque: '1' });
      expect(document.body.classList.contains(KIOSK_BODY_CLASS)).toBe(true);
      expect(element.classList.contains('kiosk')).toBe(true);
      expect(stubMap().kiosk()).toBe(true);
      expect(element.querySelectorAll('mat-chip-option').length).toBeGreaterThan(10);
      expect(element.querySelector('input')).toBeNull();

      fixture.destroy();
      expect(document.body.classList.contains(KIOSK_BODY_CLASS)).toBe(false);
    });

    it('returns to the overview after two minutes without anyone', async () => {
      await render({ kiosque: '1', theme: 'VOIRIE' });
      // Angular's rendering keeps the real timers; the desk's wait restarts on the fake clock at the first touch.
      jest.useFakeTimers();
      document.dispatchEvent(new Event('pointerdown'));
      jest.advanceTimersByTime(90_000);
      document.dispatchEvent(new Event('wheel'));
      jest.advanceTimersByTime(119_000);
      expect(navigate).not.toHaveBeenCalled();
      expect(stubMap().resetView).not.toHaveBeenCalled();

      jest.advanceTimersByTime(1_000);
      expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: { kiosque: '1' }, replaceUrl: true }));
      expect(stubMap().resetView).toHaveBeenCalledTimes(1);
    });

    it('does not watch for idleness outside the desk', async () => {
      await render();
      jest.useFakeTimers();
      document.dispatchEvent(new Event('pointerdown'));
      jest.advanceTimersByTime(600_000);
      expect(navigate).not.toHaveBeenCalled();
      expect(document.body.classList.contains(KIOSK_BODY_CLASS)).toBe(false);
    });
  });
});
