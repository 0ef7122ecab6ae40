import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { LatLng, Outline } from '@passerelle/shared/dto';
import { LocationMap } from './location-map';
import { describePosition, movedByKey } from './location-keyboard';
import { MAP_STYLESHEET_URL } from './map-stylesheet';

/** A commune of 0.1° a side around (49.05 N, 2.05 E). */
const OUTLINE: Outline = {
  type: 'Polygon',
  coordinates: [
    [
      [2.0, 49.0],
      [2.1, 49.0],
      [2.1, 49.1],
      [2.0, 49.1],
      [2.0, 49.0],
    ],
  ],
};

async function settle(fixture: ComponentFixture<LocationMap>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

describe(movedByKey.name, () => {
  it('moves about 10 m per arrow, 100 m with Shift, east–west scaled by the latitude', () => {
    const start = { lat: 49.05, lng: 2.05 };
    expect(movedByKey(start, 'ArrowUp', false)).toEqual({ lat: 49.05009, lng: 2.05 });
    expect(movedByKey(start, 'ArrowDown', true)).toEqual({ lat: 49.049102, lng: 2.05 });
    // 10 m at 49° N is 10 / (111 320 × cos 49°) ≈ 0.000137°.
    expect(movedByKey(start, 'ArrowRight', false)).toEqual({ lat: 49.05, lng: 2.050137 });
    expect(movedByKey(start, 'ArrowLeft', true)).toEqual({ lat: 49.05, lng: 2.048629 });
    expect(movedByKey(start, 'a', false)).toBeNull();
  });
});

describe(describePosition.name, () => {
  it('says the position in French, with the side of the commune it falls on', () => {
    expect(describePosition({ lat: 48.97123, lng: 1.99341 }, true)).toBe('Position : 48,9712 N, 1,9934 E — dans la commune');
    expect(describePosition({ lat: 16.25, lng: -61.5831 }, false)).toBe(
      'Position : 16,2500 N, 61,5831 O — hors de la commune : le point n’est pas retenu',
    );
    expect(describePosition({ lat: 49, lng: 2 }, null)).toBe('Position : 49,0000 N, 2,0000 E');
  });
});

describe(LocationMap.name, () => {
  let fixture: ComponentFixture<LocationMap>;
  let element: HTMLElement;
  let picked: LatLng[];
  let refused: LatLng[];

  async function create(options: { location: LatLng | null; editable?: boolean }): Promise<void> {
    TestBed.configureTestingModule({ providers: [{ provide: MAP_STYLESHEET_URL, useValue: null }] });
    fixture = TestBed.createComponent(LocationMap);
    fixture.componentRef.setInput('label', 'Carte d’Ableiges');
    fixture.componentRef.setInput('description', 'Cliquez dans la commune.');
    fixture.componentRef.setInput('outline', OUTLINE);
    fixture.componentRef.setInput('location', options.location);
    fixture.componentRef.setInput('editable', options.editable ?? true);
    picked = [];
    refused = [];
    fixture.componentInstance.picked.subscribe((point) => picked.push(point));
    fixture.componentInstance.refused.subscribe((point) => refused.push(point));
    element = fixture.nativeElement;
    document.body.appendChild(element);
    await settle(fixture);
  }

  afterEach(() => element.remove());

  const map = () => element.querySelector<HTMLElement>('.map') as HTMLElement;
  const press = (key: string, init: KeyboardEventInit = {}) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    map().dispatchEvent(event);
    fixture.detectChanges();
    return event;
  };
  const liveText = () => element.querySelector('[aria-live="polite"]')?.textContent?.trim();

  it('is in the Tab order and explains its keys', async () => {
    await create({ location: null });
    expect(map().tabIndex).toBe(0);
    const description = document.getElementById(map().getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toContain('Cliquez dans la commune.');
    expect(description?.textContent).toContain('Entrée ou Espace place le point au centre de la carte');
  });

  it('moves the point with the arrows and reads the new position out', async () => {
    await create({ location: { lat: 49.05, lng: 2.05 } });
    // Leaflet pans on the document's keydown while the map has focus: the moved point must not pan the map too.
    const reachedDocument = jest.fn();
    document.addEventListener('keydown', reachedDocument);
    const event = press('ArrowUp');
    document.removeEventListener('keydown', reachedDocument);
    expect(reachedDocument).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(true);
    expect(picked).toEqual([{ lat: 49.05009, lng: 2.05 }]);
    expect(liveText()).toBe('Position : 49,0501 N, 2,0500 E — dans la commune');

    press('ArrowRight', { shiftKey: true });
    // From the location input, which the parent has not changed: 100 m east of the start.
    expect(picked[1]).toEqual({ lat: 49.05, lng: 2.051371 });
  });

  it('refuses a move out of the commune and says so', async () => {
    await create({ location: { lat: 49.09995, lng: 2.05 } });
    press('ArrowUp');
    expect(picked).toEqual([]);
    expect(refused).toEqual([{ lat: 49.10004, lng: 2.05 }]);
    expect(liveText()).toContain('hors de la commune');
  });

  it('places the point at the centre of the map on Enter or Space', async () => {
    await create({ location: null });
    press('Enter');
    press(' ');
    expect(picked).toHaveLength(2);
    expect(picked[0].lat).toBeCloseTo(49.05, 2);
    expect(picked[0].lng).toBeCloseTo(2.05, 2);
    expect(liveText()).toContain('dans la commune');
  });

  it('leaves the arrows to Leaflet’s panning while there is no point', async () => {
    await create({ location: null });
    const event = press('ArrowUp');
    expect(event.defaultPrevented).toBe(false);
    expect(picked).toEqual([]);
  });

  it('ignores the keys when read-only', async () => {
    await create({ location: { lat: 49.05, lng: 2.05 }, editable: false });
    press('ArrowUp');
    press('Enter');
    expect(picked).toEqual([]);
    expect(element.querySelector('[aria-live]')).toBeNull();
  });

  it('leaves Enter on the zoom buttons to the buttons', async () => {
    await create({ location: null });
    const zoomIn = element.querySelector<HTMLElement>('.leaflet-control-zoom-in') as HTMLElement;
    zoomIn.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(picked).toEqual([]);
  });
});
