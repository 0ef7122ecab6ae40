import {
  DATA_EXPORT_LINK_DAYS,
  DEPT_REPORT_STATE_LABELS,
  EMAIL_MODE_LABELS,
  FAQ_STATUS_LABELS,
  NOTIFICATION_KIND_LABELS,
  PROJECT_STATUS_LABELS,
  PROJECT_THEME_LABELS,
  PUBLICATION_STATE_LABELS,
  ROLE_LABELS,
  SATISFACTION_LABELS,
  THREAD_CATEGORY_LABELS,
  THREAD_STATE_LABELS,
} from '@passerelle/shared/dto';
import { ARCHIVE_FILES, type ArchiveFileName, type ArchiveFiles, DOCUMENTS_FOLDER, README_FILE } from './archive-content';

type RowOf<S> = S extends readonly (infer R)[] ? R : S;

/** One French sentence per field of a row: a field of the archive without one does not compile. */
export type FieldDescriptions<R> = { readonly [K in keyof R]-?: string };

export interface SectionDescription<R> {
  about: string;
  fields: FieldDescriptions<R>;
}

export interface FileDescription<F> {
  about: string;
  sections: { readonly [S in keyof F]-?: SectionDescription<RowOf<F[S]>> };
}

export type ArchiveDescription = { readonly [N in ArchiveFileName]: FileDescription<ArchiveFiles[N]> };

/** « CODE (libellé), … » for the fields that hold a code. */
function codes(labels: Record<string | number, string>): string {
  return Object.entries(labels)
    .map(([code, label]) => `${code} (${label})`)
    .join(', ');
}

const ROLES = `Rôle : ${codes(ROLE_LABELS)}.`;
const INSEE = 'Code INSEE de la commune (5 caractères).';
const COMMUNE_NAME = 'Nom de la commune.';
const DEPARTEMENT = 'Code du département.';
const THREAD_ID = 'Identifiant de la question (fil d’échanges avec le département).';
const THREAD_SUBJECT = 'Sujet de la question.';
const THREAD_STATES = `État de la question : ${codes(THREAD_STATE_LABELS)}.`;
const PROJECT_ID = 'Identifiant de la fiche projet.';
const PROJECT_TITLE = 'Titre de la fiche projet.';
const DEPT_PROJECT_ID = 'Identifiant du projet du Département.';
const DEPT_PROJECT_TITLE = 'Titre du projet du Département.';
const DEPT_REPORT_ID = 'Identifiant du point d’avancement.';
const DEPT_REPORT_DAY = 'Date que décrit le point d’avancement (AAAA-MM-JJ).';
const FAQ_ID = 'Identifiant de la fiche de la FAQ (questions fréquentes).';
const FAQ_TITLE = 'Titre de la fiche de la FAQ.';

/** What each file, section and field of the archive holds, in French: LISEZMOI.txt is written from it. */
export const ARCHIVE_DESCRIPTION: ArchiveDescription = {
  'compte.json': {
    about: 'Votre compte : identité, rôle, rattachement, sécurité de la connexion et dates.',
    sections: {
      compte: {
        about: 'Votre compte tel qu’il est enregistré (jamais votre mot de passe ni vos secrets de connexion, qui ne sont conservés que sous une forme illisible).',
        fields: {
          identifiant: 'Identifiant unique de votre compte.',
          nom: 'Votre nom tel qu’il s’affiche aux autres utilisateurs.',
          courriel: 'Votre adresse électronique, qui sert à vous connecter et à vous écrire.',
          role: ROLES,
          etat: 'État du compte : ACTIVE (actif) ou DISABLED (désactivé).',
          departementCode: DEPARTEMENT,
          departementNom: 'Nom du département.',
          communeInsee: `${INSEE} Vide pour les agents et administrateurs du département.`,
          communeNom: `${COMMUNE_NAME} Vide pour les agents et administrateurs du département.`,
          secondFacteurActive: 'Vrai si la connexion en deux étapes (application d’authentification) est activée.',
          secondFacteurActiveLe: 'Date d’activation de la connexion en deux étapes.',
          codesDeSecoursRestants: 'Nombre de codes de secours de la connexion en deux étapes encore utilisables (les codes eux-mêmes ne sont pas conservés en clair).',
          creeLe: 'Date de création du compte.',
          modifieLe: 'Date de la dernière modification du compte.',
          derniereConnexion: 'Date de votre dernière connexion.',
          suppressionDemandeeLe: 'Date à laquelle la suppression du compte a été demandée, s’il y a lieu.',
          suppressionPrevueLe: 'Date à laquelle le compte sera supprimé si vous ne vous reconnectez pas avant.',
          avertissementsInactivite: 'Nombre de courriels d’avertissement envoyés avant la suppression d’un compte inactif (0 à 2).',
          dernierAvertissementInactiviteLe: 'Date du dernier de ces avertissements.',
        },
      },
      archive: {
        about: 'Cette archive.',
        fields: {
          genereeLe: 'Date à laquelle l’archive a été préparée.',
          versionFormat: 'Version du format de l’archive (elle change si un champ change de sens ou disparaît).',
        },
      },
    },
  },
  'sessions.json': {
    about: 'Les appareils et navigateurs depuis lesquels vous vous êtes connecté, et vos demandes de nouveau mot de passe.',
    sections: {
      sessions: {
        about: 'Chaque connexion ouverte (session), la plus récente d’abord.',
        fields: {
          identifiant: 'Identifiant de la session.',
          ouverteLe: 'Date de la connexion.',
          derniereUtilisation: 'Dernière fois que la session a servi.',
          expireLe: 'Date à laquelle la session expire sans utilisation.',
          termineeLe: 'Date à laquelle la session a été fermée (déconnexion, changement de mot de passe…).',
          motifFin: 'Pourquoi elle a été fermée.',
          navigateur: 'Navigateur et système déclarés par l’appareil (« user agent »).',
          adresseIp: 'Adresse IP d’où la connexion a été faite.',
        },
      },
      reinitialisationsMotDePasse: {
        about: 'Vos demandes de lien pour choisir un nouveau mot de passe (le lien lui-même n’est pas conservé en clair).',
        fields: {
          demandeeLe: 'Date de la demande.',
          expireLe: 'Date d’expiration du lien.',
          utiliseeLe: 'Date à laquelle le lien a servi.',
          annuleeLe: 'Date à laquelle le lien a été annulé.',
        },
      },
    },
  },
  'appartenances.json': {
    about: 'Votre place dans Passerelle : votre commune ou votre département, votre rôle, les invitations envoyées et reçues.',
    sections: {
      rattachement: {
        about: 'La commune (espace de la commune) ou le département auquel votre compte appartient.',
        fields: {
          type: 'COMMUNE (membre d’une commune) ou DEPARTEMENT (agent ou administrateur du département).',
          role: ROLES,
          departementCode: DEPARTEMENT,
          departementNom: 'Nom du département.',
          communeInsee: INSEE,
          communeNom: COMMUNE_NAME,
          depuisLe: 'Date depuis laquelle vous en faites partie (création du compte).',
        },
      },
      espacesOuverts: {
        about: 'Les espaces de commune que vous avez ouverts.',
        fields: {
          communeInsee: INSEE,
          communeNom: COMMUNE_NAME,
          ouvertLe: 'Date d’ouverture de l’espace.',
        },
      },
      invitationsEnvoyees: {
        about: 'Les invitations à rejoindre Passerelle que vous avez envoyées.',
        fields: {
          courriel: 'Adresse de la personne invitée.',
          role: `Rôle proposé. ${ROLES}`,
          communeInsee: INSEE,
          communeNom: COMMUNE_NAME,
          envoyeeLe: 'Date d’envoi.',
          expireLe: 'Date d’expiration du lien d’invitation.',
          accepteeLe: 'Date à laquelle l’invitation a été acceptée.',
          annuleeLe: 'Date à laquelle l’invitation a été annulée.',
        },
      },
      invitationsRecues: {
        about: 'Les invitations envoyées à votre adresse.',
        fields: {
          role: `Rôle proposé. ${ROLES}`,
          departementCode: DEPARTEMENT,
          communeInsee: INSEE,
          communeNom: COMMUNE_NAME,
          inviteParNom: 'Nom de la personne qui vous a invité.',
          envoyeeLe: 'Date d’envoi.',
          expireLe: 'Date d’expiration du lien d’invitation.',
          accepteeLe: 'Date à laquelle vous l’avez acceptée.',
          annuleeLe: 'Date à laquelle elle a été annulée.',
        },
      },
      reglesAttribution: {
        about: 'Agents du département : les règles qui vous attribuent les nouvelles questions.',
        fields: {
          departementCode: DEPARTEMENT,
          cantonCode: 'Code du canton concerné (vide : tous les cantons).',
          categorie: `Catégorie de question concernée (vide : toutes) : ${codes(THREAD_CATEGORY_LABELS)}.`,
          creeeLe: 'Date de création de la règle.',
        },
      },
    },
  },
  'projets.json': {
    about: 'Les fiches projet que vous avez créées, modifiées en dernier ou supprimées, et ce que vous y avez fait.',
    sections: {
      fiches: {
        about: 'Les fiches projet (leur contenu actuel).',
        fields: {
          identifiant: PROJECT_ID,
          communeInsee: INSEE,
          communeNom: COMMUNE_NAME,
          titre: 'Titre du projet.',
          resume: 'Résumé.',
          description: 'Description.',
          objectifs: 'Objectifs.',
          partenaires: 'Partenaires.',
          porteur: 'Porteur du projet.',
          adresse: 'Adresse ou lieu du projet.',
          theme: `Thème : ${codes(PROJECT_THEME_LABELS)}.`,
          statut: `Statut : ${codes(PROJECT_STATUS_LABELS)}.`,
          avancement: 'Avancement, en pourcentage.',
          dateDebut: 'Date de début (AAAA-MM-JJ).',
          dateFin: 'Date de fin (AAAA-MM-JJ).',
          coutPrevisionnelCentimes: 'Coût prévisionnel, en centimes d’euro.',
          coutFinalCentimes: 'Coût final, en centimes d’euro.',
          financements: 'Plan de financement, tel qu’enregistré (financeur, montant en centimes, état de la demande).',
          jalons: 'Étapes du projet, telles qu’enregistrées.',
          evaluation: 'Évaluation du projet.',
          enseignements: 'Retour d’expérience (difficultés, conseils, ce qui serait fait autrement).',
          etatPublication: `Publication sur le portail public : ${codes(PUBLICATION_STATE_LABELS)}.`,
          creeeParVous: 'Vrai si vous avez créé la fiche.',
          modifieeEnDernierParVous: 'Vrai si vous êtes la dernière personne à l’avoir modifiée.',
          supprimeeParVous: 'Vrai si vous l’avez supprimée.',
          creeeLe: 'Date de création.',
          modifieeLe: 'Date de la dernière modification.',
          supprimeeLe: 'Date de suppression.',
        },
      },
      historique: {
        about: 'L’historique des modifications de fiches projet que vous avez faites.',
        fields: {
          projetId: PROJECT_ID,
          projetTitre: PROJECT_TITLE,
          date: 'Date de la modification.',
          action: 'Nature de la modification.',
          changements: 'Les champs modifiés, avec leur valeur avant et après.',
        },
      },
      publication: {
        about: 'Vos actions sur la publication des projets (demande, accord du maire, relecture).',
        fields: {
          projetId: PROJECT_ID,
          projetTitre: PROJECT_TITLE,
          date: 'Date de l’action.',
          action: 'Action : request (demande), consent (accord du maire), approve (publication acceptée), reject (refusée), withdraw (retrait), edit (modification après publication).',
          etatAvant: `État de publication avant : ${codes(PUBLICATION_STATE_LABELS)}.`,
          etatApres: 'État de publication après (mêmes valeurs).',
          motif: 'Motif donné (refus, retrait).',
        },
      },
    },
  },
  'projets-du-departement.json': {
    about:
      'Agents et administrateurs du département : les projets du Département auxquels vous avez pris part (fiches, points d’avancement, relectures, photos). Vide pour les membres d’une commune.',
    sections: {
      fiches: {
        about: 'Les projets du Département que vous avez créés, modifiés en dernier ou dont vous êtes responsable (y compris ceux supprimés depuis).',
        fields: {
          identifiant: DEPT_PROJECT_ID,
          departementCode: DEPARTEMENT,
          titre: 'Titre du projet.',
          statut: `Statut : ${codes(PROJECT_STATUS_LABELS)}.`,
          vosRoles:
            'Ce que vous êtes pour ce projet, une ou plusieurs valeurs : « créateur » (vous l’avez créé), « dernière modification » (vous êtes la dernière personne à l’avoir modifié), « responsable » (vous en êtes le responsable, qui écrit ses points d’avancement).',
          creeLe: 'Date de création.',
          modifieLe: 'Date de la dernière modification.',
          publieLe: 'Date à laquelle le projet est paru sur le portail public (premier point d’avancement publié).',
          supprimeLe: 'Date de suppression.',
        },
      },
      pointsAvancement: {
        about: 'Les points d’avancement que vous avez écrits (leur texte actuel, qu’il soit publié ou non).',
        fields: {
          identifiant: DEPT_REPORT_ID,
          projetId: DEPT_PROJECT_ID,
          projetTitre: DEPT_PROJECT_TITLE,
          date: DEPT_REPORT_DAY,
          realise: 'Réalisé : ce qui a été fait.',
          difficultes: 'Difficultés rencontrées.',
          prochainesEtapes: 'Prochaines étapes.',
          avancement: 'Avancement du projet à cette date, en pourcentage.',
          jalonsAtteints: 'Étapes du projet atteintes avec ce point, telles qu’enregistrées.',
          videos: 'Liens vers des vidéos, tels qu’enregistrés (adresse, titre, photo servant de vignette).',
          etat: `État : ${codes(DEPT_REPORT_STATE_LABELS)}.`,
          soumisLe: 'Date du dernier envoi en relecture.',
          reluLe: 'Date de la dernière relecture (publication ou refus).',
          publieLe: 'Date de la dernière publication.',
          motifRefus: 'Motif donné par la personne qui a relu, si le point a été refusé.',
          creeLe: 'Date de création.',
          modifieLe: 'Date de la dernière modification.',
        },
      },
      relectures: {
        about:
          'Les points d’avancement dont vous êtes la dernière personne à avoir décidé de la publication (chacune de vos décisions figure aussi dans journal.json).',
        fields: {
          pointId: DEPT_REPORT_ID,
          projetId: DEPT_PROJECT_ID,
          projetTitre: DEPT_PROJECT_TITLE,
          pointDate: DEPT_REPORT_DAY,
          decision: 'PUBLIE (vous l’avez publié) ou REFUSE (vous l’avez renvoyé à son auteur).',
          motifRefus: 'Le motif que vous avez donné au refus.',
          date: 'Date de la décision.',
        },
      },
      photos: {
        about: `Les photos de points d’avancement que vous avez déposées (les photos supprimées depuis n’y sont plus). Les fichiers eux-mêmes sont dans le dossier « ${DOCUMENTS_FOLDER}/ » de l’archive, nommés « identifiant-nom du fichier ».`,
        fields: {
          identifiant: 'Identifiant de la photo.',
          projetId: DEPT_PROJECT_ID,
          projetTitre: DEPT_PROJECT_TITLE,
          pointId: DEPT_REPORT_ID,
          pointDate: DEPT_REPORT_DAY,
          nomFichier: 'Nom du fichier tel que vous l’avez envoyé.',
          texteAlternatif: 'Texte alternatif : la description de la photo lue à qui ne la voit pas.',
          typeMime: 'Type de l’image (JPEG, PNG ou WebP), reconnu d’après son contenu.',
          tailleOctets: 'Taille du fichier, en octets.',
          empreinteSha256: 'Empreinte SHA-256 du fichier, pour vérifier qu’il est intact.',
          deposeeLe: 'Date du dépôt.',
          fichier: 'Chemin du fichier dans cette archive (vide s’il n’a pas pu être lu).',
          fichierManquant: 'Vrai si le fichier est introuvable sur le serveur : il n’est alors pas dans l’archive.',
        },
      },
    },
  },
  'messages.json': {
    about:
      'Vos échanges avec le département : les messages que vous avez écrits, les questions que vous avez posées ou suivies. Les notes internes des agents du département n’y figurent que dans l’archive de l’agent qui les a écrites.',
    sections: {
      messages: {
        about: 'Les messages que vous avez écrits.',
        fields: {
          identifiant: 'Identifiant du message.',
          questionId: THREAD_ID,
          questionSujet: THREAD_SUBJECT,
          communeInsee: INSEE,
          communeNom: COMMUNE_NAME,
          cote: 'COMMUNE (écrit pour la commune) ou DEPARTEMENT (écrit pour le département).',
          noteInterne: 'Vrai pour une note interne d’agent, que la commune ne voit pas.',
          texte: 'Texte du message (Markdown).',
          ecritLe: 'Date d’envoi.',
          modifieLe: 'Date de la dernière correction.',
        },
      },
      versionsPrecedentes: {
        about: 'Les versions antérieures de vos messages corrigés.',
        fields: {
          messageId: 'Identifiant du message.',
          noteInterne: 'Vrai si le message est une note interne d’agent.',
          texte: 'Texte avant la correction.',
          remplaceeLe: 'Date de la correction.',
        },
      },
      questionsPosees: {
        about: 'Les questions que vous avez posées au département.',
        fields: {
          identifiant: THREAD_ID,
          sujet: THREAD_SUBJECT,
          categorie: `Catégorie : ${codes(THREAD_CATEGORY_LABELS)}.`,
          communeInsee: INSEE,
          communeNom: COMMUNE_NAME,
          etat: THREAD_STATES,
          poseeLe: 'Date de la question.',
          fermeeLe: 'Date de fermeture.',
        },
      },
      questionsAttribuees: {
        about: 'Agents du département : les questions qui vous sont attribuées.',
        fields: {
          identifiant: THREAD_ID,
          sujet: THREAD_SUBJECT,
          communeInsee: INSEE,
          communeNom: COMMUNE_NAME,
          etat: THREAD_STATES,
          derniereActivite: 'Date du dernier échange.',
        },
      },
      avisDonnes: {
        about: 'Les avis que vous avez donnés sur la réponse du département.',
        fields: {
          questionId: THREAD_ID,
          questionSujet: THREAD_SUBJECT,
          note: `Facilité à obtenir la réponse : ${codes(SATISFACTION_LABELS)}.`,
          commentaire: 'Votre commentaire.',
          donneLe: 'Date de l’avis.',
        },
      },
      actions: {
        about: 'Vos actions sur les questions (fermeture, réouverture, mise en attente, attribution).',
        fields: {
          questionId: THREAD_ID,
          questionSujet: THREAD_SUBJECT,
          date: 'Date de l’action.',
          type: 'STATE_CHANGED (changement d’état) ou ASSIGNED (attribution à un agent).',
          etatAvant: `État avant. ${THREAD_STATES}`,
          etatApres: 'État après (mêmes valeurs).',
        },
      },
      lectures: {
        about: 'Quand vous avez lu chaque question pour la dernière fois (pour signaler les nouveautés).',
        fields: {
          questionId: THREAD_ID,
          questionSujet: THREAD_SUBJECT,
          lueLe: 'Date de la dernière lecture.',
        },
      },
    },
  },
  'documents.json': {
    about: `Les documents et photos que vous avez déposés. Les fichiers eux-mêmes sont dans le dossier « ${DOCUMENTS_FOLDER}/ » de l’archive, nommés « identifiant-nom du fichier ».`,
    sections: {
      documents: {
        about: 'Chaque fichier déposé (les fichiers supprimés depuis n’y sont plus).',
        fields: {
          identifiant: 'Identifiant du document.',
          nomFichier: 'Nom du fichier tel que vous l’avez envoyé.',
          typeMime: 'Type du fichier (PDF, image…), reconnu d’après son contenu.',
          nature: 'PHOTO (photo du projet) ou DOCUMENT.',
          tailleOctets: 'Taille du fichier, en octets.',
          empreinteSha256: 'Empreinte SHA-256 du fichier, pour vérifier qu’il est intact.',
          deposeLe: 'Date du dépôt.',
          communeInsee: INSEE,
          projetId: `${PROJECT_ID} Vide pour une pièce jointe de message.`,
          projetTitre: PROJECT_TITLE,
          messageId: 'Identifiant du message auquel le fichier est joint.',
          questionSujet: 'Sujet de la question de ce message.',
          fichier: 'Chemin du fichier dans cette archive (vide s’il n’a pas pu être lu).',
          fichierManquant: 'Vrai si le fichier est introuvable sur le serveur : il n’est alors pas dans l’archive.',
        },
      },
    },
  },
  'notifications.json': {
    about: 'Les notifications que Passerelle vous a adressées.',
    sections: {
      notifications: {
        about: 'Chaque notification, la plus récente d’abord.',
        fields: {
          identifiant: 'Identifiant de la notification.',
          type: `Type : ${codes(NOTIFICATION_KIND_LABELS)}.`,
          titre: 'Titre affiché.',
          extrait: 'Extrait du message public concerné.',
          lien: 'Page de Passerelle ouverte par la notification.',
          questionId: THREAD_ID,
          projetId: PROJECT_ID,
          creeeLe: 'Date de la notification.',
          lueLe: 'Date à laquelle vous l’avez lue.',
          envoiCourriel: 'Envoi par courriel : NONE (aucun), PENDING (à envoyer), DIGEST (dans le récapitulatif du matin), QUEUED (confié à l’envoi), SENT (envoyé).',
          courrielEnvoyeLe: 'Date d’envoi du courriel.',
        },
      },
    },
  },
  'preferences.json': {
    about: 'Vos choix de notification par courriel.',
    sections: {
      notifications: {
        about: 'Pour chaque type de notification, comment il vous parvient par courriel (il apparaît toujours dans Passerelle).',
        fields: {
          type: 'Type de notification.',
          libelle: 'Libellé du type de notification.',
          courriel: `Envoi par courriel : ${codes(EMAIL_MODE_LABELS)}.`,
        },
      },
    },
  },
  'journal.json': {
    about: 'Le journal de sécurité et d’activité : ce que vous avez fait dans Passerelle, et ce qui a été fait sur votre compte.',
    sections: {
      evenements: {
        about: 'Chaque événement, le plus récent d’abord.',
        fields: {
          date: 'Date de l’événement.',
          action: 'Ce qui a été fait (connexion, changement de mot de passe, téléchargement d’un document…).',
          vousEtesAuteur: 'Vrai si c’est vous qui l’avez fait.',
          vousEtesCible: 'Vrai si cela concerne votre compte.',
          cibleType: 'Type de ce sur quoi porte l’action (session, invitation, document, projet, utilisateur…).',
          cibleId: 'Identifiant de ce sur quoi porte l’action.',
          communeInsee: INSEE,
          departementCode: DEPARTEMENT,
          adresseIp: 'Adresse IP d’où l’action a été faite.',
          details: 'Précisions enregistrées avec l’événement (jamais de mot de passe ni de code).',
        },
      },
    },
  },
  'faq.json': {
    about: 'Vos contributions à la FAQ (questions fréquentes) et votre utilisation de celle-ci.',
    sections: {
      avis: {
        about: 'Les avis « cette réponse m’a été utile » que vous avez donnés.',
        fields: {
          ficheId: FAQ_ID,
          ficheTitre: FAQ_TITLE,
          utile: 'Vrai si la réponse vous a été utile.',
          donneLe: 'Date de l’avis.',
        },
      },
      suggestionsConsultees: {
        about: 'Les réponses de la FAQ consultées depuis le formulaire de question sans poser la question ensuite (comptées par heure).',
        fields: {
          ficheId: FAQ_ID,
          ficheTitre: FAQ_TITLE,
          questionId: `${THREAD_ID} (pour une question passée proposée en exemple).`,
          communeInsee: INSEE,
          heure: 'Heure de la consultation.',
        },
      },
      fiches: {
        about: 'Agents du département : les fiches de la FAQ que vous avez écrites, soumises ou relues.',
        fields: {
          identifiant: FAQ_ID,
          titre: FAQ_TITLE,
          statut: `Statut : ${codes(FAQ_STATUS_LABELS)}.`,
          portee: 'DEPARTEMENT (communes du département) ou NATIONAL (partagée avec tous les départements).',
          vousEtesAuteur: 'Vrai si vous l’avez écrite.',
          vousAvezSoumis: 'Vrai si vous l’avez soumise à relecture.',
          vousAvezRelu: 'Vrai si vous l’avez relue.',
          creeeLe: 'Date de création.',
          modifieeLe: 'Date de la dernière modification.',
          publieeLe: 'Date de publication.',
        },
      },
      versions: {
        about: 'Les versions de fiches de la FAQ que vous avez enregistrées.',
        fields: {
          ficheId: FAQ_ID,
          version: 'Numéro de la version.',
          titre: 'Titre de cette version.',
          reponse: 'Réponse de cette version.',
          modifieeLe: 'Date de la version.',
        },
      },
      relectures: {
        about: 'Vos décisions de relecture de la FAQ.',
        fields: {
          ficheId: FAQ_ID,
          ficheTitre: FAQ_TITLE,
          action: 'SUBMITTED (soumise), PUBLISHED (publiée), REJECTED (refusée), ARCHIVED (archivée), EXPIRED (expirée), REFERENCE_CHANGED (texte de loi modifié).',
          commentaire: 'Votre commentaire.',
          date: 'Date de la décision.',
        },
      },
    },
  },
  'simulations.json': {
    about: 'Les simulations de financement que vous avez enregistrées.',
    sections: {
      simulations: {
        about: 'Chaque simulation, la plus récente d’abord.',
        fields: {
          identifiant: 'Identifiant de la simulation.',
          communeInsee: INSEE,
          projetId: `${PROJECT_ID} (si la simulation est rattachée à un projet).`,
          creeeLe: 'Date de la simulation.',
          saisie: 'Ce que vous avez saisi (coût, nature du projet…).',
          resultat: 'Les aides estimées.',
        },
      },
    },
  },
  'administration.json': {
    about: 'Agents et administrateurs du département : ce que vous avez réglé pour le département.',
    sections: {
      modelesReponse: {
        about: 'Les modèles de réponse que vous avez modifiés en dernier.',
        fields: {
          identifiant: 'Identifiant du modèle.',
          titre: 'Titre du modèle.',
          texte: 'Texte du modèle.',
          modifieLe: 'Date de la dernière modification.',
        },
      },
      versionsDispositifs: {
        about: 'Les versions de règles des dispositifs d’aide du simulateur que vous avez enregistrées.',
        fields: {
          dispositifCode: 'Code du dispositif d’aide.',
          dispositifNom: 'Nom du dispositif d’aide.',
          valideDu: 'Début de validité (AAAA-MM-JJ).',
          valideAu: 'Fin de validité (AAAA-MM-JJ).',
          creeeLe: 'Date d’enregistrement.',
        },
      },
      casDeTest: {
        about: 'Les cas de test du simulateur que vous avez créés.',
        fields: {
          dispositifCode: 'Code du dispositif d’aide.',
          nom: 'Nom du cas de test.',
          creeLe: 'Date de création.',
        },
      },
      importsSubventions: {
        about: 'Les fichiers de subventions attribuées que vous avez importés.',
        fields: {
          dispositif: 'DETR ou DSIL.',
          nomFichier: 'Nom du fichier importé.',
          importeLe: 'Date de l’import.',
          lignesRetenues: 'Nombre de lignes retenues.',
        },
      },
      executionsConservation: {
        about: 'Les passages des règles de conservation des données que vous avez lancés.',
        fields: {
          demarreeLe: 'Date du passage.',
          simulation: 'Vrai pour un essai à blanc, qui n’a rien modifié.',
          declenchement: 'ADMIN (depuis Passerelle) ou CLI (en ligne de commande).',
        },
      },
    },
  },
};

const LINE = '\r\n';

/** LISEZMOI.txt: what the archive holds, file by file and field by field, in French (CRLF for every text editor). */
export function archiveReadme(generatedAt: Date): string {
  const when = generatedAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });
  const lines: string[] = [
    'Passerelle — vos données personnelles',
    '',
    `Archive préparée le ${when} (heure de Paris), à votre demande (« Télécharger mes données »).`,
    'Elle contient ce que Passerelle conserve sur vous ou que vous y avez écrit. Le lien de téléchargement',
    `fonctionne ${DATA_EXPORT_LINK_DAYS} jours, pour vous seul ; l’archive est ensuite effacée du serveur.`,
    '',
    'Format : des fichiers JSON (texte en UTF-8, lisible dans un éditeur de texte ou un tableur qui importe le JSON).',
    'Chaque fichier regroupe des sections ; chaque section est une liste d’éléments (ou un seul élément),',
    'décrits ci-dessous champ par champ. Les dates sont au format ISO 8601, en temps universel (UTC : une heure de',
    'moins que l’heure de Paris en hiver, deux en été). Un champ vide (null) n’a pas de valeur. Les montants sont',
    'en centimes d’euro.',
    '',
    'Ce qui n’y est pas : votre mot de passe et vos secrets de connexion (conservés seulement sous une forme',
    'illisible), et les notes internes que les agents du département écrivent sur une commune.',
    '',
    'Pour exercer vos autres droits (rectification, effacement, opposition), voyez la page « Données personnelles »',
    'de Passerelle.',
  ];
  for (const file of ARCHIVE_FILES) {
    const description: FileDescription<object> = ARCHIVE_DESCRIPTION[file];
    lines.push('', '', file, '='.repeat(file.length), description.about);
    for (const [section, about] of Object.entries(description.sections) as [string, SectionDescription<Record<string, unknown>>][]) {
      lines.push('', `  « ${section} » : ${about.about}`);
      for (const [field, text] of Object.entries(about.fields)) {
        lines.push(`    ${field} : ${text}`);
      }
    }
  }
  lines.push(
    '',
    '',
    `${DOCUMENTS_FOLDER}/`,
    '='.repeat(DOCUMENTS_FOLDER.length + 1),
    'Les fichiers que vous avez déposés, tels que vous les avez envoyés, nommés « identifiant-nom du fichier »',
    '(voir documents.json et, pour les photos des projets du Département, projets-du-departement.json). Un fichier',
    'introuvable sur le serveur est signalé dans ces fichiers JSON (fichierManquant).',
    '',
    '',
    README_FILE,
    '='.repeat(README_FILE.length),
    'Ce fichier.',
    '',
  );
  return lines.join(LINE);
}
