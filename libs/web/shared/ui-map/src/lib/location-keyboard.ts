import type { LatLng } from '@passerelle/shared/dto';

/** One arrow press moves the point about this far; with Shift, ten times as far. */
export const KEYBOARD_STEP_METRES = 10;
const METRES_PER_DEGREE = 111_320;

const DIRECTIONS: Record<string, [north: number, east: number]> = {
  ArrowUp: [1, 0],
  ArrowDown: [-1, 0],
  ArrowRight: [0, 1],
  ArrowLeft: [0, -1],
};

/**
 * Where an arrow key moves a point: `KEYBOARD_STEP_METRES` north, south, east or west (ten times more with
 * Shift), rounded to six decimals like a click. `null` for any other key.
 */
export function movedByKey(point: LatLng, key: string, large: boolean): LatLng | null {
  const direction = DIRECTIONS[key];
  if (!direction) {
    return null;
  }
  const metres = KEYBOARD_STEP_METRES * (large ? 10 : 1);
  const [north, east] = direction;
  // A degree of longitude shrinks with the cosine of the latitude.
  const lngDegree = METRES_PER_DEGREE * Math.max(Math.cos((point.lat * Math.PI) / 180), 0.01);
  return {
    lat: round6(point.lat + (north * metres) / METRES_PER_DEGREE),
    lng: round6(point.lng + (east * metres) / lngDegree),
  };
}

/**
 * The point in words for a screen reader, e.g. « Position : 48,9712 N, 1,9934 E — dans la commune ».
 * `inside` is `null` when there is no outline to compare with.
 */
export function describePosition(point: LatLng, inside: boolean | null): string {
  const lat = `${degrees(point.lat)} ${point.lat >= 0 ? 'N' : 'S'}`;
  const lng = `${degrees(point.lng)} ${point.lng >= 0 ? 'E' : 'O'}`;
  const where =
    inside === null ? '' : inside ? ' — dans la commune' : ' — hors de la commune : le point n’est pas retenu';
  return `Position : ${lat}, ${lng}${where}`;
}

function degrees(value: number): string {
  return Math.abs(value).toFixed(4).replace('.', ',');
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
