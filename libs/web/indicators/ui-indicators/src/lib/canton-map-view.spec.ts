import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { CantonFeatureCollection, IndicatorGroupRow, Outline } from '@passerelle/shared/dto';
import { MAP_STYLESHEET_URL } from '@passerelle/web/shared/ui-map';
import { CantonMapView } from './canton-map-view';
import { CHOROPLETH_COLORS, CHOROPLETH_TOO_FEW } from './choropleth-classes';

const HOUR = 3_600_000;
const OFFICE_DAY = 7.5 * HOUR;

function square(west: number): Outline {
  return { type: 'Polygon', coordinates: [[[west, 49], [west + 0.1, 49], [west + 0.1, 49.1], [west, 49.1], [west, 49]]] };
}

const outlines: CantonFeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: square(2.0), properties: { code: '9501', name: 'Pontoise', communeCount: 12 } },
    { type: 'Feature', geometry: square(2.1), properties: { code: '9502', name: 'Vauréal', communeCount: 9 } },
    { type: 'Feature', geometry: square(2.2), properties: { code: '9503', name: 'Domont', communeCount: 2 } },
  ],
};

function group(key: string | null, p50Ms: number | null, share: number | null, count: number): IndicatorGroupRow {
  return {
    key,
    label: key ?? 'Autres cantons',
    communes: 3,
    backlog: 0,
    summary: {
      firstResponse: { working: { count, p50Ms, p90Ms: p50Ms }, elapsed: { count, p50Ms, p90Ms: p50Ms }, withinTarget: { count, share }, targetDays: 5 },
      resolution: { count: 0, p50Ms: null, p90Ms: null },
      reopenRate: { count: 0, share: null },
      opinions: { closed: 0, satisfaction: { count: 0, average: null, responseRate: null }, effort: { count: 0, average: null, responseRate: null } },
      created: count,
    },
  };
}

async function settle(fixture: ComponentFixture<CantonMapView>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

describe(CantonMapView.name, () => {
  let fixture: ComponentFixture<CantonMapView>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [{ provide: MAP_STYLESHEET_URL, useValue: null }] });
    fixture = TestBed.createComponent(CantonMapView);
    // Pontoise: a median of 3 hours on 12 questions; Vauréal: too few for a median; Domont: merged into « autres ».
    fixture.componentRef.setInput('groups', [group('9501', 3 * HOUR, 0.6, 12), group('9502', null, 1, 6), group(null, null, 1, 3)]);
    fixture.componentRef.setInput('outlines', outlines);
    fixture.componentRef.setInput('dayMs', OFFICE_DAY);
    fixture.componentRef.setInput('targetDays', 5);
    element = fixture.nativeElement;
    document.body.appendChild(element);
    await settle(fixture);
  });

  afterEach(() => element.remove());

  const fills = () => Array.from(element.querySelectorAll('path.leaflet-interactive')).map((path) => [path.getAttribute('fill'), path.getAttribute('fill-opacity')]);

  it('colours the cantons by their median, greys those with too few questions and leaves « autres » uncoloured', () => {
    expect(fills()).toEqual([
      [CHOROPLETH_COLORS[0], '0.85'],
      [CHOROPLETH_TOO_FEW, '0.85'],
      ['#ffffff', '0'],
    ]);
    const legend = Array.from(element.querySelectorAll('.legend li')).map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(legend.at(-1)).toBe('Regroupé dans « autres cantons » ou sans question');
    expect(element.querySelector('.map')?.getAttribute('aria-label')).toBe('Carte des cantons : Délai médian de première réponse, en temps ouvré (j : jour ouvré)');
  });

  it('colours by the share within the target when asked', async () => {
    (element.querySelectorAll<HTMLInputElement>('mat-radio-button input')[1] as HTMLInputElement).click();
    await settle(fixture);
    // 60 % is in the third class (50 to 75 %); Vauréal answered all within the target.
    expect(fills().map(([fill]) => fill)).toEqual([CHOROPLETH_COLORS[2], CHOROPLETH_COLORS[0], '#ffffff']);
  });
});
