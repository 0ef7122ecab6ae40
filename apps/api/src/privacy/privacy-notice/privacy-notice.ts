import {
  DATA_EXPORT_LINK_DAYS,
  DELETED_AGENT_LABEL,
  DELETED_MEMBER_LABEL,
  NEWSLETTER_CONFIRMATION_HOURS,
  type PrivacyNoticeDto,
  type PrivacyRightDto,
  type ProcessingActivityDto,
} from '@passerelle/shared/dto';
import type { PrivacyConfig } from '../../config/app-config';
import { ENDED_LINK_DAYS, retentionPolicies } from '../retention/retention-policies';

/** How long a session lasts at most (`SESSION_TTL_MS` of the sessions). */
const SESSION_DAYS = 30;
/** The mail outbox forgets sent and failed mails after this (`RETENTION_DAYS` of the mail dispatcher). */
const MAIL_OUTBOX_DAYS = 30;
/** A failed or expired export's row, kept this long after the archive is gone. */
const EXPORT_RECORD_DAYS = 30;

const PUBLIC_MISSION =
  'Mission d’intérêt public (article 6.1.e du RGPD)\u00a0: la solidarité territoriale et l’appui du département aux communes';
const SECURITY_OBLIGATION = 'Obligation légale (article 6.1.c du RGPD)\u00a0: la sécurité des traitements (article 32 du RGPD)';
const NEWSLETTER_CONSENT =
  'Consentement (article 6.1.a du RGPD)\u00a0: l’abonnement confirmé par le lien reçu par courriel, retiré à tout moment par le lien de désabonnement';
const ACCESS_OBLIGATION = 'Obligation légale (article 6.1.c du RGPD)\u00a0: le droit d’accès des personnes (article 15 du RGPD)';

/** `365` → « 1 an », `730` → « 2 ans », `30` → « 30 jours »: whole years when the period is one, days otherwise. */
export function durationInWords(days: number): string {
  if (days >= 365 && days % 365 === 0) {
    const years = days / 365;
    return years === 1 ? '1 an' : `${years} ans`;
  }
  return days === 1 ? '1 jour' : `${days} jours`;
}

function activities(privacy: PrivacyConfig): ProcessingActivityDto[] {
  const grace = durationInWords(privacy.deletionGraceDays);
  return [
    {
      key: 'ACCOUNTS',
      name: 'Comptes et accès',
      purpose:
        'Donner accès aux espaces réservés de Passerelle aux élus et agents des communes et aux agents du département, et sécuriser les connexions.',
      legalBasis: PUBLIC_MISSION,
      people: 'Les élus et agents des communes qui ont un compte (maire, collaborateurs), les agents et administrateurs du département.',
      data: [
        'Nom affiché, adresse électronique, rôle, commune ou département de rattachement',
        'Mot de passe, jamais conservé en clair (empreinte argon2id)',
        'Second facteur d’authentification (secret chiffré, codes de secours en empreinte)',
        'Sessions ouvertes\u00a0: date, navigateur, adresse IP, dernière utilisation',
        'Dates de création du compte et de dernière connexion',
        'Invitations et liens de réinitialisation du mot de passe (conservés en empreinte)',
      ],
      recipients: [
        'Les membres de la commune, pour les comptes de leur équipe',
        'Les agents du département, pour les comptes des communes et de leurs collègues',
        'Les administrateurs du département, qui gèrent les comptes',
      ],
      retention:
        `Tant que le compte sert. Un compte sans connexion depuis ${durationInWords(privacy.inactiveAccountDays)} est supprimé, ` +
        `après deux avertissements par courriel, 30 et 7 jours avant. Un compte dont la suppression est demandée est désactivé ` +
        `aussitôt et supprimé ${grace} plus tard. Une session dure au plus ${SESSION_DAYS} jours, une invitation 7 jours, un lien ` +
        `de réinitialisation du mot de passe 1 heure\u00a0; ils sont supprimés ${durationInWords(ENDED_LINK_DAYS)} après avoir pris fin ` +
        '(expiration, déconnexion ou utilisation).',
    },
    {
      key: 'WORKSPACES',
      name: 'Espaces des communes, fiches projet et documents',
      purpose: 'Permettre à chaque commune de décrire ses projets, d’en partager les documents avec le département et de préparer ses demandes d’aide.',
      legalBasis: PUBLIC_MISSION,
      people: 'Les membres des communes qui rédigent les fiches et déposent les documents\u00a0; les personnes citées dans les documents.',
      data: [
        'Contenu des fiches projet (textes, coûts, financements, localisation)',
        'Documents et photos déposés (nom, type, taille, contenu)',
        'Auteur et date de chaque fiche, de chaque modification et de chaque document',
      ],
      recipients: ['Les membres de la commune', 'Les agents du département'],
      retention:
        'Tant que la commune utilise son espace\u00a0: ce sont ses dossiers. Quand un compte est supprimé, ce qu’il a écrit ' +
        `reste, sous la mention «\u00a0${DELETED_MEMBER_LABEL}\u00a0».`,
    },
    {
      key: 'THREADS',
      name: 'Questions et réponses avec le département',
      purpose: 'Permettre aux communes de poser leurs questions au département, et au département d’y répondre, de les répartir et de les suivre.',
      legalBasis: PUBLIC_MISSION,
      people: 'Les membres des communes qui posent les questions, les agents du département qui y répondent.',
      data: [
        'Messages et pièces jointes, avec leur auteur et leur date',
        'Historique de la question (état, agent chargé, étiquettes)',
        'Notes internes des agents, jamais visibles des communes',
        'Avis donné à la fermeture (satisfaction, effort)',
      ],
      recipients: ['Les membres de la commune concernée (sans les notes internes)', 'Les agents du département'],
      retention:
        `Le contenu des questions est conservé. ${durationInWords(privacy.closedThreadAuthorDays)} après la fermeture d’une question, ` +
        `le nom de ses auteurs est remplacé par «\u00a0${DELETED_MEMBER_LABEL}\u00a0» ou «\u00a0${DELETED_AGENT_LABEL}\u00a0».`,
    },
    {
      key: 'PUBLICATIONS',
      name: 'Publication des projets terminés',
      purpose: 'Faire connaître au public les projets menés par les communes, avec leur accord, sur le portail et en données ouvertes.',
      legalBasis: PUBLIC_MISSION,
      people:
        'Les personnes citées ou photographiées dans les fiches que la commune choisit de publier. Aucun nom de compte ni aucune adresse électronique n’est publié.',
      data: [
        'Textes, coûts, financements, lieu, photos et documents choisis par la commune',
        'Dates de publication et de relecture par le département',
      ],
      recipients: ['Le public\u00a0: portail, carte et données ouvertes (Licence Ouverte 2.0)'],
      retention: 'Tant que la commune ou le département ne retire pas la publication.',
    },
    {
      key: 'NOTIFICATIONS',
      name: 'Notifications et courriels',
      purpose:
        'Prévenir chacun de ce qui le concerne (question, réponse, publication, invitation, archive prête…), dans Passerelle et par courriel selon ses préférences.',
      legalBasis: PUBLIC_MISSION,
      people: 'Les personnes qui ont un compte et les personnes invitées.',
      data: [
        'Notifications\u00a0: objet, lien, date, lue ou non',
        'Courriels\u00a0: destinataire, objet, date et état de l’envoi',
        'Préférences de notification et désabonnements',
      ],
      recipients: ['La personne destinataire seulement', 'Le serveur d’envoi de courriels du département, qui les achemine'],
      retention:
        `Notifications\u00a0: ${durationInWords(privacy.notificationDays)}. Courriels\u00a0: leur contenu est effacé une fois envoyé, ` +
        `la trace de l’envoi après ${MAIL_OUTBOX_DAYS} jours. Sans serveur d’envoi (installation de démonstration), les courriels ` +
        `écrits sur le disque sont supprimés après ${durationInWords(privacy.devMailDays)}.`,
    },
    {
      key: 'AUDIT',
      name: 'Journal de sécurité',
      purpose:
        'Garder la trace des connexions et des actions sensibles (rôles et équipes, décisions de publication, exports, téléchargements de documents, suppressions de comptes) pour détecter les abus et en rendre compte.',
      legalBasis: SECURITY_OBLIGATION,
      people: 'Les personnes qui ont un compte et celles qui tentent de se connecter.',
      data: ['Action, date, auteur et objet concerné', 'Adresse IP et navigateur', 'Jamais de mot de passe ni de jeton'],
      recipients: ['Les administrateurs du département', 'La personne concernée, dans «\u00a0Télécharger mes données\u00a0»'],
      retention: durationInWords(privacy.auditDays),
    },
    {
      key: 'INDICATORS',
      name: 'Statistiques et indicateurs',
      purpose: 'Mesurer les délais de réponse du département aux communes et les volumes de questions, pour piloter le service et en informer le public.',
      legalBasis: PUBLIC_MISSION,
      people:
        'Aucune pour les indicateurs publics, qui sont des chiffres agrégés sans donnée personnelle. Les agents du département pour la répartition interne par agent.',
      data: [
        'Dates des questions, des réponses et des fermetures, catégorie, commune',
        'Agent qui a répondu (répartition interne seulement)',
        'Consultations des projets publiés\u00a0: un compteur par jour, sans cookie ni adresse IP',
      ],
      recipients: [
        'Le public\u00a0: chiffres agrégés seulement',
        'Les agents du département\u00a0; la répartition par agent, aux administrateurs et à chaque agent pour lui-même',
      ],
      retention: 'Ceux des questions dont ils sont tirés\u00a0; les chiffres publiés ne contiennent aucune donnée personnelle.',
    },
    {
      key: 'DATA_EXPORTS',
      name: 'Exports «\u00a0Télécharger mes données\u00a0»',
      purpose: 'Remettre à chacun, à sa demande, une copie de toutes les données que Passerelle conserve à son sujet.',
      legalBasis: ACCESS_OBLIGATION,
      people: 'Les personnes qui demandent leurs données.',
      data: [
        'Archive zip\u00a0: compte, sessions, appartenances, projets et messages écrits, documents déposés et leurs fichiers, notifications, journal de sécurité du compte',
        'Dates de la demande et de la mise à disposition',
      ],
      recipients: ['La personne elle-même, seule à pouvoir télécharger son archive'],
      retention:
        `L’archive peut être téléchargée pendant ${durationInWords(DATA_EXPORT_LINK_DAYS)}, puis elle est supprimée\u00a0; ` +
        `la trace de la demande, ${EXPORT_RECORD_DAYS} jours plus tard.`,
    },
    {
      key: 'NEWSLETTER',
      name: 'Lettre des projets pour les partenaires',
      purpose:
        'Envoyer aux personnes qui s’y abonnent, chaque semaine ou chaque mois, les nouveaux projets publiés des communes et les points d’avancement des projets du Département, pour tout le département, un canton ou un axe du programme.',
      legalBasis: NEWSLETTER_CONSENT,
      people: 'Les personnes qui s’abonnent à la lettre (partenaires, élus, habitants).',
      data: [
        'Adresse électronique, seule donnée conservée',
        'Choix de l’abonnement\u00a0: département, canton ou axe, fréquence',
        'Dates de confirmation et du dernier envoi',
        'Rien n’est conservé avant la confirmation\u00a0: la demande d’abonnement voyage dans le lien signé du courriel',
      ],
      recipients: [
        'Aucun destinataire hors du département\u00a0: l’adresse sert aux seuls envois de la lettre',
        'Le serveur d’envoi de courriels du département, qui les achemine',
      ],
      retention:
        'Jusqu’au désabonnement, par le lien présent dans chaque lettre (un clic)\u00a0: l’abonnement est alors supprimé. ' +
        `Un lien de confirmation non suivi expire au bout de ${NEWSLETTER_CONFIRMATION_HOURS} heures sans qu’aucune donnée ait été conservée.`,
    },
  ];
}

function rights(privacy: PrivacyConfig, contact: string): PrivacyRightDto[] {
  return [
    {
      name: 'Droit d’accès (article 15 du RGPD)',
      how:
        'Dans «\u00a0Mon compte\u00a0», «\u00a0Télécharger mes données\u00a0» prépare une archive de tout ce que Passerelle conserve ' +
        `à votre sujet\u00a0; vous êtes prévenu quand elle est prête et pouvez la télécharger pendant ${durationInWords(DATA_EXPORT_LINK_DAYS)}.`,
    },
    {
      name: 'Droit de rectification (article 16 du RGPD)',
      how:
        'Corrigez votre nom dans «\u00a0Mon compte\u00a0». Pour votre adresse électronique ou votre rôle, adressez-vous au maire de ' +
        'votre commune ou à un administrateur du département.',
    },
    {
      name: 'Droit à l’effacement (article 17 du RGPD)',
      how:
        'Dans «\u00a0Mon compte\u00a0», «\u00a0Supprimer mon compte\u00a0» le désactive aussitôt\u00a0; il est supprimé ' +
        `${durationInWords(privacy.deletionGraceDays)} plus tard, et vous reconnecter d’ici là annule la suppression. Ce que vous avez ` +
        `écrit pour votre commune ou le département reste, sous la mention «\u00a0${DELETED_MEMBER_LABEL}\u00a0» ou ` +
        `«\u00a0${DELETED_AGENT_LABEL}\u00a0». Un administrateur du département peut aussi supprimer votre compte à votre demande.`,
    },
    {
      name: 'Droit à la limitation du traitement (article 18 du RGPD)',
      how: `Écrivez ${contact}.`,
    },
    {
      name: 'Droit d’opposition (article 21 du RGPD)',
      how: `Écrivez ${contact}, en indiquant les raisons tenant à votre situation particulière.`,
    },
    {
      name: 'Droit à la portabilité (article 20 du RGPD)',
      how:
        'Il ne s’applique pas aux traitements fondés sur une mission d’intérêt public. L’archive de «\u00a0Télécharger mes ' +
        'données\u00a0» est néanmoins dans un format ouvert (JSON), lisible par d’autres logiciels.',
    },
    {
      name: 'Retrait du consentement (article 7.3 du RGPD)',
      how:
        'L’abonnement à la lettre des projets repose sur votre consentement\u00a0: retirez-le à tout moment par le lien de ' +
        'désabonnement présent dans chaque lettre, en un clic\u00a0; votre adresse est alors supprimée.',
    },
    {
      name: 'Réclamation auprès de la CNIL',
      how:
        'Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de ' +
        'l’informatique et des libertés (www.cnil.fr/fr/plaintes).',
    },
  ];
}

const SECURITY_MEASURES = [
  'Connexions chiffrées (HTTPS)',
  'Mots de passe conservés en empreinte argon2id\u00a0; double authentification obligatoire pour les agents et administrateurs du département',
  'Sessions courtes, que chacun peut consulter et fermer depuis «\u00a0Mon compte\u00a0»',
  'Cloisonnement\u00a0: chaque commune ne voit que ses données, chaque agent celles de son département',
  'Nombre de tentatives de connexion limité',
  'Journal de sécurité des connexions et des actions sensibles',
  'Documents servis en téléchargement après vérification des droits, type vérifié sur leur contenu',
];

/** The notice of the installation: what it keeps, why, for how long, who sees it, and how to use one’s rights. */
export function buildPrivacyNotice(privacy: PrivacyConfig, controller: string): PrivacyNoticeDto {
  const contact = privacy.dpoEmail ? `au délégué à la protection des données (${privacy.dpoEmail})` : 'au département';
  return {
    controller,
    dpoEmail: privacy.dpoEmail,
    activities: activities(privacy),
    policies: retentionPolicies(privacy),
    deletionGraceDays: privacy.deletionGraceDays,
    exportLinkDays: DATA_EXPORT_LINK_DAYS,
    rights: rights(privacy, contact),
    security: SECURITY_MEASURES,
    transfers: 'Aucun transfert hors de l’Union européenne n’est prévu.',
  };
}
