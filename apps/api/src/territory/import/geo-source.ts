import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import type { Outline } from '@passerelle/shared/dto';

interface GeoProperties {
  code: string;
  nom: string;
}

export interface DepartementGeo {
  departement: Feature<Outline, GeoProperties> | null;
  cantons: Feature<Outline, GeoProperties>[];
  communes: Map<string, Outline>;
}

/**
 * The IGN Admin Express outlines shipped in `data/geo/<code>-<name>/` (see its README for the licence).
 * The bundle carries a copy under `assets/geo`; from the sources the folder is found by walking up.
 */
export function findGeoDir(start = __dirname): string | null {
  const bundled = join(start, 'assets', 'geo');
  if (existsSync(bundled)) {
    return bundled;
  }
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'data', 'geo');
    if (existsSync(candidate)) {
      return candidate;
    }
    if (dirname(dir) === dir) {
      return null;
    }
  }
}

/** Outlines of one département, or `null` when none are shipped for it (the import then goes without). */
export function loadDepartementGeo(code: string, geoDir = findGeoDir()): DepartementGeo | null {
  if (!geoDir) {
    return null;
  }
  const folder = readdirSync(geoDir).find((name) => name.startsWith(`${code}-`));
  if (!folder) {
    return null;
  }
  const read = <T>(file: string): T | null => {
    const path = join(geoDir, folder, file);
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
  };
  const communes = read<FeatureCollection<Outline, GeoProperties>>('communes.geojson');
  const cantons = read<FeatureCollection<Outline, GeoProperties>>('cantons.geojson');
  return {
    departement: read<Feature<Outline, GeoProperties>>('departement.geojson'),
    cantons: cantons?.features ?? [],
    communes: new Map((communes?.features ?? []).map((f) => [f.properties.code, f.geometry])),
  };
}
