import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import type { PublicMapDto } from '@passerelle/shared/dto';
import { PublicDeptProjectsApi, PublicProjectsApi } from '@passerelle/web/public/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { ProjectClusterMap } from '@passerelle/web/shared/ui-map';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of, Subject } from 'rxjs';
import { KIOSK_IDLE_MS } from './idle-timer';
import { KIOSK_SHOWCASE_MS } from './kiosk-showcase';
import { KIOSK_BODY_CLASS, ProjectMapPage } from './project-map-page';
import {
  configFixture,
  departementFixture,
  deptSummaryFixture,
  mapDtoFixture,
  StubProjectClusterMap,
  summaryFixture,
} from '@passerelle/web/public/ui-public/testing';

const AXIS = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';

describe(ProjectMapPage.name, () => {
  let fixture: ComponentFixture<ProjectMapPage>;
  let element: HTMLElement;
  let mapLayer: jest.Mock;
  let list: jest.Mock;
  let deptList: jest.Mock;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    mapLayer = jest.fn().mockReturnValue(of(mapDtoFixture(3, ['ableiges-lavoir'])));
    list = jest.fn().mockReturnValue(
      of({ items: [summaryFixture('a', 'Réfection du lavoir'), summaryFixture('b', 'Chemin rural')], total: 14, limit: 12, offset: 12 }),
    );
    deptList = jest.fn().mockReturnValue(
      of({ items: [deptSummaryFixture('veloroute-vexin', 'Véloroute du Vexin')], total: 1, limit: 100, offset: 0 }),
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: PublicProjectsApi, useValue: { map: mapLayer, list } },
        {
          provide: PublicDeptProjectsApi,
          useValue: {
            list: deptList,
            axes: () => of([{ id: AXIS, label: 'Mobilités du quotidien', description: '', publishedCount: 2 }]),
          },
        },
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
        { provide: KIOSK_SHOWCASE_MS, useValue: 10_000 },
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
    expect(deptList).toHaveBeenCalledWith({ departement: '95', theme: 'VOIRIE', limit: 100 });
    expect(mapLayer).not.toHaveBeenCalled();
    expect(fixture.debugElement.query(By.directive(StubProjectClusterMap))).toBeNull();
    const titles = Array.from(element.querySelectorAll('pas-public-project-card h4')).map((h) => h.textContent?.trim());
    expect(titles).toEqual(['Réfection du lavoir', 'Chemin rural']);
    const deptTitles = Array.from(element.querySelectorAll('pas-public-dept-project-card h4')).map((h) => h.textContent?.trim());
    expect(deptTitles).toEqual(['Véloroute du Vexin']);
    expect(status()).toBe('15 projets publiés correspondent');
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
      queryParams: { q: null, theme: null, canton: null, year: null, status: null, kind: null, axis: null, page: null },
      queryParamsHandling: 'merge',
    }));
  });

  it('opens the page of the project chosen on the map', async () => {
    await render();
    stubMap().projectChosen.emit({ kind: 'COMMUNE', slug: 'ableiges-lavoir' });
    expect(navigate).toHaveBeenCalledWith(['/projets', 'ableiges-lavoir']);
    stubMap().projectChosen.emit({ kind: 'DEPARTEMENT', slug: 'veloroute-vexin' });
    expect(navigate).toHaveBeenLastCalledWith(['/projets-du-departement', 'veloroute-vexin']);
  });

  describe('projects of the communes and of the département', () => {
    function radios(): { label: string; checked: boolean }[] {
      return Array.from(element.querySelectorAll<HTMLInputElement>('fieldset.kinds input[type="radio"]')).map((input) => ({
        label: element.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() ?? '',
        checked: input.checked,
      }));
    }

    it('shows both kinds by default, with a legend naming each marker', async () => {
      await render();
      expect(radios()).toEqual([
        { label: 'Tous', checked: true },
        { label: 'Projets des communes', checked: false },
        { label: 'Projets du Département', checked: false },
      ]);
      await moveMap('1,48,3,50', 8);
      expect(mapLayer.mock.lastCall[0]).not.toHaveProperty('kind');
      const legend = Array.from(element.querySelectorAll('pas-project-map-legend li')).map((li) => li.textContent?.trim());
      expect(legend.join(' | ')).toContain('Projets des communes');
      expect(legend.join(' | ')).toContain('Projets du Département');
    });

    it('writes the chosen kind in the address, and clears the axis with the communes alone', async () => {
      await render();
      const input = element.querySelectorAll<HTMLInputElement>('fieldset.kinds input[type="radio"]')[2];
      input.click();
      expect(navigate).toHaveBeenLastCalledWith([], expect.objectContaining({
        queryParams: { kind: 'DEPARTEMENT', page: null },
        queryParamsHandling: 'merge',
      }));
      element.querySelectorAll<HTMLInputElement>('fieldset.kinds input[type="radio"]')[1].click();
      expect(navigate).toHaveBeenLastCalledWith([], expect.objectContaining({
        queryParams: { kind: 'COMMUNE', axis: null, page: null },
      }));
    });

    it('asks the map for the kind and the axis of the address, and keeps the canton for both', async () => {
      await render({ kind: 'departement', axis: AXIS, canton: '9510' });
      expect(radios().find((r) => r.checked)?.label).toBe('Projets du Département');
      await moveMap('1,48,3,50', 8);
      expect(mapLayer).toHaveBeenLastCalledWith({
        departement: '95',
        canton: '9510',
        kind: 'DEPARTEMENT',
        axis: AXIS,
        bbox: '1,48,3,50',
        zoom: 8,
      });
      const labels = Array.from(element.querySelectorAll('mat-form-field mat-label')).map((l) => l.textContent?.trim());
      expect(labels).toContain('Axe du programme');
      const legend = Array.from(element.querySelectorAll('pas-project-map-legend li')).map((li) => li.textContent?.trim());
      expect(legend.some((text) => text?.includes('Projets des communes'))).toBe(false);
    });

    it('hides the axis filter with the communes’ projects alone, and lists only them', async () => {
      await render({ kind: 'COMMUNE', vue: 'liste' });
      const labels = Array.from(element.querySelectorAll('mat-form-field mat-label')).map((l) => l.textContent?.trim());
      expect(labels).not.toContain('Axe du programme');
      expect(deptList).not.toHaveBeenCalled();
      expect(element.querySelector('pas-public-dept-project-card')).toBeNull();
    });

    it('lists only the département’s projects of an axis', async () => {
      await render({ axis: AXIS, vue: 'liste' });
      expect(list).not.toHaveBeenCalled();
      expect(deptList).toHaveBeenCalledWith({ departement: '95', axis: AXIS, limit: 100 });
      expect(status()).toBe('1 projet publié correspond');
    });
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

    it('goes through the projects of the communes and of the département in turn', async () => {
      await render({ kiosque: '1' });
      expect(list).toHaveBeenCalledWith({ departement: '95', sort: 'recent', limit: 8 });
      expect(deptList).toHaveBeenCalledWith({ departement: '95', limit: 8 });
      const shown = () => element.querySelector('pas-kiosk-showcase .slide h3')?.textContent?.trim();
      expect(shown()).toBe('Réfection du lavoir');
      // Angular's rendering keeps the real timers: the carousel's clock restarts on the fake one with « Reprendre ».
      const button = (text: string) =>
        Array.from(element.querySelectorAll<HTMLButtonElement>('pas-kiosk-showcase button')).find((b) => b.textContent?.trim() === text);
      jest.useFakeTimers();
      button('Mettre en pause')?.click();
      fixture.detectChanges();
      button('Reprendre le défilement')?.click();
      fixture.detectChanges();
      jest.advanceTimersByTime(9_999);
      fixture.detectChanges();
      expect(shown()).toBe('Réfection du lavoir');
      jest.advanceTimersByTime(1);
      fixture.detectChanges();
      expect(shown()).toBe('Véloroute du Vexin');
      jest.advanceTimersByTime(10_000);
      fixture.detectChanges();
      expect(shown()).toBe('Chemin rural');
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
