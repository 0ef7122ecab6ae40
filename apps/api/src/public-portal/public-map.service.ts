import { Injectable } from '@nestjs/common';
import Supercluster from 'supercluster';
import { PUBLIC_MAP_MAX_FEATURES, type PublicMapDto, type PublicMapFeature, type PublicMapProjectProperties } from '@passerelle/shared/dto';
import { parseBbox, type PublicMapQueryDto } from './dto/public-query.dto';
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
 * Clustered markers for the public map. Per filter combination, the located projects are loaded once into a
 * supercluster index in memory; a view (bbox and zoom) is then answered from memory. An index is rebuilt when the
 * published set has changed, so every instance sees publications and withdrawals on its next request.
 */
@Injectable()
export class PublicMapService {
  private readonly indexes = new GenerationCache<ClusterIndex>(MAX_INDEXES);

  constructor(
    private readonly repository: PublicPortalRepository,
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
    const key = JSON.stringify([query.departement, query.theme, query.canton, query.commune, query.year, query.status, query.q?.trim() || null]);
    return this.indexes.get(key, await this.published.generation(), () => this.build(query));
  }

  private async build(query: PublicMapQueryDto): Promise<ClusterIndex> {
    const rows = await this.repository.mapPoints(query);
    // Radius in pixels of Leaflet's 256-pixel tiles; beyond zoom 17 every project stands alone.
    const clusters = new Supercluster<PointProperties>({ radius: 60, extent: 256, maxZoom: 17 });
    clusters.load(
      rows.map((r) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [r.longitude, r.latitude] },
        properties: { slug: r.slug, title: r.title, theme: r.theme, communeName: r.commune_name, year: r.year },
      })),
    );
    return { clusters, total: rows.length, bounds: extent(rows) };
  }
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
