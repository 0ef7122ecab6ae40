import { ofPlace } from '@passerelle/shared/util-french';

/** Cantons named in full; beyond, « et N autres ». */
const NAMED = 3;

/**
 * Where a project of the département is, in the words of the map's card (the place a commune's project shows its
 * commune): « Canton de Pontoise », « Cantons de Pontoise et de Cergy-1 », « Cantons d’Argenteuil-1, de Cergy-1,
 * de Pontoise et 2 autres ».
 */
export function cantonsLabel(names: readonly string[]): string {
  if (names.length === 0) {
    return 'Projet du Département';
  }
  if (names.length === 1) {
    return `Canton ${ofPlace(names[0])}`;
  }
  const named = names.slice(0, NAMED).map(ofPlace);
  const rest = names.length - named.length;
  const tail = rest > 0 ? `${rest === 1 ? 'un autre' : `${rest} autres`}` : (named.pop() as string);
  return `Cantons ${named.join(', ')} et ${tail}`;
}
