import type { Outline, PublicMapProjectProperties, PublicProjectKind } from '@passerelle/shared/dto';
import { formatInteger } from '@passerelle/web/shared/util-format';

/** An extent in degrees (WGS84). */
export interface MapBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** One view of the project map, as the API's map layer expects it. */
export interface ProjectMapView {
  /** `west,south,east,north` */
  bbox: string;
  /** Integer zoom level. */
  zoom: number;
}

/** The extent of an outline, e.g. of the département for the map's overview; `null` when it holds no point. */
export function outlineBounds(outline: Outline): MapBounds | null {
  const polygons = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
  let bounds: MapBounds | null = null;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [lng, lat] of ring) {
        bounds = bounds
          ? {
              west: Math.min(bounds.west, lng),
              south: Math.min(bounds.south, lat),
              east: Math.max(bounds.east, lng),
              north: Math.max(bounds.north, lat),
            }
          : { west: lng, south: lat, east: lng, north: lat };
      }
    }
  }
  return bounds;
}

/**
 * `west,south,east,north`, clamped to the world and rounded to 5 decimals (about a metre): the API's pattern accepts
 * at most three integer digits, and identical views give identical addresses for the HTTP cache.
 */
export function formatBbox(bounds: MapBounds): string {
  const lng = (value: number) => round5(Math.min(180, Math.max(-180, value)));
  const lat = (value: number) => round5(Math.min(90, Math.max(-90, value)));
  return [lng(bounds.west), lat(bounds.south), lng(bounds.east), lat(bounds.north)].join(',');
}

function round5(value: number): string {
  // `+ 0` turns -0 into 0: "-0" would be a strange thing to send.
  return String(Math.round(value * 1e5) / 1e5 + 0);
}

/** Side of a cluster's circle in pixels: one step per order of magnitude, bigger in kiosk mode (touch). */
export function clusterIconSize(count: number, kiosk: boolean): number {
  const magnitude = Math.min(3, Math.floor(Math.log10(Math.max(1, count))));
  return kiosk ? 56 + 10 * magnitude : 36 + 8 * magnitude;
}

/** Accessible name of a cluster marker: what it holds and what activating it does. */
export function clusterLabel(count: number): string {
  return `${formatInteger(count)} ${count < 2 ? 'projet' : 'projets'} — zoomer`;
}

/** Which public page a marker leads to. */
export interface PublicProjectRef {
  kind: PublicProjectKind;
  slug: string;
}

/** `/projets/:slug` for a commune's project, `/projets-du-departement/:slug` for one of the département. */
export function publicProjectPath(project: PublicProjectRef): string {
  const base = project.kind === 'DEPARTEMENT' ? '/projets-du-departement' : '/projets';
  return `${base}/${encodeURIComponent(project.slug)}`;
}

/** The same address as router commands. */
export function publicProjectCommands(project: PublicProjectRef): string[] {
  return [project.kind === 'DEPARTEMENT' ? '/projets-du-departement' : '/projets', project.slug];
}

/** Accessible name of a project's marker: its title, and whose project it is when it is the département's. */
export function projectMarkerLabel(project: Pick<PublicMapProjectProperties, 'kind' | 'title'>): string {
  return project.kind === 'DEPARTEMENT' ? `${project.title} — Projet du Département` : project.title;
}
