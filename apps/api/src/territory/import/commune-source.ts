import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// A runtime require (not the bundler's), so the data stays in node_modules instead of the bundle.
const runtimeRequire = createRequire(__filename);

/** Records of `@etalab/decoupage-administratif` (INSEE's Code officiel géographique), the fields we use. */
export interface SourceCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  population?: number;
  codesPostaux?: string[];
  siren?: string;
}

export interface SourceDepartement {
  code: string;
  nom: string;
}

export interface SourceEpci {
  code: string;
  nom: string;
  type: string;
  membres: { code: string }[];
}

function readData<T>(name: string): T {
  // The package's own index.js reads relative to the working directory; read the JSON files directly.
  return JSON.parse(readFileSync(runtimeRequire.resolve(`@etalab/decoupage-administratif/data/${name}.json`), 'utf8')) as T;
}

export interface DepartementSource {
  departement: SourceDepartement;
  communes: SourceCommune[];
  epciByCommune: Map<string, SourceEpci>;
}

/** Current communes of one département (`commune-actuelle`: not the delegated or associated ones). */
export function loadDepartementSource(code: string): DepartementSource | null {
  const departement = readData<SourceDepartement[]>('departements').find((d) => d.code === code);
  if (!departement) {
    return null;
  }
  const communes = readData<SourceCommune[]>('communes').filter(
    (c) => c.departement === code && c.type === 'commune-actuelle',
  );
  const codes = new Set(communes.map((c) => c.code));
  const epciByCommune = new Map<string, SourceEpci>();
  for (const epci of readData<SourceEpci[]>('epci')) {
    for (const member of epci.membres) {
      if (codes.has(member.code)) {
        epciByCommune.set(member.code, epci);
      }
    }
  }
  return { departement, communes, epciByCommune };
}
