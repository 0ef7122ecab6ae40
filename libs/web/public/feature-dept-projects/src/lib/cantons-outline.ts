import type { CantonFeatureCollection, Outline } from '@passerelle/shared/dto';

/** The outlines of the given cantons as one shape, for the project's small map; `null` when none is found. */
export function cantonsOutline(collection: CantonFeatureCollection | null, codes: readonly string[]): Outline | null {
  if (!collection || codes.length === 0) {
    return null;
  }
  const polygons: Extract<Outline, { type: 'MultiPolygon' }>['coordinates'] = [];
  for (const feature of collection.features) {
    if (!codes.includes(feature.properties.code)) {
      continue;
    }
    const geometry = feature.geometry;
    if (geometry.type === 'Polygon') {
      polygons.push(geometry.coordinates);
    } else {
      polygons.push(...geometry.coordinates);
    }
  }
  return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : null;
}
