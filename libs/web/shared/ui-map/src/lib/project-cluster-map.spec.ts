import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type * as Leaflet from 'leaflet';
import type { CommuneFeatureCollection, PublicMapFeature } from '@passerelle/shared/dto';
import { MAP_STYLESHEET_URL } from './map-stylesheet';
import { MAP_VIEW_DEBOUNCE_MS, ProjectClusterMap } from './project-cluster-map';
import type { ProjectMapView, PublicProjectRef } from './project-cluster-map-view';

const cluster: PublicMapFeature = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [2.05, 49.05] },
  properties: { cluster: true, clusterId: 7, count: 12, expansionZoom: 12 },
};

const lavoir: PublicMapFeature = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [1.98, 49.09] },
  properties: {
    cluster: false,
    kind: 'COMMUNE',
    slug: 'ableiges-refection-du-lavoir',
    title: 'Réfection du lavoir de la Viosne',
    theme: 'CULTURE_PATRIMOINE',
    communeName: 'Ableiges',
    year: 2024,
  },
};

const veloroute: PublicMapFeature = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [2.1, 49.05] },
  properties: {
    cluster: false,
    kind: 'DEPARTEMENT',
    slug: 'veloroute-vexin',
    title: 'Véloroute du Vexin',
    theme: 'VOIRIE',
    communeName: 'Cantons de Pontoise et de Vauréal',
    year: null,
    status: 'IN_PROGRESS',
    progress: 40,
  },
};

const communes: CommuneFeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [1.9, 49.0],
            [2.1, 49.0],
            [2.1, 49.2],
            [1.9, 49.2],
            [1.9, 49.0],
          ],
        ],
      },
      properties: { insee: '95002', name: 'Ableiges', population: 1108, eligible: true, cantonCode: '9510' },
    },
  ],
};

async function settle(fixture: ComponentFixture<ProjectClusterMap>, ms = 0): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
  }
  if (ms) {
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

describe(ProjectClusterMap.name, () => {
  let fixture: ComponentFixture<ProjectClusterMap>;
  let element: HTMLElement;
  let views: ProjectMapView[];
  let chosen: PublicProjectRef[];

  beforeEach(async () => {
    // jsdom has no layout: give the map a size so that Leaflet can fit bounds and compute views.
    jest.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
    jest.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    TestBed.configureTestingModule({ providers: [{ provide: MAP_STYLESHEET_URL, useValue: null }] });
    fixture = TestBed.createComponent(ProjectClusterMap);
    fixture.componentRef.setInput('label', 'Carte des projets publiés');
    fixture.componentRef.setInput('description', 'La liste des projets en est l’équivalent.');
    fixture.componentRef.setInput('bounds', { west: 1.6, south: 48.9, east: 2.6, north: 49.3 });
    fixture.componentRef.setInput('communes', communes);
    fixture.componentRef.setInput('features', [cluster, lavoir]);
    views = [];
    chosen = [];
    fixture.componentInstance.viewChanged.subscribe((view) => views.push(view));
    fixture.componentInstance.projectChosen.subscribe((slug) => chosen.push(slug));
    element = fixture.nativeElement;
    document.body.appendChild(element);
    await settle(fixture, MAP_VIEW_DEBOUNCE_MS + 50);
  });

  afterEach(() => {
    element.remove();
    jest.restoreAllMocks();
  });

  function clusterMarker(): HTMLElement {
    const marker = element.querySelector<HTMLElement>('.pcm-cluster');
    if (!marker) {
      throw new Error('no cluster marker');
    }
    return marker;
  }

  function pinMarker(): HTMLElement {
    const marker = element.querySelector<HTMLElement>('.pcm-pin');
    if (!marker) {
      throw new Error('no project marker');
    }
    return marker;
  }

  it('names the map and points to its text equivalent', () => {
    const map = element.querySelector('.pcm-map');
    expect(map?.getAttribute('aria-label')).toBe('Carte des projets publiés');
    expect(document.getElementById(map?.getAttribute('aria-describedby') ?? '')?.textContent).toContain('équivalent');
  });

  it('reports the overview once, as a bbox and a whole zoom', () => {
    expect(views).toHaveLength(1);
    const [west, south, east, north] = views[0].bbox.split(',').map(Number);
    expect(west).toBeLessThanOrEqual(1.6);
    expect(east).toBeGreaterThanOrEqual(2.6);
    expect(south).toBeLessThanOrEqual(48.9);
    expect(north).toBeGreaterThanOrEqual(49.3);
    expect(Number.isInteger(views[0].zoom)).toBe(true);
  });

  it('draws a cluster as a keyboard-focusable circle with its count and an accessible name', () => {
    const marker = clusterMarker();
    expect(marker.textContent).toBe('12');
    expect(marker.getAttribute('aria-label')).toBe('12 projets — zoomer');
    expect(marker.getAttribute('role')).toBe('button');
    expect(marker.tabIndex).toBe(0);
    expect(marker.style.width).toBe('44px');
  });

  it('zooms to the cluster’s expansion zoom when it is activated', async () => {
    clusterMarker().dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(fixture, MAP_VIEW_DEBOUNCE_MS + 50);
    expect(views.at(-1)?.zoom).toBe(12);
  });

  it('opens a fiche of the project on Enter, with a link that the parent follows', async () => {
    const pin = pinMarker();
    expect(pin.getAttribute('aria-label')).toBe('Réfection du lavoir de la Viosne');
    pin.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle(fixture);

    const popup = element.querySelector('.pcm-popup');
    expect(popup?.textContent).toContain('Réfection du lavoir de la Viosne');
    expect(popup?.textContent).toContain('Ableiges · 2024');
    const link = popup?.querySelector<HTMLAnchorElement>('a.pcm-popup__link');
    expect(link?.getAttribute('href')).toBe('/projets/ableiges-refection-du-lavoir');
    expect(document.activeElement).toBe(link);
    expect(popup?.querySelector('.leaflet-popup-close-button')?.getAttribute('aria-label')).toBe('Fermer');

    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(chosen).toEqual([{ kind: 'COMMUNE', slug: 'ableiges-refection-du-lavoir' }]);
  });

  it('draws the département’s projects with their own shape and name, and a card with their progress and page', async () => {
    fixture.componentRef.setInput('features', [lavoir, veloroute]);
    await settle(fixture);
    const commune = element.querySelector<HTMLElement>('.pcm-pin--commune');
    const departement = element.querySelector<HTMLElement>('.pcm-pin--departement');
    expect(commune?.getAttribute('aria-label')).toBe('Réfection du lavoir de la Viosne');
    expect(departement?.getAttribute('aria-label')).toBe('Véloroute du Vexin — Projet du Département');
    // Not the colour alone: the shapes differ too.
    expect(departement?.querySelector('.pcm-pin__body')?.getAttribute('d')).not.toBe(
      commune?.querySelector('.pcm-pin__body')?.getAttribute('d'),
    );

    departement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle(fixture);
    const popup = element.querySelector('.pcm-popup');
    expect(popup?.textContent).toContain('Projet du Département');
    expect(popup?.querySelector('.pcm-popup__progress')?.textContent).toBe('En cours · 40 %');
    const link = popup?.querySelector<HTMLAnchorElement>('a.pcm-popup__link');
    expect(link?.getAttribute('href')).toBe('/projets-du-departement/veloroute-vexin');
    link?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    expect(chosen).toEqual([{ kind: 'DEPARTEMENT', slug: 'veloroute-vexin' }]);
  });

  it('keeps the markers still in view and drops the others', async () => {
    const pin = pinMarker();
    fixture.componentRef.setInput('features', [lavoir]);
    await settle(fixture);
    expect(element.querySelector('.pcm-cluster')).toBeNull();
    expect(pinMarker()).toBe(pin);
  });

  it('keeps the popup open when the next view replaces the markers, and closes it on reset', async () => {
    pinMarker().dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(fixture);
    fixture.componentRef.setInput('features', [cluster]);
    await settle(fixture);
    expect(element.querySelector('.pcm-popup')).not.toBeNull();

    views.length = 0;
    fixture.componentInstance.resetView();
    await settle(fixture, MAP_VIEW_DEBOUNCE_MS + 250);
    expect(element.querySelector('.pcm-popup')).toBeNull();
    expect(views).toHaveLength(1);
  });

  it('draws bigger markers and zoom buttons in kiosk mode', async () => {
    fixture.componentRef.setInput('kiosk', true);
    await settle(fixture);
    expect(element.querySelector('.pcm-map')?.classList.contains('pcm-map--kiosk')).toBe(true);
    expect(clusterMarker().style.width).toBe('66px');
    expect(pinMarker().style.width).toBe('56px');
  });

  it('draws the commune outlines without tiles, out of the Tab order', () => {
    expect(element.querySelector('.leaflet-tile-pane img')).toBeNull();
    const outlines = element.querySelectorAll('.leaflet-overlay-pane path');
    expect(outlines).toHaveLength(1);
    expect(outlines[0].classList.contains('leaflet-interactive')).toBe(false);
  });

  it('draws the cantons as lines over the communes, or filled without them', async () => {
    const cantons = { ...communes, features: [{ ...communes.features[0], properties: { code: '9510', name: 'Pontoise', communeCount: 1 } }] };
    fixture.componentRef.setInput('cantons', cantons);
    await settle(fixture);
    expect(element.querySelector('.leaflet-limits-pane path')?.getAttribute('fill')).toBe('none');

    fixture.componentRef.setInput('communes', null);
    await settle(fixture);
    expect(element.querySelector('.leaflet-limits-pane path')).toBeNull();
    expect(element.querySelector('.leaflet-overlay-pane path')?.getAttribute('fill')).toBe('#ffffff');
  });

  it('removes the Leaflet map when destroyed', () => {
    fixture.destroy();
    expect(element.querySelector('.leaflet-map-pane')).toBeNull();
  });
});

describe(`${ProjectClusterMap.name} on a touch screen with reduced motion`, () => {
  afterEach(() => {
    jest.restoreAllMocks();
    Reflect.deleteProperty(window, 'matchMedia');
  });

  it('builds the map without animations and with two-finger panning', async () => {
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      writable: true,
      value: (query: string) =>
        ({
          matches: query === '(prefers-reduced-motion: reduce)' || query === '(pointer: coarse)',
          media: query,
        }) as MediaQueryList,
    });
    jest.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
    jest.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    TestBed.configureTestingModule({ providers: [{ provide: MAP_STYLESHEET_URL, useValue: null }] });
    const fixture = TestBed.createComponent(ProjectClusterMap);
    fixture.componentRef.setInput('label', 'Carte des projets publiés');
    const element: HTMLElement = fixture.nativeElement;
    document.body.appendChild(element);
    await settle(fixture);
    const map = (fixture.componentInstance as unknown as { map: Leaflet.Map }).map;
    expect(map.options).toMatchObject({ zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false });
    expect(map.dragging.enabled()).toBe(false);
    expect(element.querySelector('.map-touch-hint')?.textContent).toBe('Utilisez deux doigts pour déplacer la carte');
    element.remove();
  });
});
