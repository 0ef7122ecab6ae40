import { ChangeDetectionStrategy, Component, type ElementRef, signal, viewChild } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type * as Leaflet from 'leaflet';
import { createMapHost, type MapHostOptions } from './map-host';
import { MAP_STYLESHEET_URL } from './map-stylesheet';

/** jsdom has no ResizeObserver: this one records what is observed and lets the test report a resize. */
class FakeResizeObserver {
  static instances: FakeResizeObserver[] = [];
  readonly observed: Element[] = [];
  disconnected = false;

  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.instances.push(this);
  }

  observe(target: Element): void {
    this.observed.push(target);
  }

  unobserve(): void {
    // Not used by the host.
  }

  disconnect(): void {
    this.disconnected = true;
  }

  resize(): void {
    this.callback([], this as unknown as ResizeObserver);
  }
}

let extraOptions: Partial<MapHostOptions> = {};

@Component({
  selector: 'pas-test-host-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div #container class="map"></div>
    @if (failed()) {
      <p role="alert">La carte n’a pas pu être affichée.</p>
    }
  `,
})
class TestHostMap {
  readonly tileUrl = signal<string | null>(null);
  private readonly container = viewChild.required<ElementRef<HTMLElement>>('container');
  readonly host = createMapHost({
    container: this.container,
    tileUrl: this.tileUrl,
    tileAttribution: () => '© Tuiles de test',
    outlineAttribution: () => 'Contours © IGN Admin Express',
    ...extraOptions,
  });
  protected readonly failed = this.host.failed;
}

async function settle(fixture: ComponentFixture<TestHostMap>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

describe(createMapHost.name, () => {
  let fixture: ComponentFixture<TestHostMap>;
  let element: HTMLElement;

  async function create(options: Partial<MapHostOptions> = {}): Promise<TestHostMap> {
    extraOptions = options;
    TestBed.configureTestingModule({ providers: [{ provide: MAP_STYLESHEET_URL, useValue: null }] });
    fixture = TestBed.createComponent(TestHostMap);
    element = fixture.nativeElement;
    document.body.appendChild(element);
    await settle(fixture);
    return fixture.componentInstance;
  }

  function currentMap(component: TestHostMap): Leaflet.Map {
    const map = component.host.map;
    if (!map) {
      throw new Error('no map');
    }
    return map;
  }

  beforeEach(() => {
    FakeResizeObserver.instances = [];
    Object.defineProperty(window, 'ResizeObserver', { configurable: true, writable: true, value: FakeResizeObserver });
  });

  afterEach(() => {
    element.remove();
    extraOptions = {};
    Reflect.deleteProperty(window, 'ResizeObserver');
    Reflect.deleteProperty(window, 'matchMedia');
    jest.restoreAllMocks();
  });

  it('builds the map after the first render, with French controls and the outlines’ credit', async () => {
    const component = await create();
    expect(component.host.leaflet()).not.toBeNull();
    expect(element.querySelector('.map .leaflet-map-pane')).not.toBeNull();
    expect(element.querySelector('.leaflet-control-zoom-in')?.getAttribute('title')).toBe('Zoom avant');
    expect(element.querySelector('.leaflet-control-zoom-out')?.getAttribute('title')).toBe('Zoom arrière');
    expect(element.querySelector('.leaflet-control-attribution')?.textContent).toContain('Contours © IGN Admin Express');
    expect(currentMap(component).getZoom()).toBe(6);
    expect(element.querySelector('.leaflet-limits-pane')).toBeNull();
  });

  it('tells Leaflet that the size changed whenever its container is resized', async () => {
    const component = await create();
    const observer = FakeResizeObserver.instances.at(-1);
    expect(observer?.observed).toEqual([element.querySelector('.map')]);
    const invalidateSize = jest.spyOn(currentMap(component), 'invalidateSize');
    observer?.resize();
    expect(invalidateSize).toHaveBeenCalledTimes(1);
    observer?.resize();
    expect(invalidateSize).toHaveBeenCalledTimes(2);
  });

  it('removes the map, its size observer and its touch hint on destroy', async () => {
    // A touch screen, so that the two-finger hint is installed and must go too.
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      writable: true,
      value: (query: string) => ({ matches: query === '(pointer: coarse)', media: query }) as MediaQueryList,
    });
    const component = await create({ twoFingerPan: true });
    const map = currentMap(component);
    const remove = jest.spyOn(map, 'remove');
    const observer = FakeResizeObserver.instances.at(-1);
    expect(element.querySelector('.map-touch-hint')).not.toBeNull();

    fixture.destroy();

    expect(remove).toHaveBeenCalledTimes(1);
    expect(component.host.map).toBeNull();
    expect(observer?.disconnected).toBe(true);
    expect(element.querySelector('.leaflet-map-pane')).toBeNull();
    expect(element.querySelector('.map-touch-hint')).toBeNull();
  });

  it('ends a zoom animation still running when the map is destroyed, so that its timer does not touch the removed panes', async () => {
    const component = await create();
    const map = currentMap(component);
    jest.useFakeTimers();
    try {
      // What Leaflet holds during an animated zoom, whose end comes from a timer (jsdom has no CSS transitions).
      const animated = map as unknown as { _animatingZoom: boolean; _onZoomTransitionEnd: () => void };
      animated._animatingZoom = true;
      setTimeout(() => animated._onZoomTransitionEnd(), 250);

      fixture.destroy();

      expect(() => jest.advanceTimersByTime(300)).not.toThrow();
    } finally {
      jest.useRealTimers();
    }
  });

  it('adds, replaces and drops the base tiles as the URL changes', async () => {
    const component = await create();
    expect(element.querySelector('.leaflet-tile-pane .leaflet-layer')).toBeNull();
    component.tileUrl.set('http://tiles.invalid/{z}/{x}/{y}.png');
    await settle(fixture);
    expect(element.querySelectorAll('.leaflet-tile-pane .leaflet-layer')).toHaveLength(1);
    expect(element.querySelector('.leaflet-control-attribution')?.textContent).toContain('© Tuiles de test');
    component.tileUrl.set('http://other.invalid/{z}/{x}/{y}.png');
    await settle(fixture);
    expect(element.querySelectorAll('.leaflet-tile-pane .leaflet-layer')).toHaveLength(1);
    component.tileUrl.set(null);
    await settle(fixture);
    expect(element.querySelector('.leaflet-tile-pane .leaflet-layer')).toBeNull();
  });

  it('takes the component’s map options and gives it a limits pane that never catches the pointer', async () => {
    const component = await create({ limitsPane: true, mapOptions: { minZoom: 7 } });
    expect(currentMap(component).getMinZoom()).toBe(7);
    const pane = element.querySelector<HTMLElement>('.leaflet-limits-pane');
    expect(pane?.style.zIndex).toBe('450');
    expect(pane?.style.pointerEvents).toBe('none');
  });

  it('lets the component set up its layers before the first view, and says so when that fails', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const component = await create({
      setup: () => {
        throw new Error('setup failed');
      },
    });
    expect(component.host.failed()).toBe(true);
    expect(component.host.leaflet()).toBeNull();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('La carte n’a pas pu être affichée.');
  });
});
