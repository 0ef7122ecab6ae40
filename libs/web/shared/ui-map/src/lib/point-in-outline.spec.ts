import type { Outline } from '@passerelle/shared/dto';
import { pointInOutline } from './point-in-outline';

/** A 1°×1° square from (2, 49), with a 0.2° hole in its middle, and a separate island to the east. */
const commune: Outline = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [2, 49],
        [3, 49],
        [3, 50],
        [2, 50],
        [2, 49],
      ],
      [
        [2.4, 49.4],
        [2.6, 49.4],
        [2.6, 49.6],
        [2.4, 49.6],
        [2.4, 49.4],
      ],
    ],
    [
      [
        [4, 49],
        [4.5, 49],
        [4.5, 49.5],
        [4, 49],
      ],
    ],
  ],
};

describe('pointInOutline', () => {
  it('accepts a point inside the outline', () => {
    expect(pointInOutline({ lat: 49.2, lng: 2.2 }, commune)).toBe(true);
    expect(pointInOutline({ lat: 49.1, lng: 4.4 }, commune)).toBe(true);
  });

  it('refuses a point outside, in a hole or beside the island', () => {
    expect(pointInOutline({ lat: 49.2, lng: 1.9 }, commune)).toBe(false);
    expect(pointInOutline({ lat: 50.1, lng: 2.5 }, commune)).toBe(false);
    expect(pointInOutline({ lat: 49.5, lng: 2.5 }, commune)).toBe(false);
    expect(pointInOutline({ lat: 49.4, lng: 4.1 }, commune)).toBe(false);
  });

  it('reads a plain polygon too', () => {
    const square: Outline = { type: 'Polygon', coordinates: commune.coordinates[0] as number[][][] };
    expect(pointInOutline({ lat: 49.9, lng: 2.9 }, square)).toBe(true);
    expect(pointInOutline({ lat: 49.5, lng: 3.1 }, square)).toBe(false);
  });
});
