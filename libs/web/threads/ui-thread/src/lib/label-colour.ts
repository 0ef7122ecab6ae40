import { COLOUR_PATTERN } from '@passerelle/shared/dto';

/** Shown for a colour the API should never send (not `#rrggbb`): a light grey, so that the name stays readable. */
export const FALLBACK_LABEL_COLOUR = '#e0e0e0';

const DARK_TEXT = '#000000';
const LIGHT_TEXT = '#ffffff';

/** The label's colour when it is a valid `#rrggbb` (case ignored), the neutral grey otherwise. */
export function safeLabelColour(colour: string): string {
  const lower = colour.trim().toLowerCase();
  return COLOUR_PATTERN.test(lower) ? lower : FALLBACK_LABEL_COLOUR;
}

/** WCAG 2.1 relative luminance of a `#rrggbb` colour, from 0 (black) to 1 (white). */
export function relativeLuminance(colour: string): number {
  const hex = safeLabelColour(colour);
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Black or white, whichever reads better on the label's colour. One of the two always reaches at least 4.5:1 (the
 * WCAG AA ratio for text), whatever colour an admin picked.
 */
export function labelTextColour(background: string): typeof DARK_TEXT | typeof LIGHT_TEXT {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}
