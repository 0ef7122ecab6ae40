import type { FundingLineDto, LessonsDto, ProjectTheme } from '@passerelle/shared/dto';

/** A completed project of a small commune, already published with its mayor's consent: what visitors find. */
export interface DemoPublication {
  communeInsee: string;
  title: string;
  summary: string;
  description: string;
  theme: ProjectTheme;
  startDate: string;
  endDate: string;
  forecastCostCents: number;
  finalCostCents: number;
  /** Public funding obtained; `null` when the commune keeps its funding private. */
  funding: Pick<FundingLineDto, 'funder' | 'funderName' | 'scheme' | 'amountObtainedCents'>[] | null;
  lessons: LessonsDto;
  /** Offset from the commune's centre, in degrees, so that markers of one commune do not overlap. */
  offset: [number, number];
}

export const DEMO_PUBLICATIONS: readonly DemoPublication[] = [
  {
    communeInsee: '95150',
    title: 'Extinction de l’éclairage public la nuit et passage aux LED',
    summary: 'Remplacement des 120 lanternes par des LED et extinction de 23 h à 5 h : la facture d’éclairage a baissé de 68 %.',
    description: 'Les lanternes à vapeur de mercure n’étaient plus fabriquées. La commune a tout remplacé en une fois et programmé une extinction nocturne, après une réunion publique.',
    theme: 'ENERGIE_CLIMAT',
    startDate: '2024-09-02',
    endDate: '2025-02-28',
    forecastCostCents: 14_500_000,
    finalCostCents: 13_800_000,
    funding: [
      { funder: 'ETAT', funderName: null, scheme: 'DETR', amountObtainedCents: 4_140_000 },
      { funder: 'AUTRE', funderName: 'Syndicat d’énergie', scheme: 'Programme éclairage performant', amountObtainedCents: 4_000_000 },
    ],
    lessons: {
      problems: 'Deux armoires électriques n’étaient pas aux normes : un avenant imprévu de 9 000 €.',
      differently: 'Faire vérifier les armoires avant la consultation des entreprises.',
      advice: 'Annoncez l’extinction nocturne en réunion publique et testez-la trois mois avant de la rendre définitive : les craintes tombent vite.',
    },
    offset: [0.002, -0.003],
  },
  {
    communeInsee: '95610',
    title: 'Restauration du lavoir et de son bassin',
    summary: 'Charpente, couverture en tuiles plates et bassin remis en eau par des bénévoles encadrés.',
    description: 'Un chantier mené avec l’association du patrimoine du village : la commune a pris la charpente et la couverture, les bénévoles le nettoyage du bassin.',
    theme: 'CULTURE_PATRIMOINE',
    startDate: '2024-04-15',
    endDate: '2024-10-20',
    forecastCostCents: 4_800_000,
    finalCostCents: 5_250_000,
    funding: [
      { funder: 'REGION', funderName: null, scheme: 'Patrimoine rural non protégé', amountObtainedCents: 1_500_000 },
      { funder: 'DEPARTEMENT', funderName: null, scheme: 'Aide au patrimoine', amountObtainedCents: 1_200_000 },
    ],
    lessons: {
      problems: 'Les tuiles anciennes de réemploi ont manqué : il a fallu en acheter à un récupérateur.',
      differently: 'Stocker les tuiles déposées dès le premier jour, sous bâche, et les compter.',
      advice: 'Un chantier de bénévoles demande un encadrant présent chaque samedi : prévoyez-le dans le budget.',
    },
    offset: [-0.002, 0.002],
  },
  {
    communeInsee: '95584',
    title: 'Cour d’école désimperméabilisée et plantée',
    summary: 'L’enrobé de la cour a laissé place à des copeaux, des pelouses et 14 arbres : 8 °C de moins en juin.',
    description: 'Projet construit avec les enfants et les enseignants : coins calmes, potager, préau conservé pour les jours de pluie.',
    theme: 'ECOLES_PETITE_ENFANCE',
    startDate: '2025-07-07',
    endDate: '2025-08-29',
    forecastCostCents: 18_000_000,
    finalCostCents: 19_600_000,
    funding: [
      { funder: 'AUTRE', funderName: 'Agence de l’eau Seine-Normandie', scheme: 'Désimperméabilisation', amountObtainedCents: 7_800_000 },
      { funder: 'ETAT', funderName: null, scheme: 'Fonds vert', amountObtainedCents: 5_000_000 },
    ],
    lessons: {
      problems: 'Les copeaux s’envolent dans les classes les premières semaines ; un coin est resté boueux.',
      differently: 'Prévoir des grilles décrottoirs aux entrées et un drain sous la zone basse.',
      advice: 'Associez les enfants dès l’esquisse : ils ont proposé les meilleures idées, et respectent une cour qu’ils ont dessinée.',
    },
    offset: [0.001, 0.001],
  },
  {
    communeInsee: '95462',
    title: 'Sente piétonne entre le bourg et le hameau',
    summary: '1,2 km de chemin stabilisé pour rejoindre l’arrêt de car sans marcher sur la départementale.',
    description: 'Une ancienne sente rurale rouverte après accord avec deux propriétaires riverains.',
    theme: 'MOBILITE',
    startDate: '2025-03-03',
    endDate: '2025-06-13',
    forecastCostCents: 9_500_000,
    finalCostCents: 8_900_000,
    funding: null,
    lessons: {
      problems: 'La négociation foncière a pris un an de plus que les travaux.',
      differently: 'Commencer par les conventions de passage, avant toute étude.',
      advice: 'Un stabilisé renforcé suffit pour les poussettes et les vélos : pas besoin d’enrobé.',
    },
    offset: [0.003, 0.002],
  },
  {
    communeInsee: '95270',
    title: 'Mise aux normes d’accessibilité de la mairie',
    summary: 'Rampe, porte automatique, banque d’accueil abaissée et sanitaire adapté au rez-de-chaussée.',
    description: 'Le dernier bâtiment communal de l’agenda d’accessibilité programmée.',
    theme: 'BATIMENTS_COMMUNAUX',
    startDate: '2024-10-01',
    endDate: '2025-01-31',
    forecastCostCents: 11_000_000,
    finalCostCents: 12_400_000,
    funding: [{ funder: 'ETAT', funderName: null, scheme: 'DSIL', amountObtainedCents: 4_400_000 }],
    lessons: {
      problems: 'Le secrétariat a dû déménager deux mois dans la salle des fêtes.',
      differently: 'Programmer les travaux pendant l’été, quand l’accueil est réduit.',
      advice: 'Faites valider les plans par une association de personnes handicapées : elle a repéré deux erreurs de l’architecte.',
    },
    offset: [-0.001, -0.002],
  },
  {
    communeInsee: '95446',
    title: 'Réseau de chaleur bois pour l’école et la salle des fêtes',
    summary: 'Une chaufferie à plaquettes forestières locales remplace deux chaudières au fioul.',
    description: 'La chaufferie alimente l’école, la cantine et la salle des fêtes par un petit réseau de 180 mètres.',
    theme: 'ENERGIE_CLIMAT',
    startDate: '2024-05-13',
    endDate: '2024-11-29',
    forecastCostCents: 42_000_000,
    finalCostCents: 44_500_000,
    funding: [
      { funder: 'AUTRE', funderName: 'ADEME', scheme: 'Fonds chaleur', amountObtainedCents: 17_800_000 },
      { funder: 'REGION', funderName: null, scheme: 'Énergies renouvelables', amountObtainedCents: 8_900_000 },
    ],
    lessons: {
      problems: 'Le silo a été sous-dimensionné : une livraison par semaine en janvier.',
      differently: 'Dimensionner le silo pour trois semaines de grand froid.',
      advice: 'Signez le contrat d’approvisionnement avec un fournisseur local avant de lancer les travaux.',
    },
    offset: [0.002, 0.003],
  },
  {
    communeInsee: '95258',
    title: 'Citerne incendie enterrée au hameau',
    summary: 'Une réserve de 120 m³ couvre enfin le hameau, qui n’avait aucun point d’eau conforme.',
    description: 'Exigence du service d’incendie et de secours pour débloquer deux permis de construire.',
    theme: 'SECURITE',
    startDate: '2025-09-01',
    endDate: '2025-10-17',
    forecastCostCents: 6_000_000,
    finalCostCents: 5_700_000,
    funding: [{ funder: 'ETAT', funderName: null, scheme: 'DETR', amountObtainedCents: 2_280_000 }],
    lessons: {
      problems: 'Le terrain était plus humide que prévu : pompage pendant tout le chantier.',
      differently: 'Faire un sondage de sol même pour un petit ouvrage.',
      advice: 'Le service d’incendie conseille gratuitement sur l’emplacement : demandez-le avant d’acheter le terrain.',
    },
    offset: [-0.003, 0.001],
  },
  {
    communeInsee: '95328',
    title: 'Terrain multisport à côté de l’école',
    summary: 'Un city-stade ouvert à tous, avec un parking vélos et deux bancs pour les parents.',
    description: 'Demandé par le conseil municipal des jeunes, installé sur l’ancien terrain de boules.',
    theme: 'SPORT_LOISIRS',
    startDate: '2025-04-07',
    endDate: '2025-05-30',
    forecastCostCents: 8_500_000,
    finalCostCents: 8_200_000,
    funding: [
      { funder: 'AUTRE', funderName: 'Agence nationale du sport', scheme: 'Équipements sportifs de proximité', amountObtainedCents: 4_100_000 },
    ],
    lessons: {
      problems: 'Le bruit le soir a fait réagir deux riverains.',
      differently: 'Choisir des panneaux de fond anti-bruit dès la commande.',
      advice: 'Affichez des horaires d’utilisation dès l’ouverture : c’est plus facile que de les imposer après.',
    },
    offset: [0.001, -0.002],
  },
  {
    communeInsee: '95627',
    title: 'Mise en séparatif du réseau d’assainissement de la Grande Rue',
    summary: 'Les eaux de pluie ne vont plus à la station d’épuration, qui débordait à chaque orage.',
    description: 'Travaux menés avec le syndicat d’assainissement, en même temps que la réfection de la chaussée.',
    theme: 'EAU_ASSAINISSEMENT',
    startDate: '2024-03-04',
    endDate: '2024-09-27',
    forecastCostCents: 56_000_000,
    finalCostCents: 61_000_000,
    funding: [{ funder: 'AUTRE', funderName: 'Agence de l’eau Seine-Normandie', scheme: 'Assainissement', amountObtainedCents: 24_400_000 }],
    lessons: {
      problems: 'Des branchements privés mal raccordés ont été découverts maison par maison.',
      differently: 'Faire le diagnostic des branchements privés avant les travaux, pas pendant.',
      advice: 'Coordonnez chaussée et réseaux : une seule tranchée, un seul dérangement pour les riverains.',
    },
    offset: [-0.002, -0.001],
  },
  {
    communeInsee: '95102',
    title: 'Fibre et wifi public à la salle des fêtes et à la bibliothèque',
    summary: 'Raccordement à la fibre et wifi public gratuit pour les associations et les permanences.',
    description: 'La bibliothèque accueille désormais une permanence numérique chaque mercredi.',
    theme: 'NUMERIQUE',
    startDate: '2025-01-13',
    endDate: '2025-03-14',
    forecastCostCents: 1_800_000,
    finalCostCents: 1_650_000,
    funding: [{ funder: 'DEPARTEMENT', funderName: null, scheme: 'Inclusion numérique', amountObtainedCents: 800_000 }],
    lessons: {
      problems: 'Le wifi public impose de conserver des journaux de connexion : nous ne le savions pas.',
      differently: 'Passer par un prestataire qui gère cette obligation légale.',
      advice: 'Demandez au conseiller numérique de l’intercommunalité d’animer les premières permanences.',
    },
    offset: [0.002, 0.001],
  },
  {
    communeInsee: '95304',
    title: 'Haies champêtres et mare pédagogique',
    summary: '800 mètres de haies plantées avec les agriculteurs et une mare recreusée près de l’école.',
    description: 'Plantation en deux hivers avec les écoliers, les chasseurs et trois exploitants.',
    theme: 'ENVIRONNEMENT_BIODIVERSITE',
    startDate: '2024-11-18',
    endDate: '2025-03-21',
    forecastCostCents: 2_600_000,
    finalCostCents: 2_400_000,
    funding: null,
    lessons: {
      problems: 'Une partie des plants a séché au premier printemps, très sec.',
      differently: 'Pailler dès la plantation et prévoir deux arrosages en mai.',
      advice: 'Les agriculteurs sont des alliés si on choisit les emplacements avec eux, au bord des chemins plutôt qu’au milieu des champs.',
    },
    offset: [-0.001, 0.002],
  },
];
