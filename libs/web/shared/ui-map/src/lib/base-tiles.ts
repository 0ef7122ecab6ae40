import type * as Leaflet from 'leaflet';

/**
 * Puts the base map's tiles in place of `current`, or none without a URL. They are an independent layer: when
 * tiles fail (offline, blocked host) the outlines and markers drawn above are unaffected.
 */
export function replaceBaseTiles(
  L: typeof Leaflet,
  map: Leaflet.Map,
  current: Leaflet.TileLayer | null,
  url: string | null,
  attribution: string,
): Leaflet.TileLayer | null {
  current?.remove();
  return url ? L.tileLayer(url, { maxZoom: 19, attribution }).addTo(map) : null;
}
