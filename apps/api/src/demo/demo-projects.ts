import type { ProjectInput } from '@passerelle/shared/dto';

export interface DemoProject extends Omit<ProjectInput, 'progress'> {
  communeInsee: string;
  progress: number;
  /** Demo account that wrote it. */
  authorEmail: string;
}

const noLessons = { problems: '', differently: '', advice: '' };

/** A few projects of the demo communes, as a commune would write them. */
export const DEMO_PROJECTS: readonly DemoProject[] = [
  {
    communeInsee: '95002',
    authorEmail: 'secretariat@ableiges.example',
    title: 'Rénovation énergétique de l’école communale',
    summary: 'Isolation des combles, remplacement des menuiseries et de la chaudière fioul par une pompe à chaleur.',
    description:
      'L’école (deux classes, 48 élèves) date de 1962. La consommation de fioul dépasse 9 000 litres par an. Les travaux portent sur l’isolation des combles, le remplacement des fenêtres simple vitrage et l’installation d’une pompe à chaleur air-eau.',
    objectives: 'Réduire d’au moins 40 % la consommation d’énergie du bâtiment et améliorer le confort d’été des élèves.',
    theme: 'ECOLES_PETITE_ENFANCE',
    status: 'IN_PROGRESS',
    progress: 60,
    startDate: '2026-04-06',
    endDate: '2026-10-30',
    projectLead: 'Commune d’Ableiges — secrétariat de mairie',
    partners: 'CAUE du Val-d’Oise, bureau d’études thermiques',
    location: { lat: 49.0908, lng: 1.9803, address: 'Rue de l’École, Ableiges' },
    forecastCostCents: 41_200_000,
    finalCostCents: null,
    fundingLines: [
      { funder: 'ETAT', funderName: null, scheme: 'DETR', amountRequestedCents: 12_360_000, amountObtainedCents: 12_360_000, state: 'OBTAINED', requestedOn: '2026-01-20', decidedOn: '2026-03-12' },
      { funder: 'DEPARTEMENT', funderName: null, scheme: 'Aide aux communes rurales', amountRequestedCents: 10_300_000, amountObtainedCents: null, state: 'REQUESTED', requestedOn: '2026-02-02', decidedOn: null },
    ],
    milestones: [
      { date: '2026-03-15', title: 'Choix de l’entreprise', done: true },
      { date: '2026-07-06', title: 'Travaux pendant les vacances d’été', done: false },
      { date: '2026-10-30', title: 'Réception des travaux', done: false },
    ],
    lessons: noLessons,
    evaluation: '',
  },
  {
    communeInsee: '95002',
    authorEmail: 'maire@ableiges.example',
    title: 'Réfection du lavoir de la Viosne',
    summary: 'Restauration de la charpente et de la couverture en tuiles plates du lavoir du XIXe siècle.',
    description: 'Le lavoir communal menaçait ruine : charpente attaquée, tuiles manquantes, bassin fissuré.',
    objectives: 'Sauver un élément du patrimoine rural et l’ouvrir aux promenades du dimanche.',
    theme: 'CULTURE_PATRIMOINE',
    status: 'COMPLETED',
    progress: 100,
    startDate: '2025-04-01',
    endDate: '2025-09-15',
    projectLead: 'Commune d’Ableiges',
    partners: 'Fondation du patrimoine, association « Ableiges d’hier et d’aujourd’hui »',
    location: { lat: 49.0881, lng: 1.9772, address: 'Chemin du Lavoir' },
    forecastCostCents: 6_500_000,
    finalCostCents: 7_180_000,
    fundingLines: [
      { funder: 'REGION', funderName: null, scheme: 'Patrimoine rural', amountRequestedCents: 2_000_000, amountObtainedCents: 2_000_000, state: 'PAID', requestedOn: '2024-11-05', decidedOn: '2025-02-10' },
      { funder: 'AUTRE', funderName: 'Fondation du patrimoine', scheme: 'Souscription publique', amountRequestedCents: 1_500_000, amountObtainedCents: 1_120_000, state: 'PAID', requestedOn: '2024-12-01', decidedOn: '2025-06-30' },
    ],
    milestones: [
      { date: '2025-04-01', title: 'Début du chantier', done: true },
      { date: '2025-09-15', title: 'Inauguration', done: true },
    ],
    lessons: {
      problems: 'La charpente était plus abîmée que prévu : un surcoût de 10 % découvert au démontage.',
      differently: 'Faire réaliser un diagnostic de la charpente par un charpentier avant la consultation.',
      advice: 'La souscription de la Fondation du patrimoine mobilise les habitants : lancez-la tôt, avec une réunion publique.',
    },
    evaluation: 'Chantier terminé avec trois semaines de retard ; le lavoir accueille désormais les Journées du patrimoine.',
  },
  {
    communeInsee: '95625',
    authorEmail: 'maire@us.example',
    title: 'Sécurisation de la traversée du bourg',
    summary: 'Plateaux ralentisseurs, trottoirs élargis et passages piétons éclairés sur la RD 51.',
    description: 'La route départementale traverse le bourg à vitesse élevée devant l’école et la mairie.',
    objectives: 'Faire respecter les 30 km/h devant l’école et permettre aux enfants de marcher en sécurité.',
    theme: 'VOIRIE',
    status: 'PLANNED',
    progress: 0,
    startDate: '2027-03-01',
    endDate: null,
    projectLead: 'Commune d’Us',
    partners: 'Département du Val-d’Oise (gestionnaire de la RD 51)',
    location: null,
    forecastCostCents: 26_000_000,
    finalCostCents: null,
    fundingLines: [
      { funder: 'DEPARTEMENT', funderName: null, scheme: 'Amendes de police', amountRequestedCents: null, amountObtainedCents: null, state: 'CONSIDERED', requestedOn: null, decidedOn: null },
    ],
    milestones: [{ date: '2026-12-15', title: 'Étude de faisabilité avec le département', done: false }],
    lessons: noLessons,
    evaluation: '',
  },
  {
    communeInsee: '95651',
    authorEmail: 'adjointe@vetheuil.example',
    title: 'Jardin partagé et verger conservatoire',
    summary: 'Création d’un jardin partagé de 20 parcelles et plantation de 30 fruitiers de variétés locales.',
    description: 'Sur un terrain communal en friche près de l’église, en lien avec l’école et l’association des parents.',
    objectives: 'Créer du lien entre habitants et préserver des variétés anciennes de pommes et de poires du Vexin.',
    theme: 'ENVIRONNEMENT_BIODIVERSITE',
    status: 'IN_PROGRESS',
    progress: 40,
    startDate: '2026-02-01',
    endDate: '2026-11-30',
    projectLead: 'Commune de Vétheuil',
    partners: 'Parc naturel régional du Vexin français, école de Vétheuil',
    location: null,
    forecastCostCents: 1_850_000,
    finalCostCents: null,
    fundingLines: [
      { funder: 'AUTRE', funderName: 'Parc naturel régional du Vexin français', scheme: 'Vergers et haies', amountRequestedCents: 900_000, amountObtainedCents: 900_000, state: 'OBTAINED', requestedOn: '2025-12-01', decidedOn: '2026-01-15' },
    ],
    milestones: [
      { date: '2026-03-20', title: 'Plantation des fruitiers', done: true },
      { date: '2026-05-10', title: 'Attribution des parcelles', done: false },
    ],
    lessons: noLessons,
    evaluation: '',
  },
];
