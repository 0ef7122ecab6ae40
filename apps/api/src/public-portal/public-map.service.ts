import { Injectable } from '@nestjs/common';
import Supercluster from 'supercluster';
import { PUBLIC_MAP_MAX_FEATURES, type PublicMapDto, type PublicMapFeature, type PublicMapProjectProperties } from '@passerelle/shared/dto';
import { parseBbox, type PublicMapQueryDto } from './dto/public-query.dto';
import { cantonsLabel } from './cantons-label';
import { deptFiltersOf, PublicDeptProjectsRepository } from './public-dept-projects.repository';
import { PublicPortalRepository } from './public-portal.repository';
import { GenerationCache, PublishedSet } from './published-set';

type PointProperties = Omit<PublicMapProjectProperties, 'cluster'>;

interface ClusterIndex {
  clusters: Supercluster<PointProperties>;
  total: number;
  /** Extent of the points, the default view. */
  bounds: [number, number, number, number] | null;
}

const DEFAULT_ZOOM = 9;
/** Kept filter combinations; each holds one index of its points. */
const MAX_INDEXES = 32;

/**
 * Clustered markers for the public map: the communes' published projects and the département's public projects
 * (`kind`), together or apart. Per filter combination, the located projects are loaded once into a supercluster
 * index in memory; a view (bbox and zoom) is then answered from memory. An index is rebuilt when the published set
 * has changed (a publication, a reviewed report, an edited fiche, a withdrawal or a deletion), so every instance
 * sees it on its next request.
 */
@Injectable()
export class PublicMapService {
  private readonly indexes = new GenerationCache<ClusterIndex>(MAX_INDEXES);

  constructor(
    private readonly repository: PublicPortalRepository,
    private readonly deptRepository: PublicDeptProjectsRepository,
    private readonly published: PublishedSet,
  ) {}

  async view(query: PublicMapQueryDto): Promise<PublicMapDto> {
    const index = await this.index(query);
    const bbox = parseBbox(query.bbox) ?? index.bounds ?? [-180, -85, 180, 85];
    // A view never holds more than the cap: zoom out (bigger clusters) until it fits.
    let zoom = query.zoom ?? DEFAULT_ZOOM;
    let features = index.clusters.getClusters(bbox, zoom);
    while (features.length > PUBLIC_MAP_MAX_FEATURES && zoom > 0) {
      zoom--;
      features = index.clusters.getClusters(bbox, zoom);
    }
    return {
      type: 'FeatureCollection',
      features: features.slice(0, PUBLIC_MAP_MAX_FEATURES).map((feature): PublicMapFeature => {
        const coordinates = feature.geometry.coordinates as [number, number];
        const properties = feature.properties as Supercluster.ClusterProperties | PointProperties;
        if ('cluster' in properties && properties.cluster) {
          return {
            type: 'Feature',
            geometry: { type: 'Point', coordinates },
            properties: {
              cluster: true,
              clusterId: properties.cluster_id,
              count: properties.point_count,
              expansionZoom: Math.min(index.clusters.getClusterExpansionZoom(properties.cluster_id), 20),
            },
          };
        }
        return { type: 'Feature', geometry: { type: 'Point', coordinates }, properties: { cluster: false, ...(properties as PointProperties) } };
      }),
      total: index.total,
      zoom,
    };
  }

  private async index(query: PublicMapQueryDto): Promise<ClusterIndex> {
    const key = JSON.stringify([
      query.kind ?? null,
      query.axis?.toLowerCase() ?? null,
      query.departement,
      query.theme,
      query.canton,
      query.commune,
      query.year,
      query.status,
      query.q?.trim() || null,
    ]);
    return this.indexes.get(key, await this.published.generation(), () => this.build(query));
  }

  /**
   * An axis is the département's programme: it keeps only the département's projects. A commune is the communes':
   * it keeps only theirs (a département project is placed by cantons, not by commune).
   */
  private async build(query: PublicMapQueryDto): Promise<ClusterIndex> {
    const communes = query.kind !== 'DEPARTEMENT' && !query.axis;
    const departement = query.kind !== 'COMMUNE' && !query.commune;
    const [communeRows, deptRows] = await Promise.all([
      communes ? this.repository.mapPoints(query) : [],
      departement ? this.deptRepository.mapPoints(deptFiltersOf(query)) : [],
    ]);
    const points: Supercluster.PointFeature<PointProperties>[] = [
      ...communeRows.map((r) =>
        point(r, { kind: 'COMMUNE', slug: r.slug, title: r.title, theme: r.theme, communeName: r.commune_name, year: r.year }),
      ),
      ...deptRows.map((r) =>
        point(r, {
          kind: 'DEPARTEMENT',
          slug: r.slug,
          title: r.title,
          theme: r.theme,
          communeName: cantonsLabel(r.canton_names),
          year: r.year,
          status: r.status,
          progress: r.progress,
        }),
      ),
    ];
    // Radius in pixels of Leaflet's 256-pixel tiles; beyond zoom 17 every project stands alone.
    const clusters = new Supercluster<PointProperties>({ radius: 60, extent: 256, maxZoom: 17 });
    clusters.load(points);
    return { clusters, total: points.length, bounds: extent([...communeRows, ...deptRows]) };
  }
}

function point(at: { longitude: number; latitude: number }, properties: PointProperties): Supercluster.PointFeature<PointProperties> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [at.longitude, at.latitude] }, properties };
}

function extent(points: { longitude: number; latitude: number }[]): [number, number, number, number] | null {
  if (!points.length) {
    return null;
  }
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    west = Math.min(west, p.longitude);
    east = Math.max(east, p.longitude);
    south = Math.min(south, p.latitude);
    north = Math.max(north, p.latitude);
  }
  return [west, south, east, north];
}
