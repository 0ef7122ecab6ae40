import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { CantonFeatureCollection, CommuneFeatureCollection, Outline } from '@passerelle/shared/dto';
import { MAP_STYLESHEET_URL } from './map-stylesheet';
import { TerritoryMap } from './territory-map';
import { MAP_COLORS } from './territory-map-styles';

function square(west: number, south: number, size = 0.1): Outline {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
      ],
    ],
  };
}

const communes: CommuneFeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: square(2.0, 49.0),
      properties: { insee: '95002', name: 'Ableiges', population: 1108, eligible: true, cantonCode: '95016' },
    },
    {
      type: 'Feature',
      geometry: square(2.1, 49.0),
      properties: { insee: '95018', name: 'Argenteuil', population: 106130, eligible: false, cantonCode: '95002' },
    },
  ],
};

const cantons: CantonFeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: square(2.0, 49.0, 0.2), properties: { code: '95016', name: 'Pontoise', communeCount: 2 } },
  ],
};

/** Leaflet loads in a microtask chain after the first render; let it settle. */
async function settle(fixture: ComponentFixture<TerritoryMap>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

describe(TerritoryMap.name, () => {
  let fixture: ComponentFixture<TerritoryMap>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [{ provide: MAP_STYLESHEET_URL, useValue: null }] });
    fixture = TestBed.createComponent(TerritoryMap);
    fixture.componentRef.setInput('label', "Carte des communes du Val-d'Oise");
    fixture.componentRef.setInput('description', 'La liste des communes en est l’équivalent.');
    fixture.componentRef.setInput('threshold', 5000);
    fixture.componentRef.setInput('tileUrl', 'http://tiles.invalid/{z}/{x}/{y}.png');
    fixture.componentRef.setInput('communes', communes);
    fixture.componentRef.setInput('cantons', cantons);
    element = fixture.nativeElement;
    document.body.appendChild(element);
    await settle(fixture);
  });

  afterEach(() => element.remove());

  function communePaths(): SVGPathElement[] {
    return Array.from(element.querySelectorAll<SVGPathElement>('path.leaflet-interactive'));
  }

  it('has an accessible name and points to its text equivalent', () => {
    const map = element.querySelector('.map');
    expect(map?.getAttribute('aria-label')).toBe("Carte des communes du Val-d'Oise");
    const description = document.getElementById(map?.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toContain('équivalent');
  });

  it('draws every commune, coloured by eligibility, above a tile layer that may fail', () => {
    expect(element.querySelector('.leaflet-tile-pane')).not.toBeNull();
    expect(communePaths().map((path) => path.getAttribute('fill'))).toEqual([
      MAP_COLORS.eligible,
      MAP_COLORS.ineligible,
    ]);
  });

  it('draws the cantons as lines that do not catch the pointer', () => {
    const limits = element.querySelectorAll('.leaflet-limits-pane path');
    expect(limits).toHaveLength(1);
    expect(limits[0].getAttribute('fill')).toBe('none');
    expect(limits[0].classList.contains('leaflet-interactive')).toBe(false);
  });

  it('keeps the outlines out of the Tab order', () => {
    expect(communePaths().every((path) => path.getAttribute('tabindex') === '-1')).toBe(true);
  });

  it('reports a click on a commune and highlights the selected one', async () => {
    const chosen: string[] = [];
    fixture.componentInstance.communeSelected.subscribe((insee) => chosen.push(insee));
    communePaths()[1].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(chosen).toEqual(['95018']);

    fixture.componentRef.setInput('selectedInsee', '95018');
    await settle(fixture);
    expect(communePaths()[1].getAttribute('stroke-width')).toBe('4');
    expect(communePaths()[0].getAttribute('stroke-width')).toBe('1');
  });

  it('states the threshold in the legend', () => {
    expect(element.querySelector('.legend')?.textContent).toContain('Commune de moins de 5\u202f000 habitants');
  });

  it('removes the Leaflet map when destroyed', () => {
    expect(element.querySelector('.leaflet-map-pane')).not.toBeNull();
    fixture.destroy();
    expect(element.querySelector('.leaflet-map-pane')).toBeNull();
  });
});
