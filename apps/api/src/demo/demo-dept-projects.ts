import type { EntityManager } from 'typeorm';
import type { FundingLineDto, ProjectStatus, ProjectTheme } from '@passerelle/shared/dto';
import { slugify } from '../publication/slug';
import { DEMO_DEPARTEMENT } from './demo-accounts';

/** The axes of the demo département's programme, in their order. */
export const DEMO_AXES = [
  { label: 'Réussite des collégiens', description: 'Des collèges rénovés, sobres en énergie et ouverts sur leur territoire.' },
  { label: 'Mobilités du quotidien', description: 'Des routes plus sûres et des itinéraires cyclables pour les trajets de tous les jours.' },
  { label: 'Transition écologique', description: 'Préserver les espaces naturels et la biodiversité du Val-d’Oise.' },
  { label: 'Attractivité et numérique', description: 'Le très haut débit partout, pour les habitants, les entreprises et les services publics.' },
] as const;

type AxisLabel = (typeof DEMO_AXES)[number]['label'];

interface DemoReport {
  /** Months before now of the day it describes (0: days before now, see `daysAgo`). */
  monthsAgo: number;
  daysAgo?: number;
  progress: number;
  done: string;
  difficulties: string;
  nextSteps: string;
  milestonesReached?: string[];
  /** `PUBLISHED` when absent. */
  state?: 'AWAITING_REVIEW' | 'DRAFT';
  videos?: { url: string; title: string }[];
}

export interface DemoDeptProject {
  title: string;
  summary: string;
  description: string;
  objectives: string;
  resources: string;
  partners: string;
  theme: ProjectTheme;
  status: ProjectStatus;
  axis: AxisLabel;
  leadEmail: string;
  /** A point near a commune (offset in degrees), its canton found from the commune; or cantons only. */
  point: { insee: string; offset: [number, number]; address: string } | null;
  /** Communes whose cantons the project covers (the canton codes are read from the territory). */
  cantonsOf: string[];
  startMonthsAgo: number;
  endMonthsAgo: number;
  forecastCostCents: number;
  finalCostCents: number | null;
  fundingLines: Omit<FundingLineDto, 'amountRequestedCents' | 'requestedOn' | 'decidedOn'>[];
  /** Milestones, dated in months before now (negative: to come); done when a published report reached them. */
  milestones: { title: string; monthsAgo: number }[];
  evaluation: string;
  reports: DemoReport[];
  /** Average consultations a day of its public page. */
  dailyViews: number;
}

const VOIRIE = 'agent.voirie@valdoise.example';
const FINANCEMENTS = 'agent.financements@valdoise.example';

/**
 * Five projects of the Val-d'Oise's own (issue 19): a college, a road, a cycle route across three cantons, the fibre
 * of the Vexin and a natural area, told by their leads in a year of progress reports. Every report is published
 * (reviewed by a second person) but the college's latest, waiting in the review queue, and the cycle route's latest,
 * still a draft; the natural area is planned and has one report only.
 */
export const DEMO_DEPT_PROJECTS: readonly DemoDeptProject[] = [
  {
    title: 'Rénovation énergétique du collège de Magny-en-Vexin',
    summary: 'Isolation, chaufferie bois et nouvelle demi-pension : le collège du Vexin ouest divise par deux sa consommation d’énergie.',
    description:
      'Le collège de Magny-en-Vexin accueille près de 600 élèves venus de tout le Vexin ouest. Ses bâtiments des années 1970 sont mal isolés et chauffés au fioul. ' +
      'Le Département, propriétaire des collèges, engage une rénovation complète en site occupé : isolation des façades et des toitures, remplacement des menuiseries, ' +
      'chaufferie bois raccordée aux bâtiments, ventilation double flux des salles de classe et reconstruction de la demi-pension.',
    objectives: 'Réduire de 50 % la consommation d’énergie (décret tertiaire), améliorer le confort d’été et d’hiver des élèves, accueillir 450 rationnaires à la demi-pension.',
    resources: 'Maîtrise d’ouvrage du Département (direction des bâtiments), un architecte mandataire, huit lots de travaux ; chantier phasé pendant l’année scolaire.',
    partners: 'Équipe de direction du collège, Éducation nationale, commune de Magny-en-Vexin, Parc naturel régional du Vexin français (filière bois).',
    theme: 'ECOLES_PETITE_ENFANCE',
    status: 'IN_PROGRESS',
    axis: 'Réussite des collégiens',
    leadEmail: VOIRIE,
    point: { insee: '95355', offset: [0.0031, -0.0042], address: 'Collège, Magny-en-Vexin' },
    cantonsOf: [],
    startMonthsAgo: 12,
    endMonthsAgo: -8,
    forecastCostCents: 1_240_000_000,
    finalCostCents: null,
    fundingLines: [
      { funder: 'DEPARTEMENT', funderName: null, scheme: 'Plan collèges', amountObtainedCents: 940_000_000, state: 'OBTAINED' },
      { funder: 'ETAT', funderName: null, scheme: 'DSID', amountObtainedCents: 200_000_000, state: 'OBTAINED' },
      { funder: 'REGION', funderName: null, scheme: 'Fonds chaleur renouvelable', amountObtainedCents: 100_000_000, state: 'PAID' },
    ],
    milestones: [
      { title: 'Installation du chantier', monthsAgo: 11 },
      { title: 'Isolation du bâtiment A terminée', monthsAgo: 6 },
      { title: 'Mise en service de la chaufferie bois', monthsAgo: 2 },
      { title: 'Ouverture de la nouvelle demi-pension', monthsAgo: -5 },
      { title: 'Réception des travaux', monthsAgo: -8 },
    ],
    evaluation: '',
    dailyViews: 14,
    reports: [
      { monthsAgo: 11, progress: 5, done: 'Installation du chantier et des bâtiments modulaires qui accueillent quatre classes pendant les travaux. Réunion d’information des familles le 12.', difficulties: 'Livraison des modulaires retardée d’une semaine : la rentrée s’est faite dans le réfectoire pour deux classes.', nextSteps: 'Désamiantage des façades du bâtiment A pendant les vacances de la Toussaint.', milestonesReached: ['Installation du chantier'] },
      { monthsAgo: 10, progress: 10, done: 'Désamiantage des façades du bâtiment A achevé pendant les vacances, contrôles de l’air conformes.', difficulties: 'Aucune difficulté notable ; un surcoût de 18 000 € pour des joints amiantés non repérés au diagnostic.', nextSteps: 'Pose de l’échafaudage et début de l’isolation par l’extérieur.' },
      { monthsAgo: 9, progress: 15, done: 'Échafaudage posé sur le bâtiment A ; premières plaques d’isolant (fibre de bois) posées sur la façade nord.', difficulties: 'Pluies abondantes : trois jours d’intempéries.', nextSteps: 'Poursuite de l’isolation et dépose des anciennes fenêtres pendant les vacances de Noël.' },
      { monthsAgo: 8, progress: 22, done: 'Remplacement des 64 fenêtres du bâtiment A pendant les vacances de Noël, sans gêne pour les cours.', difficulties: 'Deux châssis livrés aux mauvaises cotes, refabriqués en dix jours.', nextSteps: 'Isolation des toitures-terrasses ; consultation pour le lot chaufferie.' },
      { monthsAgo: 7, progress: 30, done: 'Isolation de la toiture du bâtiment A et reprise de l’étanchéité. Attribution du lot chaufferie bois.', difficulties: 'Le lot chaufferie a dû être relancé : une seule offre, jugée trop chère, à la première consultation.', nextSteps: 'Fin de l’isolation du bâtiment A, terrassements de la chaufferie.' },
      { monthsAgo: 6, progress: 38, done: 'Isolation du bâtiment A terminée : les premières mesures montrent une température stable de 19 °C avec le chauffage réduit.', difficulties: 'Aucune.', nextSteps: 'Bascule des classes vers le bâtiment A rénové et début des travaux du bâtiment B.', milestonesReached: ['Isolation du bâtiment A terminée'] },
      { monthsAgo: 5, progress: 45, done: 'Déménagement des classes dans le bâtiment A ; installation du chantier du bâtiment B. Dalle de la chaufferie coulée.', difficulties: 'Le déménagement a demandé deux jours de plus que prévu, avec l’aide des agents du collège.', nextSteps: 'Isolation du bâtiment B, montage du silo à plaquettes.' },
      { monthsAgo: 4, progress: 52, done: 'Silo à plaquettes et chaudière bois de 400 kW installés. Isolation du bâtiment B aux deux tiers.', difficulties: 'Bruit des travaux pendant les épreuves du brevet blanc : chantier suspendu deux matinées à la demande du principal.', nextSteps: 'Raccordement du réseau de chaleur aux bâtiments pendant l’été.' },
      { monthsAgo: 3, progress: 58, done: 'Travaux d’été : réseau de chaleur enterré entre la chaufferie et les trois bâtiments, ventilation double flux dans douze salles.', difficulties: 'Découverte d’une canalisation d’eau non référencée, déviée en urgence.', nextSteps: 'Essais de la chaufferie et rentrée dans les salles rénovées.' },
      { monthsAgo: 2, progress: 63, done: 'Chaufferie bois mise en service à la rentrée ; la chaudière fioul est déposée. Plaquettes fournies par une coopérative du Vexin.', difficulties: 'Réglages de la régulation pendant deux semaines : quelques salles trop chaudes le matin.', nextSteps: 'Démolition de l’ancienne demi-pension pendant les vacances de la Toussaint.', milestonesReached: ['Mise en service de la chaufferie bois'] },
      { monthsAgo: 1, progress: 68, done: 'Ancienne demi-pension démolie ; fondations de la nouvelle en cours. Repas servis dans une cuisine provisoire.', difficulties: 'Tri des déchets de démolition plus long que prévu (80 % valorisés).', nextSteps: 'Élévation des murs de la demi-pension, fin de l’isolation du bâtiment B.' },
      { monthsAgo: 0, daysAgo: 5, progress: 72, done: 'Murs de la nouvelle demi-pension montés ; isolation du bâtiment B achevée. Visite du chantier par les élèves du club sciences.', difficulties: 'Approvisionnement en tuiles retardé de trois semaines.', nextSteps: 'Mise hors d’eau de la demi-pension avant les vacances d’hiver.', state: 'AWAITING_REVIEW' },
    ],
  },
  {
    title: 'Sécurisation de la RD 915 à la traversée de Marines',
    summary: 'Plateaux ralentisseurs, trottoirs continus et carrefour réaménagé : la route départementale apaisée au cœur du bourg.',
    description:
      'La RD 915 traverse Marines, bourg-centre du Vexin, avec plus de 9 000 véhicules par jour dont 8 % de poids lourds. Les trottoirs étroits et la vitesse excessive ' +
      'rendaient la traversée dangereuse, en particulier aux abords des écoles. Le Département a réaménagé 900 mètres de voirie avec la commune.',
    objectives: 'Ramener la vitesse pratiquée sous 50 km/h, sécuriser les traversées piétonnes, rendre les trottoirs accessibles aux personnes à mobilité réduite.',
    resources: 'Agence routière départementale de Pontoise ; entreprise de travaux publics titulaire du marché à bons de commande.',
    partners: 'Commune de Marines (éclairage, espaces verts), Île-de-France Mobilités (arrêts de bus), Architecte des Bâtiments de France.',
    theme: 'VOIRIE',
    status: 'COMPLETED',
    axis: 'Mobilités du quotidien',
    leadEmail: FINANCEMENTS,
    point: { insee: '95370', offset: [-0.0015, 0.0022], address: 'RD 915, Marines' },
    cantonsOf: [],
    startMonthsAgo: 12,
    endMonthsAgo: 2,
    forecastCostCents: 185_000_000,
    finalCostCents: 191_500_000,
    fundingLines: [
      { funder: 'DEPARTEMENT', funderName: null, scheme: 'Programme de sécurité routière', amountObtainedCents: 151_500_000, state: 'PAID' },
      { funder: 'INTERCOMMUNALITE', funderName: 'Communauté de communes Vexin Centre', scheme: null, amountObtainedCents: 40_000_000, state: 'PAID' },
    ],
    milestones: [
      { title: 'Concertation avec les riverains', monthsAgo: 11 },
      { title: 'Début des travaux', monthsAgo: 8 },
      { title: 'Carrefour réaménagé ouvert', monthsAgo: 4 },
      { title: 'Réception des travaux', monthsAgo: 2 },
    ],
    evaluation: 'Vitesse moyenne mesurée après travaux : 38 km/h (52 km/h avant). Aucun accident corporel depuis l’ouverture.',
    dailyViews: 9,
    reports: [
      { monthsAgo: 11, progress: 10, done: 'Deux réunions publiques et une marche exploratoire avec les parents d’élèves ; le projet retient deux plateaux et un carrefour à feux supprimé.', difficulties: 'Inquiétude des commerçants sur le stationnement pendant les travaux.', nextSteps: 'Études d’exécution et plan de circulation des travaux.', milestonesReached: ['Concertation avec les riverains'] },
      { monthsAgo: 9, progress: 20, done: 'Études terminées ; arrêté de circulation pris avec la commune. Déviation des poids lourds par la RD 28 balisée.', difficulties: 'Validation de l’Architecte des Bâtiments de France pour les pavés du centre ancien plus longue que prévu.', nextSteps: 'Début des travaux côté Pontoise.' },
      { monthsAgo: 7, progress: 45, done: 'Reprise des réseaux d’eaux pluviales et construction des trottoirs sur la première moitié ; premier plateau ralentisseur réalisé.', difficulties: 'Gel en janvier : enrobés reportés de deux semaines.', nextSteps: 'Réaménagement du carrefour central, de nuit pour limiter la gêne.', milestonesReached: ['Début des travaux'] },
      { monthsAgo: 5, progress: 70, done: 'Carrefour central réaménagé en six nuits ; quais de bus accessibles réalisés avec Île-de-France Mobilités.', difficulties: 'Plaintes de riverains pour le bruit nocturne, un planning affiché en mairie a apaisé la situation.', nextSteps: 'Seconde moitié des trottoirs, second plateau.', milestonesReached: ['Carrefour réaménagé ouvert'] },
      { monthsAgo: 3, progress: 90, done: 'Trottoirs et second plateau terminés ; enrobé final posé sur toute la traversée.', difficulties: 'Aucune.', nextSteps: 'Marquage, plantations par la commune et réception.' },
      {
        monthsAgo: 2,
        progress: 100,
        done: 'Travaux réceptionnés ; marquages et plantations faits. Les premiers comptages montrent une vitesse moyenne de 38 km/h. Une vidéo présente la traversée avant et après.',
        difficulties: 'Dépassement de 3,5 % du budget, dû au gel et aux réseaux imprévus.',
        nextSteps: 'Nouveau comptage dans six mois pour vérifier la tenue des vitesses.',
        milestonesReached: ['Réception des travaux'],
        videos: [{ url: 'https://video.valdoise.fr/w/9kQ2mXvR4tLpB7sN1cHw3e', title: 'La traversée de Marines, avant et après les travaux' }],
      },
    ],
  },
  {
    title: 'Scandibérique : véloroute de la vallée de l’Oise de Pontoise à L’Isle-Adam',
    summary: '18 kilomètres d’itinéraire cyclable continu le long de l’Oise, maillon val-d’oisien de l’EuroVelo 3.',
    description:
      'La Scandibérique (EuroVelo 3) relie la Norvège à l’Espagne. Dans le Val-d’Oise, elle suit l’Oise de Pontoise à L’Isle-Adam par Auvers-sur-Oise. ' +
      'Le Département aménage les chemins de halage en voie verte stabilisée, sécurise les traversées des routes départementales et pose la signalisation.',
    objectives: 'Un itinéraire continu et sûr pour les trajets du quotidien et le tourisme à vélo ; 300 cyclistes par jour en été au compteur d’Auvers-sur-Oise.',
    resources: 'Direction des mobilités du Département ; trois marchés de travaux (terrassement, revêtement, signalisation).',
    partners: 'Voies navigables de France (chemins de halage), communes traversées, Comité départemental du tourisme, associations d’usagers du vélo.',
    theme: 'MOBILITE',
    status: 'IN_PROGRESS',
    axis: 'Mobilités du quotidien',
    leadEmail: VOIRIE,
    point: null,
    cantonsOf: ['95500', '95039', '95313'],
    startMonthsAgo: 11,
    endMonthsAgo: -10,
    forecastCostCents: 420_000_000,
    finalCostCents: null,
    fundingLines: [
      { funder: 'DEPARTEMENT', funderName: null, scheme: 'Plan vélo départemental', amountObtainedCents: 250_000_000, state: 'OBTAINED' },
      { funder: 'REGION', funderName: null, scheme: 'Plan vélo régional', amountObtainedCents: 120_000_000, state: 'OBTAINED' },
      { funder: 'ETAT', funderName: null, scheme: 'Fonds mobilités actives', amountObtainedCents: 50_000_000, state: 'OBTAINED' },
    ],
    milestones: [
      { title: 'Convention avec Voies navigables de France', monthsAgo: 10 },
      { title: 'Tronçon Pontoise – Auvers-sur-Oise ouvert', monthsAgo: 3 },
      { title: 'Tronçon Auvers-sur-Oise – L’Isle-Adam ouvert', monthsAgo: -10 },
    ],
    evaluation: '',
    dailyViews: 21,
    reports: [
      { monthsAgo: 10, progress: 8, done: 'Convention signée avec Voies navigables de France pour l’usage des chemins de halage ; relevés topographiques des 18 km.', difficulties: 'Deux propriétaires riverains contestent l’emprise à Méry-sur-Oise.', nextSteps: 'Diagnostic écologique des berges avant les travaux.', milestonesReached: ['Convention avec Voies navigables de France'] },
      { monthsAgo: 8, progress: 15, done: 'Diagnostic écologique fait : les travaux éviteront la période de nidification et deux stations d’orchidées sont balisées.', difficulties: 'Calendrier resserré par la période de nidification (mars à juillet).', nextSteps: 'Terrassements entre Pontoise et Auvers-sur-Oise à la fin de l’été.' },
      { monthsAgo: 6, progress: 28, done: 'Terrassement et revêtement en sable stabilisé sur 5 km à partir de Pontoise ; passerelle sur le ru de Liesse commandée.', difficulties: 'Crue de l’Oise en février : chantier arrêté trois semaines.', nextSteps: 'Traversée sécurisée de la RD 928 et fin du tronçon jusqu’à Auvers.' },
      { monthsAgo: 4, progress: 40, done: 'Traversée de la RD 928 aménagée (îlot refuge, éclairage) ; revêtement achevé jusqu’à Auvers-sur-Oise.', difficulties: 'Accord trouvé avec les propriétaires de Méry-sur-Oise : l’itinéraire passe côté rivière.', nextSteps: 'Signalisation et ouverture du premier tronçon.' },
      { monthsAgo: 3, progress: 48, done: 'Tronçon Pontoise – Auvers-sur-Oise ouvert le premier week-end de juin avec une balade inaugurale de 200 cyclistes. Compteur installé à Auvers.', difficulties: 'Panneaux directionnels vandalisés à deux reprises.', nextSteps: 'Études du tronçon Auvers-sur-Oise – L’Isle-Adam.', milestonesReached: ['Tronçon Pontoise – Auvers-sur-Oise ouvert'] },
      { monthsAgo: 1, progress: 55, done: 'Premier bilan du compteur d’Auvers : 240 passages par jour en moyenne cet été. Études du second tronçon avancées.', difficulties: 'Le franchissement de la voie ferrée à Valmondois demande l’accord de SNCF Réseau.', nextSteps: 'Consultation des entreprises pour le second tronçon.', state: 'DRAFT' },
    ],
  },
  {
    title: 'Fibre optique : raccordement des derniers foyers du Vexin',
    summary: 'Les 2 300 logements et entreprises encore sans fibre du Vexin raccordés au réseau public Val d’Oise Fibre.',
    description:
      'Le réseau d’initiative publique du Département couvre déjà la quasi-totalité des communes rurales. Restent des hameaux, des fermes et des zones d’activité ' +
      'isolés du Vexin, dont le raccordement demande de nouveaux poteaux ou du génie civil. Le Département finance ces raccordements complexes.',
    objectives: '100 % des locaux du Vexin raccordables à la fibre ; priorité aux entreprises, aux exploitations agricoles et aux maisons de santé.',
    resources: 'Délégataire du réseau public ; cellule très haut débit du Département ; un médiateur pour les élagages chez les particuliers.',
    partners: 'Communes et intercommunalités du Vexin, Enedis (appuis aériens), chambre d’agriculture, Parc naturel régional du Vexin français.',
    theme: 'NUMERIQUE',
    status: 'IN_PROGRESS',
    axis: 'Attractivité et numérique',
    leadEmail: FINANCEMENTS,
    point: null,
    cantonsOf: ['95355', '95370', '95446'],
    startMonthsAgo: 12,
    endMonthsAgo: -4,
    forecastCostCents: 310_000_000,
    finalCostCents: null,
    fundingLines: [
      { funder: 'DEPARTEMENT', funderName: null, scheme: 'Très haut débit', amountObtainedCents: 160_000_000, state: 'OBTAINED' },
      { funder: 'ETAT', funderName: null, scheme: 'France Très Haut Débit', amountObtainedCents: 100_000_000, state: 'OBTAINED' },
      { funder: 'EUROPE', funderName: null, scheme: 'FEDER', amountObtainedCents: 50_000_000, state: 'REQUESTED' },
    ],
    milestones: [
      { title: 'Recensement des locaux restant à raccorder', monthsAgo: 11 },
      { title: '1 000 locaux raccordables', monthsAgo: 5 },
      { title: '2 000 locaux raccordables', monthsAgo: 1 },
      { title: 'Tous les locaux raccordables', monthsAgo: -4 },
    ],
    evaluation: '',
    dailyViews: 11,
    reports: [
      { monthsAgo: 11, progress: 10, done: 'Recensement terminé avec les mairies : 2 340 locaux restant à raccorder, dont 180 entreprises et 95 exploitations agricoles.', difficulties: 'Adresses manquantes dans plusieurs hameaux : les communes ont créé 140 adresses.', nextSteps: 'Études des tracés et commandes de poteaux.', milestonesReached: ['Recensement des locaux restant à raccorder'] },
      { monthsAgo: 9, progress: 22, done: 'Tracés étudiés pour 60 % des locaux ; 410 poteaux commandés. Premiers raccordements de la zone d’activité de Magny-en-Vexin.', difficulties: 'Délais d’Enedis pour les autorisations d’appui sur ses poteaux.', nextSteps: 'Génie civil dans les hameaux de Chaussy et d’Omerville.' },
      { monthsAgo: 7, progress: 38, done: '720 locaux rendus raccordables ; génie civil terminé à Chaussy. Permanence d’information à la mairie de Marines.', difficulties: 'Élagages à faire chez des particuliers : le médiateur a rencontré 60 propriétaires.', nextSteps: 'Poursuite vers les fermes isolées du plateau.' },
      { monthsAgo: 5, progress: 52, done: 'Cap des 1 000 locaux raccordables franchi ; la maison de santé de Marines est raccordée.', difficulties: 'Pénurie de fibre chez un fournisseur : un mois de retard sur deux secteurs.', nextSteps: 'Secteur de Nesles-la-Vallée et vallée du Sausseron.', milestonesReached: ['1 000 locaux raccordables'] },
      { monthsAgo: 3, progress: 68, done: '1 560 locaux raccordables ; 35 exploitations agricoles raccordées avec l’appui de la chambre d’agriculture.', difficulties: 'Un forage dirigé sous le Sausseron a échoué et doit être refait.', nextSteps: 'Reprise du forage, derniers hameaux du canton.' },
      { monthsAgo: 1, progress: 82, done: 'Plus de 2 000 locaux raccordables. Le forage sous le Sausseron est réussi.', difficulties: 'Reste 300 locaux très isolés, dont le coût unitaire dépasse 3 000 €.', nextSteps: 'Arbitrage des solutions pour les derniers locaux (fibre ou satellite subventionné).', milestonesReached: ['2 000 locaux raccordables'] },
    ],
  },
  {
    title: 'Espace naturel sensible des coteaux de la Seine à Vétheuil',
    summary: 'Acquérir et restaurer les pelouses calcaires des coteaux de Vétheuil, puis les ouvrir au public par un sentier de découverte.',
    description:
      'Les coteaux calcaires qui dominent la Seine entre Vétheuil et Haute-Isle abritent des pelouses sèches rares en Île-de-France (orchidées, papillons, lézards). ' +
      'Faute d’entretien, elles s’embroussaillent. Le Département les classe en espace naturel sensible, acquiert les parcelles volontairement cédées et organise leur gestion.',
    objectives: 'Restaurer 25 hectares de pelouses calcaires, rétablir le pâturage ovin, créer un sentier de découverte de 3 km avec des panneaux.',
    resources: 'Service des espaces naturels du Département ; un berger sous convention ; chantiers d’insertion pour le débroussaillage.',
    partners: 'Commune de Vétheuil, Parc naturel régional du Vexin français, Conservatoire d’espaces naturels, associations naturalistes.',
    theme: 'ENVIRONNEMENT_BIODIVERSITE',
    status: 'PLANNED',
    axis: 'Transition écologique',
    leadEmail: VOIRIE,
    point: { insee: '95651', offset: [0.0045, 0.0063], address: 'Coteaux de la Seine, Vétheuil' },
    cantonsOf: [],
    startMonthsAgo: 1,
    endMonthsAgo: -30,
    forecastCostCents: 95_000_000,
    finalCostCents: null,
    fundingLines: [
      { funder: 'DEPARTEMENT', funderName: null, scheme: 'Taxe d’aménagement (part ENS)', amountObtainedCents: 65_000_000, state: 'OBTAINED' },
      { funder: 'AUTRE', funderName: 'Agence de l’eau Seine-Normandie', scheme: null, amountObtainedCents: 30_000_000, state: 'CONSIDERED' },
    ],
    milestones: [
      { title: 'Plan de gestion adopté', monthsAgo: -4 },
      { title: 'Retour du pâturage ovin', monthsAgo: -9 },
      { title: 'Ouverture du sentier de découverte', monthsAgo: -20 },
    ],
    evaluation: '',
    dailyViews: 6,
    reports: [
      { monthsAgo: 1, progress: 5, done: 'Périmètre de l’espace naturel sensible voté par l’assemblée départementale ; inventaire faune-flore lancé avec le Parc naturel régional.', difficulties: 'Une vingtaine de propriétaires à rencontrer : les acquisitions seront progressives.', nextSteps: 'Réunion publique à Vétheuil et rédaction du plan de gestion.' },
    ],
  },
];

/** `YYYY-MM-DD`, `months` before `now` (negative: after), on the 10th (a day every month has). */
function monthDay(now: Date, months: number, day = 10): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, day)).toISOString().slice(0, 10);
}

/**
 * Writes the demo programme axes and département projects with their reports and consultations, straight in SQL
 * (the columns of migration 1764530000000, the `published` convention of the reports), in the seeder's transaction.
 */
export async function seedDemoDeptProjects(tx: EntityManager, now: Date): Promise<number> {
  const users = new Map(
    (await tx.query<{ id: string; email: string }[]>(`SELECT id, email FROM app_user WHERE departement_code = $1 AND role IN ('AGENT', 'ADMIN')`, [DEMO_DEPARTEMENT])).map(
      (u) => [u.email, u.id],
    ),
  );
  const admin = users.get('admin@valdoise.example') ?? null;
  const axes = new Map<string, string>();
  for (const [position, axis] of DEMO_AXES.entries()) {
    const [row] = await tx.query<{ id: string }[]>(`INSERT INTO programme_axis (departement_code, label, description, position) VALUES ($1, $2, $3, $4) RETURNING id`, [
      DEMO_DEPARTEMENT,
      axis.label,
      axis.description,
      position,
    ]);
    axes.set(axis.label, row.id);
  }
  let created = 0;
  for (const p of DEMO_DEPT_PROJECTS) {
    const lead = users.get(p.leadEmail) ?? admin;
    // A second person reviews: the other agent, or the admin.
    const reviewer = users.get(p.leadEmail === VOIRIE ? FINANCEMENTS : VOIRIE) ?? admin;
    const [place] = p.point
      ? await tx.query<{ lat: number; lng: number; canton: string | null }[]>(`SELECT latitude + $2 AS lat, longitude + $3 AS lng, canton_code AS canton FROM commune WHERE insee = $1`, [
          p.point.insee,
          p.point.offset[0],
          p.point.offset[1],
        ])
      : [];
    const cantons = place
      ? place.canton
        ? [place.canton]
        : []
      : (await tx.query<{ code: string }[]>(`SELECT DISTINCT canton_code AS code FROM commune WHERE insee = ANY($1::text[]) AND canton_code IS NOT NULL`, [p.cantonsOf])).map((c) => c.code);
    if (cantons.length === 0) {
      continue;
    }
    const [middle] = place
      ? [{ lat: place.lat, lng: place.lng }]
      : await tx.query<{ lat: number; lng: number }[]>(`SELECT avg(latitude) AS lat, avg(longitude) AS lng FROM commune WHERE canton_code = ANY($1::text[])`, [cantons]);

    const reports = p.reports.map((r) => {
      const reportedOn = r.daysAgo !== undefined ? new Date(now.getTime() - r.daysAgo * 86_400_000).toISOString().slice(0, 10) : monthDay(now, r.monthsAgo);
      const submitted = new Date(Math.min(new Date(`${reportedOn}T15:00:00Z`).getTime() + 86_400_000, now.getTime() - 3 * 3_600_000));
      const reviewed = new Date(Math.min(submitted.getTime() + 2 * 86_400_000, now.getTime() - 3_600_000));
      return { ...r, reportedOn, submitted, reviewed, published: r.state === undefined };
    });
    const published = reports.filter((r) => r.published);
    const reached = new Set(published.flatMap((r) => r.milestonesReached ?? []));
    const milestones = p.milestones.map((m) => ({ date: monthDay(now, m.monthsAgo), title: m.title, done: reached.has(m.title) }));
    const firstPublication = published[0]?.reviewed ?? null;
    const latest = published[published.length - 1];
    const fundingLines = p.fundingLines.map((f) => ({ ...f, amountRequestedCents: f.amountObtainedCents, requestedOn: null, decidedOn: null }));

    const [project] = await tx.query<{ id: string }[]>(
      `INSERT INTO dept_project (departement_code, title, summary, description, objectives, resources, partners, theme, status, progress,
                                 start_date, end_date, latitude, longitude, address, map_latitude, map_longitude, axis_id, lead_id,
                                 forecast_cost_cents, final_cost_cents, funding_lines, milestones, evaluation, slug, published_at,
                                 created_at, created_by, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $28)
       RETURNING id`,
      [
        DEMO_DEPARTEMENT, p.title, p.summary, p.description, p.objectives, p.resources, p.partners, p.theme, p.status, latest?.progress ?? 0,
        monthDay(now, p.startMonthsAgo, 1), monthDay(now, p.endMonthsAgo, 28), place?.lat ?? null, place?.lng ?? null, p.point?.address ?? null,
        middle.lat, middle.lng, axes.get(p.axis) ?? null, lead, p.forecastCostCents, p.finalCostCents, JSON.stringify(fundingLines),
        JSON.stringify(milestones), p.evaluation, firstPublication ? slugify(p.title) : null, firstPublication,
        new Date(`${monthDay(now, p.startMonthsAgo + 1, 1)}T09:00:00Z`), admin, reports[reports.length - 1]?.reviewed ?? now,
      ],
    );
    await tx.query(`INSERT INTO dept_project_canton (project_id, canton_code) SELECT $1, unnest($2::text[])`, [project.id, cantons]);
    for (const r of reports) {
      const videos = (r.videos ?? []).map((v) => ({ url: v.url, title: v.title, host: new URL(v.url).host, thumbnailPhotoId: null }));
      const text = {
        reportedOn: r.reportedOn,
        done: r.done,
        difficulties: r.difficulties,
        nextSteps: r.nextSteps,
        progress: r.progress,
        milestonesReached: r.milestonesReached ?? [],
        photoIds: [],
        videos,
      };
      const state = r.state ?? 'PUBLISHED';
      await tx.query(
        `INSERT INTO dept_project_report (project_id, reported_on, done, difficulties, next_steps, progress, milestones_reached, videos, state,
                                          published, author_id, submitted_at, reviewed_at, reviewed_by, published_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13, $15, $16)`,
        [
          project.id, r.reportedOn, r.done, r.difficulties, r.nextSteps, r.progress, JSON.stringify(text.milestonesReached), JSON.stringify(videos), state,
          r.published ? JSON.stringify(text) : null, lead, state === 'DRAFT' ? null : r.submitted, r.published ? r.reviewed : null,
          r.published ? reviewer : null, new Date(`${r.reportedOn}T14:00:00Z`), state === 'DRAFT' ? new Date(`${r.reportedOn}T14:00:00Z`) : r.submitted,
        ],
      );
    }
    if (firstPublication) {
      // Consultations since its publication, up to yesterday, with a weekly rhythm (fewer at weekends).
      const days: { day: string; count: number }[] = [];
      for (let t = firstPublication.getTime(); t < now.getTime() - 86_400_000; t += 86_400_000) {
        const date = new Date(t);
        const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
        const count = Math.max(0, Math.round(p.dailyViews * (weekend ? 0.5 : 1.2) + ((date.getUTCDate() * 7) % 5) - 2));
        days.push({ day: date.toISOString().slice(0, 10), count });
      }
      await tx.query(
        `INSERT INTO dept_project_view_day (project_id, day, count)
         SELECT $1, d.day, d.count FROM jsonb_to_recordset($2::jsonb) AS d(day date, count int) ON CONFLICT DO NOTHING`,
        [project.id, JSON.stringify(days)],
      );
    }
    created++;
  }
  return created;
}
