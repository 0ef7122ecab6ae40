import type { PublicProjectKind } from '@passerelle/shared/dto';

/**
 * The markers of the two kinds of projects, in a 24 × 32 box: a round pin with a dot for a commune's project, a
 * square pin with a diamond for the département's. Shared by the map and its legend so that they never differ.
 */
export const PROJECT_PIN_SHAPES: Record<PublicProjectKind, { body: string; sign: string }> = {
  COMMUNE: {
    body: 'M12 1C6 1 1 5.9 1 12c0 8.3 11 19 11 19s11-10.7 11-19C23 5.9 18 1 12 1z',
    sign: 'M12 7.5a4.5 4.5 0 1 0 0 9a4.5 4.5 0 1 0 0-9z',
  },
  DEPARTEMENT: {
    body: 'M4 1h16a3 3 0 0 1 3 3v15a3 3 0 0 1-3 3h-4.5L12 31l-3.5-9H4a3 3 0 0 1-3-3V4a3 3 0 0 1 3-3z',
    sign: 'M12 5.5l6 6-6 6-6-6z',
  },
};
