import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type Outline = Polygon | MultiPolygon;

/** Default eligibility threshold: communes under this population are "small communes". */
export const DEFAULT_ELIGIBILITY_THRESHOLD = 5000;

export interface LatLng {
  lat: number;
  lng: number;
}

export interface DepartementDto {
  code: string;
  name: string;
  /** Communes with a population strictly under this number are eligible. */
  eligibilityThreshold: number;
  communeCount: number;
  eligibleCommuneCount: number;
  cantonCount: number;
}

export interface DepartementDetailDto extends DepartementDto {
  /** Outline of the département, `null` when no contour was imported. */
  outline: Outline | null;
}

export interface CantonDto {
  code: string;
  name: string;
  departementCode: string;
  communeCount: number;
}

export interface EpciDto {
  siren: string;
  name: string;
}

export interface CommuneSummaryDto {
  insee: string;
  name: string;
  population: number;
  postcodes: string[];
  eligible: boolean;
  departementCode: string;
  canton: { code: string; name: string } | null;
  epci: EpciDto | null;
  /** Interior point (always inside the outline), `null` when no contour was imported. */
  center: LatLng | null;
}

export interface CommuneDto extends CommuneSummaryDto {
  siren: string | null;
  departement: { code: string; name: string };
  outline: Outline | null;
}

export interface CommuneListQuery {
  eligible?: boolean;
  q?: string;
  canton?: string;
  limit?: number;
  offset?: number;
}

/** Properties of each feature of `GET /api/departements/:code/communes.geojson`. */
export interface CommuneFeatureProperties {
  insee: string;
  name: string;
  population: number;
  eligible: boolean;
  cantonCode: string | null;
}

/** Properties of each feature of `GET /api/departements/:code/cantons.geojson`. */
export interface CantonFeatureProperties {
  code: string;
  name: string;
  communeCount: number;
}

export type CommuneFeatureCollection = FeatureCollection<Outline, CommuneFeatureProperties>;
export type CantonFeatureCollection = FeatureCollection<Outline, CantonFeatureProperties>;
export type CommuneFeature = Feature<Outline, CommuneFeatureProperties>;

/** INSEE commune code: 5 digits, or 2A/2B + 3 digits for Corsica. */
export const INSEE_CODE_PATTERN = /^(?:\d{5}|2[AB]\d{3})$/;
/** Département code: 2 digits, 2A/2B, or 3 digits overseas (971…976). */
export const DEPARTEMENT_CODE_PATTERN = /^(?:\d{2}|2[AB]|97\d)$/;
