import type { LatLng, Outline } from '@passerelle/shared/dto';

type Ring = number[][];

/**
 * Whether a point lies inside a commune outline (GeoJSON Polygon or MultiPolygon, holes included), by ray casting
 * on longitude/latitude: at a commune's scale the flat approximation is far below a click's precision.
 */
export function pointInOutline(point: LatLng, outline: Outline): boolean {
  const polygons: Ring[][] = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
  return polygons.some(
    ([exterior, ...holes]) =>
      exterior !== undefined && inRing(point, exterior) && !holes.some((hole) => inRing(point, hole)),
  );
}

function inRing({ lat, lng }: LatLng, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}
