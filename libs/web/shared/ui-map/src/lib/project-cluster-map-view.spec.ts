import { clusterIconSize, clusterLabel, formatBbox, outlineBounds } from './project-cluster-map-view';

describe('project map view helpers', () => {
  it('finds the extent of a multipolygon', () => {
    expect(
      outlineBounds({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [1.6, 49.0],
              [2.0, 48.9],
              [1.7, 49.3],
              [1.6, 49.0],
            ],
          ],
          [
            [
              [2.5, 49.1],
              [2.6, 49.2],
              [2.55, 49.05],
              [2.5, 49.1],
            ],
          ],
        ],
      }),
    ).toEqual({ west: 1.6, south: 48.9, east: 2.6, north: 49.3 });
    expect(outlineBounds({ type: 'Polygon', coordinates: [] })).toBeNull();
  });

  it('writes the bbox the API accepts: rounded, clamped to the world', () => {
    expect(formatBbox({ west: 1.6000004, south: 48.91234567, east: 2.6, north: 49.3 })).toBe('1.6,48.91235,2.6,49.3');
    expect(formatBbox({ west: -200.5, south: -95, east: 212, north: 91 })).toBe('-180,-90,180,90');
    expect(formatBbox({ west: -0.000001, south: 0, east: 1, north: 1 })).toBe('0,0,1,1');
  });

  it('sizes clusters by order of magnitude, bigger on a touch desk', () => {
    expect([2, 9, 10, 99, 100, 5000].map((count) => clusterIconSize(count, false))).toEqual([36, 36, 44, 44, 52, 60]);
    expect(clusterIconSize(12, true)).toBe(66);
    expect(clusterIconSize(2, true)).toBeGreaterThanOrEqual(56);
  });

  it('names a cluster by what it holds and does', () => {
    expect(clusterLabel(12)).toBe('12 projets — zoomer');
    expect(clusterLabel(1200)).toBe('1\u202f200 projets — zoomer');
  });
});
