import type { PublicProjectKind } from './departement-projects';
import type { ProjectStatus, ProjectTheme } from './projects';

/**
 * The public portal (`/api/public/…`, no account): published projects only, as the agent reviewed them. An
 * unpublished, withdrawn or non-completed project is absent from every route (404 by slug).
 */

/** One published project in a list: search results, latest publications, "projets similaires". */
export interface PublicProjectSummaryDto {
  slug: string;
  title: string;
  summary: string;
  theme: ProjectTheme;
  status: ProjectStatus;
  /** Year of completion (end date), or of publication when the fiche has none. */
  year: number | null;
  commune: { insee: string; name: string };
  cantonName: string | null;
  location: { lat: number; lng: number } | null;
  finalCostCents: number | null;
  /** Thumbnail of the first public photo (`/api/public/documents/:id/thumbnail`), if any. */
  coverUrl: string | null;
  publishedAt: string;
}

export const PUBLIC_SORTS = ['recent', 'relevance'] as const;
export type PublicSort = (typeof PUBLIC_SORTS)[number];

/** Filters shared by the list, the map and the downloads. Every one is optional; they combine with AND. */
export interface PublicProjectFilters {
  /** French full-text search: accents and case ignored ("ecole" finds "École"). */
  q?: string;
  theme?: ProjectTheme;
  /** Canton code, e.g. `9510`. */
  canton?: string;
  /** Commune INSEE code. */
  commune?: string;
  year?: number;
  status?: ProjectStatus;
  /** Limit to one département (an installation may host several). */
  departement?: string;
}

export interface PublicProjectListQuery extends PublicProjectFilters {
  /** `west,south,east,north` in degrees (WGS84): only projects located inside. */
  bbox?: string;
  /** `relevance` (the default with `q`) or `recent` (the default without). */
  sort?: PublicSort;
  limit?: number;
  offset?: number;
}

/** `GET /api/public/projects.geojson`: clusters and single projects for one view of the map. */
export interface PublicMapQuery extends PublicProjectFilters {
  /** Only the communes' projects or only the département's; both when absent. */
  kind?: PublicProjectKind;
  /** A programme axis id: the département's projects of that axis only. */
  axis?: string;
  /** `west,south,east,north`; the whole département when absent. */
  bbox?: string;
  /** Leaflet zoom level of the view (0–20). */
  zoom?: number;
}

/** A map view never holds more features than this, whatever the bbox and zoom. */
export const PUBLIC_MAP_MAX_FEATURES = 300;

export interface PublicMapClusterProperties {
  cluster: true;
  clusterId: number;
  count: number;
  /** The zoom at which the cluster splits: a click zooms there. */
  expansionZoom: number;
}

export interface PublicMapProjectProperties {
  cluster: false;
  /** `COMMUNE`: the page is `/projets/:slug`; `DEPARTEMENT`: `/projets-du-departement/:slug`. */
  kind: PublicProjectKind;
  slug: string;
  title: string;
  theme: ProjectTheme;
  /** The commune; for a project of the département, its cantons (« Cantons de Pontoise et de Cergy-1 »). */
  communeName: string;
  year: number | null;
  /** The département's projects: their status, shown on the marker's card (« En cours, 40 % »). */
  status?: ProjectStatus;
  progress?: number;
}

export interface PublicMapFeature {
  type: 'Feature';
  /** `[longitude, latitude]` */
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: PublicMapClusterProperties | PublicMapProjectProperties;
}

export interface PublicMapDto {
  type: 'FeatureCollection';
  features: PublicMapFeature[];
  /** Located projects matching the filters, in the whole département (not only the view). */
  total: number;
  /** The zoom the clusters were made for (lower than asked when the view would have held too many features). */
  zoom: number;
}

/** Open data (CSV and GeoJSON of published projects), under the Licence Ouverte 2.0. */
export const OPEN_DATA_LICENCE = {
  name: 'Licence Ouverte / Open Licence version 2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;

/**
 * The documented columns of the open-data files, in order (the CSV header; the GeoJSON properties). Nothing
 * personal: no names, no e-mails, no internal notes; funding only when the commune chose to show it.
 */
export const OPEN_DATA_COLUMNS = [
  { name: 'identifiant', type: 'texte', description: 'Identifiant stable du projet publié ; c’est aussi la fin de l’adresse de sa page.' },
  { name: 'titre', type: 'texte', description: 'Titre du projet.' },
  { name: 'resume', type: 'texte', description: 'Résumé en quelques lignes.' },
  { name: 'theme', type: 'code', description: 'Thème du projet (code, par exemple ECOLES_PETITE_ENFANCE).' },
  { name: 'theme_libelle', type: 'texte', description: 'Thème du projet en clair.' },
  { name: 'statut', type: 'texte', description: 'Statut du projet en clair (Réalisé).' },
  { name: 'annee', type: 'entier', description: 'Année de réalisation (fin des travaux, sinon année de publication).' },
  { name: 'date_debut', type: 'date', description: 'Date de début (AAAA-MM-JJ), si connue.' },
  { name: 'date_fin', type: 'date', description: 'Date de fin (AAAA-MM-JJ), si connue.' },
  { name: 'commune_insee', type: 'code', description: 'Code officiel géographique (INSEE) de la commune.' },
  { name: 'commune_nom', type: 'texte', description: 'Nom de la commune.' },
  { name: 'canton', type: 'texte', description: 'Canton de la commune.' },
  { name: 'departement', type: 'code', description: 'Code du département.' },
  { name: 'latitude', type: 'nombre', description: 'Latitude du projet (WGS84), si localisé.' },
  { name: 'longitude', type: 'nombre', description: 'Longitude du projet (WGS84), si localisé.' },
  { name: 'cout_previsionnel_euros', type: 'nombre', description: 'Coût prévisionnel en euros, si renseigné.' },
  { name: 'cout_final_euros', type: 'nombre', description: 'Coût final en euros, si renseigné.' },
  {
    name: 'aides_publiques_euros',
    type: 'nombre',
    description: 'Total des aides publiques obtenues en euros ; vide quand la commune ne publie pas son financement.',
  },
  { name: 'financeurs', type: 'texte', description: 'Financeurs et dispositifs obtenus, séparés par « ; » ; vide quand la commune ne les publie pas.' },
  { name: 'url', type: 'texte', description: 'Adresse de la page publique du projet.' },
  { name: 'date_publication', type: 'date', description: 'Date de première publication (AAAA-MM-JJ).' },
  { name: 'date_relecture', type: 'date', description: 'Date de la dernière relecture par le département (AAAA-MM-JJ).' },
] as const;

export type OpenDataColumn = (typeof OPEN_DATA_COLUMNS)[number]['name'];

/** Consultations of a published project, counted per day (no cookie, no address, nothing about the visitor). */
export interface PublicationViewsDto {
  total: number;
  last30Days: number;
  /** The last 30 days, oldest first, days without a visit included. */
  daily: { day: string; count: number }[];
}

/** One project waiting for the département's review (`GET /api/publication/queue`). */
export interface PublicationQueueItemDto {
  projectId: string;
  title: string;
  theme: ProjectTheme;
  commune: { insee: string; name: string };
  /** When the commune's request (with the mayor's consent) arrived. */
  requestedAt: string;
  /** Already online: the review is of changes to a published fiche. */
  republication: boolean;
}
