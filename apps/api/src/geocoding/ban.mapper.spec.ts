import { mapBanResults } from './ban.mapper';

const feature = (overrides: { coordinates?: unknown; properties?: Record<string, unknown> } = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: overrides.coordinates ?? [1.9852, 49.0905] },
  properties: { label: '8 Rue de la Mairie 95450 Ableiges', score: 0.9, type: 'housenumber', citycode: '95002', ...overrides.properties },
});

describe(mapBanResults.name, () => {
  it('turns [lon, lat] into lat/lng and keeps label, score and type', () => {
    expect(mapBanResults({ type: 'FeatureCollection', features: [feature()] }, '95002', 5)).toEqual([
      { label: '8 Rue de la Mairie 95450 Ableiges', lat: 49.0905, lng: 1.9852, score: 0.9, type: 'housenumber' },
    ]);
  });

  it('drops malformed features and other communes’ results, and stops at the limit', () => {
    const body = {
      features: [
        feature({ coordinates: ['1', 49] }),
        feature({ coordinates: [1.98, 91] }),
        feature({ properties: { label: '' } }),
        feature({ properties: { type: 'poi' } }),
        feature({ properties: { citycode: '95127' } }),
        null,
        feature({ properties: { label: 'A' } }),
        feature({ properties: { label: 'B' } }),
        feature({ properties: { label: 'C' } }),
      ],
    };
    expect(mapBanResults(body, '95002', 2).map((r) => r.label)).toEqual(['A', 'B']);
  });

  it('answers no result for a body that is not a FeatureCollection', () => {
    expect(mapBanResults(null, '95002', 5)).toEqual([]);
    expect(mapBanResults({ features: 'x' }, '95002', 5)).toEqual([]);
    expect(mapBanResults([], '95002', 5)).toEqual([]);
  });
});
