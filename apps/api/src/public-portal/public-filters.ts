import type { ProjectStatus, ProjectTheme, PublicProjectFilters, PublicProjectSummaryDto } from '@passerelle/shared/dto';
import type { SqlParams } from '../common/sql/sql-params';

/**
 * The WHERE clause of the public filters, its values bound in `params`. Every value is a bound parameter; the text
 * search goes through `websearch_to_tsquery`, which accepts any input.
 */
export function publicFilterSql(filters: PublicProjectFilters, params: SqlParams, bbox: [number, number, number, number] | null = null): string {
  const where: string[] = [];
  if (filters.departement) {
    where.push(`pp.departement_code = ${params.add(filters.departement)}`);
  }
  if (filters.theme) {
    where.push(`pp.theme = ${params.add(filters.theme)}`);
  }
  if (filters.canton) {
    where.push(`pp.canton_code = ${params.add(filters.canton)}`);
  }
  if (filters.commune) {
    where.push(`pp.commune_insee = ${params.add(filters.commune)}`);
  }
  if (filters.year) {
    where.push(`pp.year = ${params.add(filters.year)}`);
  }
  if (filters.status) {
    where.push(`pp.status = ${params.add(filters.status)}`);
  }
  const q = searchText(filters.q);
  if (q) {
    where.push(`pp.search @@ websearch_to_tsquery('public.french_unaccent', ${params.add(q)})`);
  }
  if (bbox) {
    const [west, south, east, north] = bbox;
    where.push(`pp.longitude BETWEEN ${params.add(west)} AND ${params.add(east)} AND pp.latitude BETWEEN ${params.add(south)} AND ${params.add(north)}`);
  }
  return where.length ? where.join(' AND ') : 'true';
}

export function searchText(q: string | undefined): string | null {
  return q?.trim() ? q.trim() : null;
}

/** The columns of a public summary, read from the reviewed snapshot (never from the live fiche). */
export const SUMMARY_COLUMNS = `
  pp.slug, pp.snapshot ->> 'title' AS title, pp.snapshot ->> 'summary' AS summary, pp.theme, pp.status, pp.year,
  pp.commune_insee, pp.snapshot -> 'commune' ->> 'name' AS commune_name, pp.snapshot -> 'commune' ->> 'cantonName' AS canton_name,
  pp.latitude, pp.longitude, (pp.snapshot ->> 'finalCostCents')::bigint AS final_cost_cents,
  pp.snapshot -> 'photos' -> 0 ->> 'thumbnailUrl' AS cover_url, pp.published_at`;

export interface SummaryRow {
  slug: string;
  title: string;
  summary: string;
  theme: ProjectTheme;
  status: ProjectStatus;
  year: number | null;
  commune_insee: string;
  commune_name: string;
  canton_name: string | null;
  latitude: number | null;
  longitude: number | null;
  final_cost_cents: string | null;
  cover_url: string | null;
  published_at: Date;
}

export function mapSummary(row: SummaryRow): PublicProjectSummaryDto {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    theme: row.theme,
    status: row.status,
    year: row.year,
    commune: { insee: row.commune_insee, name: row.commune_name },
    cantonName: row.canton_name,
    location: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude } : null,
    finalCostCents: row.final_cost_cents === null ? null : Number(row.final_cost_cents),
    coverUrl: row.cover_url,
    publishedAt: row.published_at.toISOString(),
  };
}
