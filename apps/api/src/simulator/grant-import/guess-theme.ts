import type { ProjectTheme } from '@passerelle/shared/dto';
import { fold } from './fold';

/**
 * Keywords, folded (see `fold`). A keyword matches whole words, in the singular or with a plural `s` / `x`
 * (`trottoir` finds « trottoirs », `eau` finds « eaux » but not « réseau »); one ending in `*` matches any word
 * starting so (`photovolta*`).
 */
type Rule = readonly [ProjectTheme, readonly string[]];

/**
 * First rule that matches wins. The order carries the choices:
 * - works that name their kind without doubt come first (« voirie », « assainissement », « vidéoprotection »):
 *   « Réfection de la voirie rue de l’École » is road work, whatever the street is called;
 * - then the facility the works are for, before the nature of the works: « Rénovation énergétique de l’école » is
 *   filed under the school, like a commune files its fiche, and « Isolation de la mairie » under its buildings;
 * - words that are often only part of an address (« rue », « route », « place ») or too general (« eau ») last.
 */
const RULES: readonly Rule[] = [
  [
    'VOIRIE',
    [
      'voirie', 'chaussee', 'trottoir', 'enrobe', 'bande de roulement', 'voie communale', 'voies communales', 'chemin rural',
      'chemins ruraux', 'ouvrage d art', 'pont', 'giratoire', 'rond point', 'carrefour', 'bordure', 'caniveau',
      'signalisation routiere', 'securite routiere', 'securisation de la traversee', 'ralentisseur',
    ],
  ],
  [
    'EAU_ASSAINISSEMENT',
    [
      'assainissement', 'eau potable', 'eaux pluviales', 'eaux usees', 'pluvial', 'pluviale', 'pluviaux', 'station d epuration', 'step',
      'chateau d eau', 'reseau d eau', 'adduction', 'captage', 'forage', 'defense contre les inondations',
    ],
  ],
  [
    'SECURITE',
    [
      'videoprotection', 'video protection', 'videosurveillance', 'video surveillance', 'incendie', 'deci',
      'gendarmerie', 'police municipale', 'caserne', 'pompier', 'sapeurs pompiers',
    ],
  ],
  [
    'MOBILITE',
    [
      'piste cyclable', 'pistes cyclables', 'voie verte', 'liaison douce', 'liaisons douces', 'mobilite douce',
      'mobilite', 'velo', 'cyclable', 'covoiturage', 'borne de recharge', 'bornes de recharge', 'irve', 'abri bus', 'abribus',
      'arret de bus', 'arrets de bus', 'pole d echange', 'gare', 'transport',
    ],
  ],
  [
    'ECOLES_PETITE_ENFANCE',
    [
      'ecole', 'groupe scolaire', 'scolaire', 'maternelle', 'elementaire', 'salle de classe', 'salles de classe', 'cantine', 'restaurant scolaire',
      'restauration scolaire', 'periscolaire', 'creche', 'micro creche', 'multi accueil', 'petite enfance', 'halte garderie',
      'garderie', 'relais petite enfance', 'accueil de loisirs', 'alsh',
    ],
  ],
  [
    'CULTURE_PATRIMOINE',
    [
      'eglise', 'chapelle', 'patrimoine', 'monument', 'monument historique', 'lavoir', 'calvaire', 'clocher', 'presbytere',
      'chateau', 'musee', 'bibliotheque', 'mediatheque', 'salle de spectacle', 'theatre', 'cinema', 'orgue', 'vitrail', 'vitraux',
      'beffroi', 'rempart', 'moulin', 'culturel', 'culturelle', 'culture', 'abbaye', 'fontaine',
    ],
  ],
  [
    'SPORT_LOISIRS',
    [
      'gymnase', 'stade', 'terrain de sport', 'terrain de football', 'terrain de foot', 'terrain multisport', 'city stade',
      'city park', 'skate park', 'skatepark', 'piscine', 'tennis', 'salle de sport', 'salle omnisport', 'salle omnisports',
      'complexe sportif', 'equipement sportif', 'equipements sportifs', 'sportif', 'sportive', 'dojo', 'vestiaire',
      'boulodrome', 'aire de jeux', 'aire de jeu', 'jeux pour enfants', 'parcours sportif', 'parcours de sante', 'pumptrack', 'pump track', 'loisirs',
    ],
  ],
  [
    'SANTE_SOCIAL',
    [
      'maison de sante', 'maison medicale', 'cabinet medical', 'centre de sante', 'pole de sante', 'sante', 'medical',
      'medicale', 'ehpad', 'residence autonomie', 'centre social', 'action sociale', 'epicerie sociale', 'personnes agees', 'seniors',
    ],
  ],
  [
    'BATIMENTS_COMMUNAUX',
    [
      'mairie', 'hotel de ville', 'salle des fetes', 'salle polyvalente', 'salle communale', 'salle municipale',
      'batiment communal', 'batiments communaux', 'batiment municipal', 'batiments municipaux', 'local communal',
      'locaux communaux', 'atelier municipal', 'ateliers municipaux', 'atelier communal', 'ateliers communaux',
      'services techniques', 'agence postale', 'france services', 'accessibilite', 'ad ap', 'adap', 'toiture',
    ],
  ],
  [
    'NUMERIQUE',
    [
      'numerique', 'fibre', 'fibre optique', 'informatique', 'wifi', 'wi fi', 'site internet', 'tableau numerique',
      'tableaux numeriques', 'haut debit', 'tres haut debit', 'telephonie', 'dematerialisation',
    ],
  ],
  [
    'ENERGIE_CLIMAT',
    [
      'renovation energetique', 'energetique', 'energie', 'chaudiere', 'chauffage', 'isolation', 'isolant', 'photovolta*',
      'panneaux solaires', 'solaire', 'pompe a chaleur', 'pompes a chaleur', 'geothermie', 'reseau de chaleur', 'biomasse',
      'eclairage public', 'eclairage', 'led', 'menuiserie', 'huisserie', 'thermique', 'climat', 'sobriete',
    ],
  ],
  [
    'ENVIRONNEMENT_BIODIVERSITE',
    [
      'biodiversite', 'environnement', 'plantation', 'haie', 'arbre', 'verger', 'vegetalisation', 'desimpermeabilisation',
      'espace vert', 'espaces verts', 'zone humide', 'zones humides', 'renaturation', 'mare', 'dechet', 'dechetterie',
      'decheterie', 'compostage', 'composteur', 'riviere', 'cours d eau', 'berge',
    ],
  ],
  [
    'URBANISME_LOGEMENT',
    [
      'logement', 'logements', 'plu', 'plui', 'plan local d urbanisme', 'urbanisme', 'amenagement du bourg', 'centre bourg',
      'coeur de village', 'coeur de bourg', 'centre ville', 'revitalisation', 'lotissement', 'friche', 'requalification',
      'habitat',
    ],
  ],
  ['VOIRIE', ['rue', 'route', 'chemin', 'parking', 'stationnement', 'amenagement de la place', 'voie', 'allee', 'impasse']],
  ['EAU_ASSAINISSEMENT', ['eau', 'reseau humide', 'reseaux humides']],
];

const COMPILED: readonly (readonly [ProjectTheme, RegExp])[] = RULES.map(([theme, keywords]) => [
  theme,
  new RegExp(
    `(?:^| )(?:${keywords
      .map((keyword) => (keyword.endsWith('*') ? `${keyword.slice(0, -1)}[a-z0-9]*` : `${keyword}(?:s|x)?`))
      .join('|')})(?= |$)`,
  ),
]);

/**
 * The project theme a grant's label most likely falls under, from French keywords; null when none matched (the
 * grant then counts for no theme).
 */
export function guessTheme(label: string): ProjectTheme | null {
  const text = fold(label);
  if (text === '') {
    return null;
  }
  for (const [theme, pattern] of COMPILED) {
    if (pattern.test(text)) {
      return theme;
    }
  }
  return null;
}
