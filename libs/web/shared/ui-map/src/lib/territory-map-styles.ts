import type { PathOptions } from 'leaflet';

/**
 * Colours of the two kinds of communes. Blue and orange stay distinct for the common colour-vision deficiencies
 * and both reach 3:1 against the white background (WCAG 1.4.11 for graphical objects).
 */
export const MAP_COLORS = {
  eligible: '#1f5fbf',
  ineligible: '#c25e00',
  canton: '#1b1b1f',
  highlight: '#1b1b1f',
} as const;

export type CommuneState = 'idle' | 'hovered' | 'selected';

export function communeStyle(eligible: boolean, state: CommuneState): PathOptions {
  const color = eligible ? MAP_COLORS.eligible : MAP_COLORS.ineligible;
  switch (state) {
    case 'idle':
      return { color, weight: 1, opacity: 0.9, fillColor: color, fillOpacity: 0.3 };
    case 'hovered':
      return { color: MAP_COLORS.highlight, weight: 2.5, opacity: 1, fillColor: color, fillOpacity: 0.55 };
    case 'selected':
      return { color: MAP_COLORS.highlight, weight: 4, opacity: 1, fillColor: color, fillOpacity: 0.75 };
  }
}

/** Canton and département limits: lines only, drawn above the communes. */
export const cantonStyle: PathOptions = {
  color: MAP_COLORS.canton,
  weight: 2.5,
  opacity: 0.85,
  fill: false,
  interactive: false,
};

export const boundaryStyle: PathOptions = { ...cantonStyle, weight: 4, opacity: 1 };
