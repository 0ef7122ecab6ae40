import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as fr from '@zxcvbn-ts/language-fr';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@passerelle/shared/dto';

let estimator: ZxcvbnFactory | null = null;

/** Built on first use: the dictionaries take a moment to load. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: fr.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...fr.dictionary },
    useLevenshteinDistance: true,
  });
  return estimator;
}

/** Words of the context that make a password easy to guess here. */
const SITE_WORDS = ['passerelle', 'departement', 'département', 'commune', 'mairie', 'maire', 'valdoise', "val-d'oise"];

/**
 * NIST / ANSSI style: length 12–128, any characters, no composition rule, but refuse what is easy to guess
 * (common passwords, French and English words, keyboard patterns, the user's own name or e-mail).
 * Returns a French message saying why, or `null` when the password is acceptable.
 */
export async function passwordProblem(password: string, userInputs: string[] = []): Promise<string | null> {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères (il en a ${length}).`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`;
  }
  const inputs = [...SITE_WORDS, ...userInputs.flatMap((v) => [v, ...v.split(/[@.\s_-]+/)]).filter((v) => v.length >= 3)];
  const result = await zxcvbn().checkAsync(password, inputs);
  if (result.score >= 3) {
    return null;
  }
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => !!s).join(' ');
  return `Ce mot de passe est trop facile à deviner. ${why || 'Ajoutez des mots peu courants ou allongez-le.'}`.trim();
}
