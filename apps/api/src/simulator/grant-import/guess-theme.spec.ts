import { PROJECT_THEMES } from '@passerelle/shared/dto';
import { guessTheme } from './guess-theme';

describe(guessTheme.name, () => {
  it.each([
    ['Construction d’un groupe scolaire', 'ECOLES_PETITE_ENFANCE'],
    ['Rénovation énergétique de l’école élémentaire', 'ECOLES_PETITE_ENFANCE'],
    ['Extension de la micro-crèche', 'ECOLES_PETITE_ENFANCE'],
    ['Réfection de la voirie communale', 'VOIRIE'],
    ['Réfection de la chaussée et des trottoirs rue de l’Église', 'VOIRIE'],
    ['Aménagement du parking de la gare routière', 'MOBILITE'],
    ['Restauration de l’église Saint-Martin (monument classé)', 'CULTURE_PATRIMOINE'],
    ['Restauration du lavoir', 'CULTURE_PATRIMOINE'],
    ['Renouvellement du réseau d’eau potable', 'EAU_ASSAINISSEMENT'],
    ['Mise en séparatif des eaux usées', 'EAU_ASSAINISSEMENT'],
    ['Remplacement de la chaudière fioul par une pompe à chaleur', 'ENERGIE_CLIMAT'],
    ['Isolation des combles et installation de panneaux photovoltaïques', 'ENERGIE_CLIMAT'],
    ['Passage de l’éclairage public en LED', 'ENERGIE_CLIMAT'],
    ['Mise en accessibilité de la mairie', 'BATIMENTS_COMMUNAUX'],
    ['Réhabilitation de la salle des fêtes', 'BATIMENTS_COMMUNAUX'],
    ['Installation de la vidéoprotection', 'SECURITE'],
    ['Défense extérieure contre l’incendie : citerne de 120 m3', 'SECURITE'],
    ['Création d’une maison de santé pluriprofessionnelle', 'SANTE_SOCIAL'],
    ['Construction d’un city-stade', 'SPORT_LOISIRS'],
    ['Création d’une piste cyclable', 'MOBILITE'],
    ['Déploiement de tableaux numériques', 'NUMERIQUE'],
    ['Plantation de haies bocagères', 'ENVIRONNEMENT_BIODIVERSITE'],
    ['Revitalisation du centre-bourg', 'URBANISME_LOGEMENT'],
    ['Réhabilitation de deux logements communaux', 'URBANISME_LOGEMENT'],
  ] as const)('%s → %s', (label, theme) => {
    expect(guessTheme(label)).toBe(theme);
  });

  it('answers a theme of the projects’ list', () => {
    expect(PROJECT_THEMES).toContain(guessTheme('Travaux à l’école'));
  });

  it.each(['Extension du cimetière', 'Acquisition foncière', '', 'Travaux divers', 'Bureau du maire'])('%s → null', (label) => {
    expect(guessTheme(label)).toBeNull();
  });

  it('matches whole words only: « réseau » is no water, « classé » no school', () => {
    expect(guessTheme('Réseau de chaleur')).toBe('ENERGIE_CLIMAT');
    expect(guessTheme('Bâtiment classé')).toBeNull();
  });
});
