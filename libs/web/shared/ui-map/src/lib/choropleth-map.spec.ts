import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { CantonFeatureCollection, Outline } from '@passerelle/shared/dto';
import { ChoroplethMap, type ChoroplethFill } from './choropleth-map';
import { MAP_STYLESHEET_URL } from './map-stylesheet';

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

const cantons: CantonFeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: square(2.0, 49.0), properties: { code: '9501', name: 'Pontoise', communeCount: 12 } },
    { type: 'Feature', geometry: square(2.1, 49.0), properties: { code: '9502', name: 'Argenteuil', communeCount: 2 } },
  ],
};

async function settle(fixture: ComponentFixture<ChoroplethMap>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

describe(ChoroplethMap.name, () => {
  let fixture: ComponentFixture<ChoroplethMap>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [{ provide: MAP_STYLESHEET_URL, useValue: null }] });
    fixture = TestBed.createComponent(ChoroplethMap);
    fixture.componentRef.setInput('label', 'Carte des cantons');
    fixture.componentRef.setInput('description', 'Le tableau en donne les valeurs.');
    fixture.componentRef.setInput('outlines', cantons);
    fixture.componentRef.setInput('fills', new Map<string, ChoroplethFill>([['9501', { color: '#08519c', text: 'Médiane : 3 h' }]]));
    fixture.componentRef.setInput('unfilledText', 'Regroupé dans « autres »');
    fixture.componentRef.setInput('legend', [
      { color: '#08519c', label: 'Plus de 2 jours' },
      { color: null, label: 'Regroupé dans « autres »' },
    ]);
    element = fixture.nativeElement;
    document.body.appendChild(element);
    await settle(fixture);
  });

  afterEach(() => element.remove());

  const paths = () => Array.from(element.querySelectorAll<SVGPathElement>('path.leaflet-interactive'));

  it('fills the cantons given a colour and only outlines the others, out of the Tab order', () => {
    expect(paths().map((path) => [path.getAttribute('fill'), path.getAttribute('fill-opacity')])).toEqual([
      ['#08519c', '0.85'],
      ['#ffffff', '0'],
    ]);
    expect(paths()[1].getAttribute('stroke-dasharray')).toBe('4 3');
    expect(paths().every((path) => path.getAttribute('tabindex') === '-1')).toBe(true);
  });

  it('is named, points to its text equivalent and states its legend in words', () => {
    const map = element.querySelector('.map');
    expect(map?.getAttribute('aria-label')).toBe('Carte des cantons');
    expect(document.getElementById(map?.getAttribute('aria-describedby') ?? '')?.textContent).toContain('tableau');
    expect(Array.from(element.querySelectorAll('.legend li')).map((li) => li.textContent?.trim())).toEqual(['Plus de 2 jours', 'Regroupé dans « autres »']);
    expect(element.querySelectorAll('.swatch--empty')).toHaveLength(1);
  });

  it('colours again when the values change, and removes the map when destroyed', async () => {
    fixture.componentRef.setInput('fills', new Map<string, ChoroplethFill>([['9502', { color: '#bdd7e7', text: '' }]]));
    await settle(fixture);
    expect(paths().map((path) => path.getAttribute('fill'))).toEqual(['#ffffff', '#bdd7e7']);
    fixture.destroy();
    expect(element.querySelector('.leaflet-map-pane')).toBeNull();
  });
});
