import type { SatisfactionScore, ThreadCategory, ThreadState } from '@passerelle/shared/dto';

export interface DemoMessage {
  authorEmail: string;
  /** Hours before the seeding. */
  hoursAgo: number;
  body: string;
  internal?: boolean;
}

export interface DemoThread {
  communeInsee: string;
  subject: string;
  category: ThreadCategory;
  /** Title of a demo project of the same commune. */
  projectTitle?: string;
  state: ThreadState;
  assigneeEmail?: string;
  labels?: string[];
  messages: DemoMessage[];
  /** Hours before the seeding when the agent started waiting for the commune. */
  waitingSinceHoursAgo?: number;
  closedHoursAgo?: number;
  satisfaction?: { score: SatisfactionScore; comment: string | null; byEmail: string };
}

export const DEMO_LABELS = [
  { name: 'Urgent', colour: '#c62828' },
  { name: 'DETR / DSIL', colour: '#1565c0' },
  { name: 'Patrimoine', colour: '#6a1b9a' },
] as const;

export const DEMO_TEMPLATES = [
  {
    title: 'Accusé de réception',
    body: 'Bonjour {{maire}},\n\nNous avons bien reçu votre question pour {{commune}} et nous l’étudions. Nous revenons vers vous très vite.\n\nBien cordialement,',
  },
  {
    title: 'Pièces d’une demande de DETR',
    body: 'Bonjour {{maire}},\n\nPour votre demande de DETR à {{commune}}, la préfecture attend :\n\n- la délibération du conseil municipal approuvant le projet et son plan de financement ;\n- les devis ou l’estimation détaillée HT ;\n- le calendrier prévisionnel des travaux ;\n- l’attestation de non-commencement des travaux.\n\nBien cordialement,',
  },
  {
    title: 'Orientation vers le CAUE',
    body: 'Bonjour {{maire}},\n\nLe CAUE du Val-d’Oise conseille gratuitement les communes sur leurs projets de bâtiments et d’espaces publics. Je vous invite à prendre contact avec lui avant de consulter les entreprises.\n\nBien cordialement,',
  },
] as const;

/** Questions of the demo communes in every state, with answers, an internal note and satisfaction. */
export const DEMO_THREADS: readonly DemoThread[] = [
  {
    communeInsee: '95002',
    subject: 'Cumul de la DETR et de l’aide départementale pour l’école',
    category: 'FUNDING',
    projectTitle: 'Rénovation énergétique de l’école communale',
    state: 'ANSWERED',
    assigneeEmail: 'agent.financements@valdoise.example',
    labels: ['DETR / DSIL'],
    messages: [
      {
        authorEmail: 'secretariat@ableiges.example',
        hoursAgo: 150,
        body: 'Bonjour,\n\nNous avons obtenu la DETR (30 %) pour la rénovation de l’école. Pouvons-nous aussi demander l’**aide aux communes rurales** du Département pour le même projet ? Quel est le plafond total des aides ?\n\nMerci d’avance.',
      },
      {
        authorEmail: 'agent.financements@valdoise.example',
        hoursAgo: 140,
        body: 'Dossier complet. Attention au plafond de 80 % d’aides publiques : avec les deux aides on arrive à 55 %, c’est bon.',
        internal: true,
      },
      {
        authorEmail: 'agent.financements@valdoise.example',
        hoursAgo: 120,
        body: 'Bonjour,\n\nOui, les deux aides se cumulent. Le total des aides publiques ne peut pas dépasser **80 % du coût HT** (article L1111-10 du CGCT) : la commune finance au moins 20 %.\n\nAvec la DETR (30 %) et l’aide départementale (25 %), vous êtes à 55 % : vous pouvez déposer la demande.\n\nBien cordialement,',
      },
    ],
  },
  {
    communeInsee: '95002',
    subject: 'Étapes pour aménager le parking de la salle des fêtes',
    category: 'NEXT_STEPS',
    state: 'NEW',
    labels: ['Urgent'],
    messages: [
      {
        authorEmail: 'maire@ableiges.example',
        hoursAgo: 200,
        body: 'Bonjour,\n\nLe conseil municipal souhaite aménager un parking de 20 places à côté de la salle des fêtes, sur un terrain communal. Par quoi devons-nous commencer : étude, permis d’aménager, consultation des entreprises ?',
      },
    ],
  },
  {
    communeInsee: '95625',
    subject: 'Abattage de tilleuls malades sur la place de l’église',
    category: 'REGULATION',
    state: 'WAITING_COMMUNE',
    assigneeEmail: 'agent.voirie@valdoise.example',
    waitingSinceHoursAgo: 50,
    messages: [
      {
        authorEmail: 'maire@us.example',
        hoursAgo: 96,
        body: 'Bonjour,\n\nTrois tilleuls de la place de l’église sont malades et des branches tombent. Avons-nous besoin d’une autorisation pour les abattre ? La place est dans le périmètre de l’église classée.',
      },
      {
        authorEmail: 'agent.voirie@valdoise.example',
        hoursAgo: 50,
        body: 'Bonjour Monsieur le Maire,\n\nDans le périmètre d’un monument historique, l’abattage demande l’accord de l’architecte des Bâtiments de France. Pouvez-vous nous transmettre le **diagnostic phytosanitaire** des arbres ? Nous préparerons la demande avec vous.\n\nBien cordialement,',
      },
    ],
  },
  {
    communeInsee: '95625',
    subject: 'Qui contacter pour l’accessibilité de la mairie ?',
    category: 'CONTACTS',
    state: 'CLOSED',
    assigneeEmail: 'agent.voirie@valdoise.example',
    closedHoursAgo: 70,
    satisfaction: { score: 4, comment: 'Réponse rapide et le bon interlocuteur, merci.', byEmail: 'secretariat@us.example' },
    messages: [
      {
        authorEmail: 'secretariat@us.example',
        hoursAgo: 170,
        body: 'Bonjour, nous devons rendre la mairie accessible (rampe, sanitaires). Qui peut nous conseiller ?',
      },
      {
        authorEmail: 'agent.voirie@valdoise.example',
        hoursAgo: 150,
        body: 'Bonjour,\n\nLe CAUE du Val-d’Oise conseille gratuitement les communes sur l’accessibilité des bâtiments publics. La DDT instruit ensuite l’autorisation de travaux (Ad’AP).\n\nBien cordialement,',
      },
      {
        authorEmail: 'secretariat@us.example',
        hoursAgo: 72,
        body: 'Merci, nous avons rendez-vous avec le CAUE.',
      },
    ],
  },
  {
    communeInsee: '95651',
    subject: 'Subvention pour restaurer le lavoir',
    category: 'FUNDING',
    state: 'OPEN',
    assigneeEmail: 'agent.financements@valdoise.example',
    labels: ['Patrimoine'],
    messages: [
      {
        authorEmail: 'adjointe@vetheuil.example',
        hoursAgo: 300,
        body: 'Bonjour, le lavoir du XIXe siècle a besoin d’une nouvelle toiture. Existe-t-il une aide pour le petit patrimoine non protégé ?',
      },
      {
        authorEmail: 'agent.financements@valdoise.example',
        hoursAgo: 280,
        body: 'Bonjour,\n\nOui : l’aide départementale au patrimoine rural non protégé finance jusqu’à 40 % des travaux HT. La Fondation du patrimoine peut compléter. Avez-vous un devis ?',
      },
      {
        authorEmail: 'maire@vetheuil.example',
        hoursAgo: 20,
        body: 'Nous avons reçu deux devis (18 400 € et 21 900 € HT). Faut-il les joindre tous les deux à la demande ?',
      },
    ],
  },
  {
    communeInsee: '95651',
    subject: 'Prêt de barrières pour la fête de l’école',
    category: 'OTHER',
    state: 'CLOSED',
    assigneeEmail: 'agent.voirie@valdoise.example',
    closedHoursAgo: 400,
    satisfaction: { score: 5, comment: null, byEmail: 'maire@vetheuil.example' },
    messages: [
      {
        authorEmail: 'maire@vetheuil.example',
        hoursAgo: 480,
        body: 'Bonjour, le Département peut-il nous prêter des barrières de sécurité pour la fête de l’école du 27 juin ?',
      },
      {
        authorEmail: 'agent.voirie@valdoise.example',
        hoursAgo: 460,
        body: 'Bonjour, oui : 30 barrières vous attendent au centre routier de Magny-en-Vexin à partir du 25 juin.',
      },
    ],
  },
];
