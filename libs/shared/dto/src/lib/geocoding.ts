/** `GET /api/geocode?q=…&insee=…`: addresses of one commune, from the Base Adresse Nationale. */
export interface GeocodeQuery {
  /** What the user typed: a number and street, a place name… */
  q: string;
  /** The commune the results are limited to. */
  insee: string;
}

/** How precise a result is, as the Base Adresse Nationale says (`housenumber`, `street`, `locality`, `municipality`). */
export type GeocodeResultType = 'housenumber' | 'street' | 'locality' | 'municipality';

export interface GeocodeResultDto {
  /** Full address in words, e.g. « 8 Rue de la Mairie 95450 Ableiges ». */
  label: string;
  lat: number;
  lng: number;
  /** Relevance between 0 and 1. */
  score: number;
  type: GeocodeResultType;
}

export interface GeocodeResponse {
  items: GeocodeResultDto[];
}

/** The Base Adresse Nationale refuses queries under 3 characters and over 200. */
export const GEOCODE_QUERY_LIMITS = { min: 3, max: 200, results: 5 } as const;
