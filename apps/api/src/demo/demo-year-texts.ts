import type { ThreadCategory } from '@passerelle/shared/dto';

/** A question a commune asks, and the answer the département gives to it. */
export interface DemoQuestionText {
  subject: string;
  question: string;
  answer: string;
  /** Labels an agent would put on it (names of `DEMO_LABELS`). */
  labels?: string[];
}

/** A handful of questions per category, as small communes ask them, with the département's answer. */
export const DEMO_QUESTION_TEXTS: Record<ThreadCategory, readonly DemoQuestionText[]> = {
  FUNDING: [
    {
      subject: 'Dossier de DETR pour la réfection de la voirie',
      question: 'Bonjour,\n\nNous voulons refaire la chaussée de la rue principale (environ 120 000 € HT). Pouvons-nous encore déposer une demande de DETR cette année, et quelles pièces faut-il joindre ?\n\nMerci.',
      answer: 'Bonjour,\n\nOui, la préfecture reçoit les dossiers de DETR jusqu’à la date fixée par l’appel à projets de l’année. Il faut la délibération approuvant le projet et son plan de financement, les devis ou l’estimation HT, le calendrier et l’attestation de non-commencement des travaux.\n\nBien cordialement,',
      labels: ['DETR / DSIL'],
    },
    {
      subject: 'Cumul de la DSIL et de l’aide départementale',
      question: 'Bonjour, la commune a obtenu la DSIL pour la rénovation énergétique de la mairie. Peut-on aussi demander l’aide aux communes rurales du Département pour le même projet ?',
      answer: 'Bonjour,\n\nLes deux aides se cumulent, dans la limite de 80 % d’aides publiques sur le coût HT : la commune garde au moins 20 % à sa charge. Déposez la demande avant de signer les devis.\n\nBien cordialement,',
      labels: ['DETR / DSIL'],
    },
    {
      subject: 'Subvention pour restaurer le lavoir',
      question: 'Bonjour,\n\nLa toiture du lavoir communal est à refaire. Existe-t-il une aide pour le petit patrimoine non protégé ?',
      answer: 'Bonjour,\n\nL’aide départementale au patrimoine rural non protégé finance jusqu’à 40 % des travaux HT ; la Fondation du patrimoine peut compléter par une souscription. Un devis d’artisan suffit pour déposer la demande.\n\nBien cordialement,',
      labels: ['Patrimoine'],
    },
    {
      subject: 'Fonds vert pour la désimperméabilisation de la cour d’école',
      question: 'Bonjour, nous aimerions remplacer l’enrobé de la cour de l’école par des espaces plantés. Ce projet peut-il être financé par le Fonds vert ?',
      answer: 'Bonjour,\n\nOui, la renaturation des cours d’école entre dans le Fonds vert. Le dossier se dépose sur la plateforme de l’État ; nous pouvons relire votre plan de financement avant l’envoi.\n\nBien cordialement,',
    },
    {
      subject: 'Versement du solde de la subvention',
      question: 'Bonjour,\n\nLes travaux de la salle des fêtes sont terminés depuis deux mois. Que faut-il envoyer pour recevoir le solde de la subvention départementale ?',
      answer: 'Bonjour,\n\nEnvoyez-nous l’état récapitulatif des dépenses visé par le comptable public, les factures acquittées et une photo des travaux terminés. Le solde est versé dans les six semaines.\n\nBien cordialement,',
    },
    {
      subject: 'Aide pour l’éclairage public à LED',
      question: 'Bonjour, nos lampadaires consomment beaucoup trop. Le Département aide-t-il au passage à l’éclairage LED ?',
      answer: 'Bonjour,\n\nLe syndicat d’énergie finance une partie du remplacement des luminaires, et l’aide départementale peut compléter pour les communes de moins de 2 000 habitants. Un diagnostic de l’éclairage est demandé.\n\nBien cordialement,',
    },
  ],
  REGULATION: [
    {
      subject: 'Permis d’aménager ou déclaration préalable pour un parking',
      question: 'Bonjour,\n\nNous voulons créer un parking de 15 places sur un terrain communal. Faut-il un permis d’aménager ou une simple déclaration préalable ?',
      answer: 'Bonjour,\n\nUne aire de stationnement ouverte au public de 10 à 49 places relève de la déclaration préalable ; au-delà de 50 places, du permis d’aménager. Vérifiez aussi le règlement de votre PLU pour la zone concernée.\n\nBien cordialement,',
    },
    {
      subject: 'Abattage d’arbres près de l’église classée',
      question: 'Bonjour, deux tilleuls malades menacent de tomber sur la place de l’église, qui est classée. Avons-nous besoin d’une autorisation ?',
      answer: 'Bonjour,\n\nDans les abords d’un monument historique, l’abattage demande l’accord de l’architecte des Bâtiments de France. Joignez un diagnostic phytosanitaire à la déclaration : en cas de danger immédiat, le maire peut agir au titre de ses pouvoirs de police.\n\nBien cordialement,',
      labels: ['Patrimoine'],
    },
    {
      subject: 'Seuil de publicité pour un marché de travaux',
      question: 'Bonjour,\n\nÀ partir de quel montant devons-nous publier un avis pour des travaux de toiture ? Le devis est de 38 000 € HT.',
      answer: 'Bonjour,\n\nSous 40 000 € HT, la commune peut passer le marché sans publicité ni mise en concurrence, en veillant à choisir une offre pertinente et à ne pas toujours retenir la même entreprise. Gardez trois devis au dossier.\n\nBien cordialement,',
    },
    {
      subject: 'Reprise de concessions abandonnées au cimetière',
      question: 'Bonjour, plusieurs tombes du cimetière sont à l’abandon. Quelle est la procédure pour les reprendre ?',
      answer: 'Bonjour,\n\nLa procédure dure au moins trois ans : constat d’abandon dressé par le maire, affiché et notifié aux familles connues, puis nouveau constat trois ans plus tard et délibération du conseil municipal. Nous vous envoyons le modèle de procès-verbal.\n\nBien cordialement,',
    },
    {
      subject: 'Extinction de l’éclairage public la nuit',
      question: 'Bonjour,\n\nLe conseil municipal souhaite éteindre l’éclairage public de 23 h à 5 h. Quelle décision faut-il prendre ?',
      answer: 'Bonjour,\n\nC’est un arrêté du maire, au titre de ses pouvoirs de police, qui fixe les horaires ; une information des habitants est recommandée. Le syndicat d’énergie programme ensuite les horloges.\n\nBien cordialement,',
    },
  ],
  NEXT_STEPS: [
    {
      subject: 'Étapes pour créer une maison de santé',
      question: 'Bonjour,\n\nDeux médecins seraient prêts à s’installer dans l’ancienne poste. Par quoi commencer pour monter une maison de santé ?',
      answer: 'Bonjour,\n\nLa première étape est le projet de santé des professionnels, à présenter à l’agence régionale de santé. En parallèle, une étude de faisabilité du bâtiment ; ensuite seulement les demandes de financement. Nous pouvons organiser une réunion avec l’ARS.\n\nBien cordialement,',
    },
    {
      subject: 'Lancer la rénovation énergétique de l’école',
      question: 'Bonjour, l’école est mal isolée et la chaudière au fioul est en fin de vie. Quelles sont les étapes avant de consulter des entreprises ?',
      answer: 'Bonjour,\n\nCommencez par un audit énergétique (le conseiller en énergie partagé peut le réaliser), puis faites chiffrer le programme par un maître d’œuvre. Les demandes de subvention se déposent avant la signature des devis.\n\nBien cordialement,',
    },
    {
      subject: 'Suite à donner après l’étude de sécurisation du bourg',
      question: 'Bonjour,\n\nL’étude de sécurisation de la traversée du bourg est terminée. Quelle est la prochaine étape, sachant que la route est départementale ?',
      answer: 'Bonjour,\n\nSur une route départementale, les aménagements se font avec l’agence routière : une convention précise qui réalise et qui entretient. Envoyez-nous l’étude, nous la transmettons à l’agence pour un premier rendez-vous.\n\nBien cordialement,',
    },
    {
      subject: 'Calendrier des travaux d’assainissement',
      question: 'Bonjour, le syndicat des eaux annonce des travaux sur notre réseau. Comment coordonner la réfection de la voirie avec ce chantier ?',
      answer: 'Bonjour,\n\nIl est préférable de caler la réfection de la chaussée après les travaux de réseau : demandez au syndicat son planning et prévoyez une convention de coordination. Nous pouvons réunir les deux maîtres d’ouvrage.\n\nBien cordialement,',
    },
    {
      subject: 'Accessibilité de la salle des fêtes : par où commencer ?',
      question: 'Bonjour,\n\nLa salle des fêtes n’est pas accessible aux personnes en fauteuil. Quelles démarches devons-nous engager ?',
      answer: 'Bonjour,\n\nFaites d’abord réaliser un diagnostic d’accessibilité, puis déposez une autorisation de travaux au titre des établissements recevant du public. Le CAUE conseille gratuitement sur le projet.\n\nBien cordialement,',
    },
  ],
  CONTACTS: [
    {
      subject: 'Interlocuteur pour l’aménagement du centre-bourg',
      question: 'Bonjour, qui peut nous conseiller sur l’aménagement de la place du village ?',
      answer: 'Bonjour,\n\nLe CAUE du Val-d’Oise conseille gratuitement les communes sur leurs espaces publics. Je vous transmets les coordonnées de l’architecte-conseiller de votre secteur.\n\nBien cordialement,',
    },
    {
      subject: 'Contact pour l’entretien d’une route départementale',
      question: 'Bonjour,\n\nDes nids-de-poule se sont formés sur la départementale à l’entrée du village. À qui devons-nous le signaler ?',
      answer: 'Bonjour,\n\nL’agence routière départementale de votre secteur gère l’entretien de cette route. Je lui ai transmis votre signalement ; vous pouvez aussi la joindre directement à l’adresse de l’agence.\n\nBien cordialement,',
    },
    {
      subject: 'Qui contacter pour un projet de haies ?',
      question: 'Bonjour, nous voulons replanter des haies le long des chemins ruraux. Existe-t-il un interlocuteur au Département ?',
      answer: 'Bonjour,\n\nLe service de l’environnement du Département accompagne les plantations de haies et peut vous orienter vers les aides régionales. Je vous mets en relation avec la chargée de mission.\n\nBien cordialement,',
    },
    {
      subject: 'Référent pour le transport scolaire',
      question: 'Bonjour,\n\nUn arrêt de car scolaire pose problème devant la mairie. Qui gère ce sujet ?',
      answer: 'Bonjour,\n\nLe transport scolaire relève d’Île-de-France Mobilités ; pour la sécurité de l’arrêt sur la route départementale, l’agence routière peut étudier un aménagement. Je vous envoie les deux contacts.\n\nBien cordialement,',
    },
  ],
  OTHER: [
    {
      subject: 'Prêt de barrières pour la fête du village',
      question: 'Bonjour, le Département peut-il nous prêter des barrières de sécurité pour la fête du village ?',
      answer: 'Bonjour,\n\nOui : des barrières peuvent être retirées au centre routier le plus proche, sur réservation. Je vous envoie le formulaire de prêt.\n\nBien cordialement,',
    },
    {
      subject: 'Formation des secrétaires de mairie',
      question: 'Bonjour,\n\nNotre nouvelle secrétaire de mairie souhaiterait une formation sur le budget communal. Le Département en propose-t-il ?',
      answer: 'Bonjour,\n\nLe centre de gestion et le CNFPT proposent des formations au budget ; le Département organise aussi deux demi-journées par an pour les secrétaires de mairie. Je vous inscris à la prochaine session si vous le souhaitez.\n\nBien cordialement,',
    },
    {
      subject: 'Exposition itinérante pour la bibliothèque',
      question: 'Bonjour, la bibliothèque municipale pourrait-elle accueillir une exposition de la médiathèque départementale ?',
      answer: 'Bonjour,\n\nOui, la médiathèque départementale prête ses expositions itinérantes gratuitement. Le catalogue et le calendrier des réservations vous sont envoyés par la médiathèque.\n\nBien cordialement,',
    },
    {
      subject: 'Mise à jour des informations de la commune',
      question: 'Bonjour,\n\nLe nouveau maire adjoint n’apparaît pas dans l’annuaire du Département. Comment le mettre à jour ?',
      answer: 'Bonjour,\n\nC’est fait : l’annuaire est à jour. Pensez à nous envoyer l’arrêté de délégation pour nos dossiers.\n\nBien cordialement,',
    },
  ],
};

/** An agent asks for something before answering further: the question then waits for the commune. */
export const DEMO_WAITING_REQUESTS = [
  'Bonjour,\n\nPour vous répondre précisément, pouvez-vous nous envoyer la délibération du conseil municipal et le devis ?\n\nBien cordialement,',
  'Bonjour,\n\nPouvez-vous nous transmettre le plan de situation et une photo des lieux ? Nous reprenons le dossier dès réception.\n\nBien cordialement,',
  'Bonjour,\n\nIl nous manque le plan de financement prévisionnel : pouvez-vous nous l’envoyer ?\n\nBien cordialement,',
];

/** The commune sends what was asked. */
export const DEMO_DOCUMENTS_SENT = [
  'Bonjour, voici la délibération et le devis demandés.',
  'Bonjour,\n\nVous trouverez le plan et les photos ci-joints. Merci d’avance.',
  'Voici le plan de financement voté par le conseil municipal.',
];

/** The commune asks a further question after an answer. */
export const DEMO_FOLLOW_UPS = [
  'Merci pour votre réponse. Faut-il une délibération spécifique pour cette demande ?',
  'Merci. Quel est le délai habituel de réponse une fois le dossier déposé ?',
  'Merci beaucoup. Pouvons-nous commencer les travaux avant la décision ?',
  'Merci. Le devis a augmenté de 10 % depuis, faut-il refaire la demande ?',
];

/** The département's answer to a further question. */
export const DEMO_FOLLOW_UP_ANSWERS = [
  'Bonjour,\n\nOui, une délibération approuvant le projet et son plan de financement est nécessaire.\n\nBien cordialement,',
  'Bonjour,\n\nComptez deux à trois mois après le dépôt d’un dossier complet.\n\nBien cordialement,',
  'Bonjour,\n\nNon : commencer les travaux avant l’accusé de réception du dossier complet rend la dépense inéligible.\n\nBien cordialement,',
  'Bonjour,\n\nEnvoyez-nous le nouveau devis : nous mettrons à jour la demande sans tout reprendre.\n\nBien cordialement,',
];

/** The agent takes the question up again after the commune's documents. */
export const DEMO_AFTER_DOCUMENTS = [
  'Bonjour,\n\nMerci, le dossier est complet. Nous l’inscrivons à la prochaine commission.\n\nBien cordialement,',
  'Bonjour,\n\nMerci pour ces éléments. Le projet est éligible ; vous pouvez déposer la demande.\n\nBien cordialement,',
];

/** A commune thanks the agent before closing. */
export const DEMO_THANKS = ['Merci beaucoup pour votre aide.', 'Merci, c’est très clair.', 'Parfait, merci pour la rapidité de la réponse.'];

/** A commune reopens a closed question. */
export const DEMO_REOPENINGS = [
  'Bonjour, je rouvre la question : la préfecture nous demande finalement une pièce supplémentaire. Laquelle fournir ?',
  'Bonjour,\n\nLe conseil municipal a modifié le projet : l’aide reste-t-elle possible ?',
];

/** The answer after a reopening. */
export const DEMO_REOPENING_ANSWERS = [
  'Bonjour,\n\nIl s’agit de l’attestation de non-commencement des travaux ; un modèle est joint à cette réponse.\n\nBien cordialement,',
  'Bonjour,\n\nOui, tant que le projet garde le même objet. Envoyez-nous la nouvelle délibération.\n\nBien cordialement,',
];

/** Internal notes between agents (never shown to the commune). */
export const DEMO_NOTES = [
  'Dossier déjà vu l’an dernier, voir avec le service des routes.',
  'Vérifier le plafond de 80 % d’aides publiques avant de répondre.',
  'Question fréquente : à ajouter à la FAQ.',
  'J’appelle la secrétaire de mairie pour préciser le besoin.',
];

/** Comments left with a satisfaction score, from the most to the least satisfied. */
export const DEMO_SATISFACTION_COMMENTS: Record<'good' | 'fair' | 'poor', readonly string[]> = {
  good: ['Réponse rapide et précise, merci.', 'Très utile, nous avons pu déposer le dossier à temps.', 'Le bon interlocuteur du premier coup.'],
  fair: ['Réponse utile mais un peu tardive.', 'Correct, il a fallu relancer une fois.'],
  poor: ['Beaucoup trop long, le délai de dépôt était presque passé.', 'Nous avons dû chercher la réponse ailleurs.'],
};
