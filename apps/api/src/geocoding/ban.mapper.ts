import type { GeocodeResultDto, GeocodeResultType } from '@passerelle/shared/dto';

const TYPES: readonly GeocodeResultType[] = ['housenumber', 'street', 'locality', 'municipality'];

/**
 * The results of the Base Adresse Nationale's `/search/` (a GeoJSON FeatureCollection, coordinates as
 * [lon, lat]) as the shared DTO. The answer comes from outside: anything malformed is dropped, not trusted, and a
 * result in another commune (the `citycode` filter is the BAN's, not ours) is left out.
 */
export function mapBanResults(body: unknown, insee: string, limit: number): GeocodeResultDto[] {
  const features = isRecord(body) && Array.isArray(body['features']) ? body['features'] : [];
  const results: GeocodeResultDto[] = [];
  for (const feature of features) {
    const result = mapFeature(feature, insee);
    if (result) {
      results.push(result);
    }
    if (results.length === limit) {
      break;
    }
  }
  return results;
}

function mapFeature(feature: unknown, insee: string): GeocodeResultDto | null {
  if (!isRecord(feature) || !isRecord(feature['geometry']) || !isRecord(feature['properties'])) {
    return null;
  }
  const coordinates = feature['geometry']['coordinates'];
  const { label, score, type, citycode } = feature['properties'];
  if (!Array.isArray(coordinates) || coordinates.length < 2) {
    return null;
  }
  const [lng, lat] = coordinates;
  if (!isFiniteNumber(lng) || !isFiniteNumber(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return null;
  }
  if (typeof label !== 'string' || label.trim() === '' || !TYPES.includes(type as GeocodeResultType)) {
    return null;
  }
  if (citycode !== undefined && citycode !== insee) {
    return null;
  }
  return {
    label: label.trim().slice(0, 300),
    lat,
    lng,
    score: isFiniteNumber(score) ? Math.min(1, Math.max(0, score)) : 0,
    type: type as GeocodeResultType,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
