import type { FaqEntrySummaryDto } from '@passerelle/shared/dto';
import { formatCalendarDay } from '@passerelle/web/shared/util-format';

function key(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '-')
    .toLowerCase()
    .trim();
}

const keys = (names: string): Set<string> => new Set(names.split(',').map(key));

/** Départements named with « la » (« réponse de la Gironde »); every name not listed takes « le ». */
const FEMININE = keys(
  "Charente,Charente-Maritime,Corrèze,Corse-du-Sud,Haute-Corse,Côte-d'Or,Creuse,Dordogne,Drôme,Gironde,Haute-Garonne," +
    'Haute-Loire,Haute-Marne,Haute-Saône,Haute-Savoie,Haute-Vienne,Loire,Loire-Atlantique,Lozère,Manche,Marne,Mayenne,' +
    'Meurthe-et-Moselle,Meuse,Moselle,Nièvre,Sarthe,Savoie,Seine-Maritime,Seine-et-Marne,Seine-Saint-Denis,Somme,' +
    'Vendée,Vienne,Guadeloupe,Martinique,Guyane',
);
/** Départements named with « l’ » (« réponse de l’Essonne »). */
const ELIDED = keys(
  'Ain,Aisne,Allier,Ardèche,Ariège,Aube,Aude,Aveyron,Essonne,Eure,Eure-et-Loir,Hérault,Ille-et-Vilaine,Indre,' +
    'Indre-et-Loire,Isère,Oise,Orne,Yonne',
);
/** Départements named with « les » (« réponse des Yvelines »). */
const PLURAL = keys(
  "Alpes-de-Haute-Provence,Hautes-Alpes,Alpes-Maritimes,Ardennes,Bouches-du-Rhône,Côtes-d'Armor,Deux-Sèvres,Landes," +
    'Hautes-Pyrénées,Pyrénées-Atlantiques,Pyrénées-Orientales,Vosges,Yvelines,Hauts-de-Seine',
);
/** Départements named without an article (« réponse de Paris »), La Réunion keeping its own. */
const BARE = keys('Paris,Mayotte,La Réunion');

/** « du Val-d’Oise », « de la Gironde », « de l’Essonne », « des Yvelines », « de Paris ». */
export function ofDepartement(name: string): string {
  const trimmed = name.trim();
  const k = key(trimmed);
  if (BARE.has(k)) {
    return `de ${trimmed}`;
  }
  if (FEMININE.has(k)) {
    return `de la ${trimmed}`;
  }
  if (ELIDED.has(k)) {
    return `de l’${trimmed}`;
  }
  if (PLURAL.has(k)) {
    return `des ${trimmed}`;
  }
  return `du ${trimmed}`;
}

/**
 * « Règle nationale — réponse du Val-d’Oise » for a national rule written by another département than the reader's
 * (shared read-only with every département); `null` for the reader's own entries and for local ones.
 */
export function nationalAttribution(
  entry: Pick<FaqEntrySummaryDto, 'scope' | 'departementCode' | 'departementName'>,
  readerDepartementCode: string | null,
): string | null {
  if (entry.scope !== 'NATIONAL' || entry.departementCode === readerDepartementCode) {
    return null;
  }
  return `Règle nationale — réponse ${ofDepartement(entry.departementName)}`;
}

/** « Valable jusqu’au 31/01/2027 »; `''` without a date. */
export function validUntilText(validUntil: string | null): string {
  return validUntil ? `Valable jusqu’au ${formatCalendarDay(validUntil)}` : '';
}
