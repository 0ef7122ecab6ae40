import { Component, input, output } from '@angular/core';
import type {
  DepartementDetailDto,
  PublicConfigDto,
  PublicMapDto,
  PublicMapFeature,
  PublicDeptProjectSummaryDto,
  PublicProjectSummaryDto,
} from '@passerelle/shared/dto';
import type { MapBounds, ProjectMapView, PublicProjectRef } from '@passerelle/web/shared/ui-map';

export const configFixture: PublicConfigDto = {
  defaultDepartementCode: '95',
  tileUrl: null,
  tileAttribution: '',
  demoMode: false,
  demoAccounts: [],
};

export const departementFixture: DepartementDetailDto = {
  code: '95',
  name: "Val-d'Oise",
  eligibilityThreshold: 5000,
  communeCount: 184,
  eligibleCommuneCount: 120,
  cantonCount: 21,
  outline: {
    type: 'Polygon',
    coordinates: [
      [
        [1.6, 48.9],
        [2.6, 48.9],
        [2.6, 49.3],
        [1.6, 49.3],
        [1.6, 48.9],
      ],
    ],
  },
};

export function summaryFixture(slug: string, title: string): PublicProjectSummaryDto {
  return {
    slug,
    title,
    summary: 'Un projet de la commune.',
    theme: 'VOIRIE',
    status: 'COMPLETED',
    year: 2024,
    commune: { insee: '95002', name: 'Ableiges' },
    cantonName: 'Pontoise',
    location: { lat: 49.09, lng: 1.98 },
    finalCostCents: 12_000_000,
    coverUrl: null,
    publishedAt: '2025-03-01T10:00:00.000Z',
  };
}

export function mapDtoFixture(total: number, slugs: string[] = []): PublicMapDto {
  return {
    type: 'FeatureCollection',
    total,
    zoom: 9,
    features: slugs.map(
      (slug): PublicMapFeature => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [1.98, 49.09] },
        properties: { cluster: false, kind: 'COMMUNE', slug, title: slug, theme: 'VOIRIE', communeName: 'Ableiges', year: 2024 },
      }),
    ),
  };
}

/** Stands for the Leaflet map: pages are tested on what they ask for and what they do with the map's events. */
@Component({ selector: 'pas-project-cluster-map', template: '' })
export class StubProjectClusterMap {
  readonly label = input('');
  readonly description = input('');
  readonly features = input<readonly PublicMapFeature[]>([]);
  readonly communes = input<unknown>(null);
  readonly cantons = input<unknown>(null);
  readonly tileUrl = input<string | null>(null);
  readonly tileAttribution = input('');
  readonly bounds = input<MapBounds | null>(null);
  readonly kiosk = input(false);
  readonly viewChanged = output<ProjectMapView>();
  readonly projectChosen = output<PublicProjectRef>();
  readonly resetView = jest.fn();
}

export function deptSummaryFixture(slug: string, title: string): PublicDeptProjectSummaryDto {
  return {
    slug,
    title,
    summary: 'Un projet du Département.',
    theme: 'VOIRIE',
    status: 'IN_PROGRESS',
    progress: 40,
    axis: { id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', label: 'Mobilités du quotidien' },
    cantons: [
      { code: '9510', name: 'Pontoise' },
      { code: '9520', name: 'Vauréal' },
    ],
    location: { lat: 49.05, lng: 2.1 },
    coverUrl: null,
    publishedAt: '2025-03-01T10:00:00.000Z',
    lastReportOn: '2025-06-15',
  };
}
