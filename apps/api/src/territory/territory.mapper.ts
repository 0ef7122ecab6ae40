import type { CantonDto, CommuneDto, CommuneSummaryDto, DepartementDetailDto, DepartementDto, Outline } from '@passerelle/shared/dto';

/** Row shapes of the territory queries (snake_case as PostgreSQL returns them). */
export interface DepartementRow {
  code: string;
  name: string;
  eligibility_threshold: number;
  commune_count: string;
  eligible_commune_count: string;
  canton_count: string;
  outline?: Outline | null;
}

export interface CommuneRow {
  insee: string;
  name: string;
  population: number;
  postcodes: string[];
  eligible: boolean;
  departement_code: string;
  latitude: number | null;
  longitude: number | null;
  canton_code: string | null;
  canton_name: string | null;
  epci_siren: string | null;
  epci_name: string | null;
}

export interface CommuneDetailRow extends CommuneRow {
  siren: string | null;
  departement_name: string;
  outline: Outline | null;
}

export interface CantonRow {
  code: string;
  name: string;
  departement_code: string;
  commune_count: string;
}

export function mapDepartement(row: DepartementRow): DepartementDto {
  return {
    code: row.code,
    name: row.name,
    eligibilityThreshold: row.eligibility_threshold,
    // count(*) is a bigint, which node-postgres returns as a string.
    communeCount: Number(row.commune_count),
    eligibleCommuneCount: Number(row.eligible_commune_count),
    cantonCount: Number(row.canton_count),
  };
}

export function mapDepartementDetail(row: DepartementRow): DepartementDetailDto {
  return { ...mapDepartement(row), outline: row.outline ?? null };
}

export function mapCommuneSummary(row: CommuneRow): CommuneSummaryDto {
  return {
    insee: row.insee,
    name: row.name,
    population: row.population,
    postcodes: row.postcodes,
    eligible: row.eligible,
    departementCode: row.departement_code,
    canton: row.canton_code && row.canton_name ? { code: row.canton_code, name: row.canton_name } : null,
    epci: row.epci_siren && row.epci_name ? { siren: row.epci_siren, name: row.epci_name } : null,
    center: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude } : null,
  };
}

export function mapCommune(row: CommuneDetailRow): CommuneDto {
  return {
    ...mapCommuneSummary(row),
    siren: row.siren,
    departement: { code: row.departement_code, name: row.departement_name },
    outline: row.outline,
  };
}

export function mapCanton(row: CantonRow): CantonDto {
  return {
    code: row.code,
    name: row.name,
    departementCode: row.departement_code,
    communeCount: Number(row.commune_count),
  };
}
