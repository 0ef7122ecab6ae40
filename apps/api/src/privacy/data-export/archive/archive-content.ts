import type { DeptReportState, EmailMode, NotificationKind, ProjectStatus, Role } from '@passerelle/shared/dto';

// What « Télécharger mes données » puts in the zip: one JSON file per kind of data, each an object of sections, each
// section one row or a list of rows of plain fields. Field names are French (the archive is read by the person it
// is about); every one of them is described in LISEZMOI.txt (archive-readme.ts), and the types below make a field
// without its description a compile error. Dates are `Date` here and ISO 8601 (UTC) in the files.

/** A JSON value kept as it is stored (a list of changes, the input of a simulation…). */
export type StoredJson = unknown;

// --- compte.json --------------------------------------------------------------------------------------------------

export interface AccountRow {
  identifiant: string;
  nom: string;
  courriel: string;
  role: Role;
  etat: string;
  departementCode: string;
  departementNom: string;
  communeInsee: string | null;
  communeNom: string | null;
  secondFacteurActive: boolean;
  secondFacteurActiveLe: Date | null;
  codesDeSecoursRestants: number;
  creeLe: Date;
  modifieLe: Date;
  derniereConnexion: Date | null;
  suppressionDemandeeLe: Date | null;
  suppressionPrevueLe: Date | null;
  avertissementsInactivite: number;
  dernierAvertissementInactiviteLe: Date | null;
}

export interface ArchiveRow {
  genereeLe: Date;
  versionFormat: number;
}

// --- sessions.json ------------------------------------------------------------------------------------------------

export interface SessionRow {
  identifiant: string;
  ouverteLe: Date;
  derniereUtilisation: Date;
  expireLe: Date;
  termineeLe: Date | null;
  motifFin: string | null;
  navigateur: string | null;
  adresseIp: string | null;
}

export interface PasswordResetRow {
  demandeeLe: Date;
  expireLe: Date;
  utiliseeLe: Date | null;
  annuleeLe: Date | null;
}

// --- appartenances.json -------------------------------------------------------------------------------------------

export interface MembershipRow {
  type: 'COMMUNE' | 'DEPARTEMENT';
  role: Role;
  departementCode: string;
  departementNom: string;
  communeInsee: string | null;
  communeNom: string | null;
  depuisLe: Date;
}

export interface OpenedWorkspaceRow {
  communeInsee: string;
  communeNom: string;
  ouvertLe: Date;
}

export interface SentInvitationRow {
  courriel: string;
  role: Role;
  communeInsee: string | null;
  communeNom: string | null;
  envoyeeLe: Date;
  expireLe: Date;
  accepteeLe: Date | null;
  annuleeLe: Date | null;
}

export interface ReceivedInvitationRow {
  role: Role;
  departementCode: string;
  communeInsee: string | null;
  communeNom: string | null;
  inviteParNom: string | null;
  envoyeeLe: Date;
  expireLe: Date;
  accepteeLe: Date | null;
  annuleeLe: Date | null;
}

export interface RoutingRuleRow {
  departementCode: string;
  cantonCode: string | null;
  categorie: string | null;
  creeeLe: Date;
}

// --- projets.json -------------------------------------------------------------------------------------------------

export interface ProjectRow {
  identifiant: string;
  communeInsee: string;
  communeNom: string;
  titre: string;
  resume: string;
  description: string;
  objectifs: string;
  partenaires: string;
  porteur: string;
  adresse: string | null;
  theme: string;
  statut: string;
  avancement: number;
  dateDebut: string | null;
  dateFin: string | null;
  coutPrevisionnelCentimes: number | null;
  coutFinalCentimes: number | null;
  financements: StoredJson;
  jalons: StoredJson;
  evaluation: string;
  enseignements: StoredJson;
  etatPublication: string;
  creeeParVous: boolean;
  modifieeEnDernierParVous: boolean;
  supprimeeParVous: boolean;
  creeeLe: Date;
  modifieeLe: Date;
  supprimeeLe: Date | null;
}

export interface ProjectHistoryRow {
  projetId: string;
  projetTitre: string;
  date: Date;
  action: string;
  changements: StoredJson;
}

export interface PublicationEventRow {
  projetId: string;
  projetTitre: string;
  date: Date;
  action: string;
  etatAvant: string;
  etatApres: string;
  motif: string | null;
}

// --- projets-du-departement.json ---------------------------------------------------------------------------------

/** What the user is to a département project, in the words of the archive. */
export type DeptProjectRole = 'créateur' | 'dernière modification' | 'responsable';

export interface DeptProjectFicheRow {
  identifiant: string;
  departementCode: string;
  titre: string;
  statut: ProjectStatus;
  vosRoles: DeptProjectRole[];
  creeLe: Date;
  modifieLe: Date;
  publieLe: Date | null;
  supprimeLe: Date | null;
}

export interface DeptReportRow {
  identifiant: string;
  projetId: string;
  projetTitre: string;
  date: string;
  realise: string;
  difficultes: string;
  prochainesEtapes: string;
  avancement: number;
  jalonsAtteints: StoredJson;
  videos: StoredJson;
  etat: DeptReportState;
  soumisLe: Date | null;
  reluLe: Date | null;
  publieLe: Date | null;
  motifRefus: string | null;
  creeLe: Date;
  modifieLe: Date;
}

export interface DeptReviewRow {
  pointId: string;
  projetId: string;
  projetTitre: string;
  pointDate: string;
  decision: 'PUBLIE' | 'REFUSE';
  motifRefus: string | null;
  date: Date;
}

export interface DeptPhotoRow {
  identifiant: string;
  projetId: string;
  projetTitre: string;
  pointId: string | null;
  pointDate: string | null;
  nomFichier: string;
  texteAlternatif: string;
  typeMime: string;
  tailleOctets: number;
  empreinteSha256: string;
  deposeeLe: Date;
  /** Where the file is in the archive; `null` when it could not be read. */
  fichier: string | null;
  fichierManquant: boolean;
}

// --- messages.json ------------------------------------------------------------------------------------------------

export interface MessageRow {
  identifiant: string;
  questionId: string;
  questionSujet: string;
  communeInsee: string;
  communeNom: string;
  cote: 'COMMUNE' | 'DEPARTEMENT';
  noteInterne: boolean;
  texte: string;
  ecritLe: Date;
  modifieLe: Date | null;
}

export interface MessageRevisionRow {
  messageId: string;
  noteInterne: boolean;
  texte: string;
  remplaceeLe: Date;
}

export interface AskedQuestionRow {
  identifiant: string;
  sujet: string;
  categorie: string;
  communeInsee: string;
  communeNom: string;
  etat: string;
  poseeLe: Date;
  fermeeLe: Date | null;
}

export interface AssignedQuestionRow {
  identifiant: string;
  sujet: string;
  communeInsee: string;
  communeNom: string;
  etat: string;
  derniereActivite: Date;
}

export interface SatisfactionRow {
  questionId: string;
  questionSujet: string;
  note: number;
  commentaire: string | null;
  donneLe: Date;
}

export interface ThreadActionRow {
  questionId: string;
  questionSujet: string;
  date: Date;
  type: string;
  etatAvant: string | null;
  etatApres: string | null;
}

export interface ThreadReadRow {
  questionId: string;
  questionSujet: string;
  lueLe: Date;
}

// --- documents.json -----------------------------------------------------------------------------------------------

export interface DocumentRow {
  identifiant: string;
  nomFichier: string;
  typeMime: string;
  nature: string;
  tailleOctets: number;
  empreinteSha256: string;
  deposeLe: Date;
  communeInsee: string;
  projetId: string | null;
  projetTitre: string | null;
  messageId: string | null;
  questionSujet: string | null;
  /** Where the file is in the archive; `null` when it could not be read. */
  fichier: string | null;
  fichierManquant: boolean;
}

// --- notifications.json, preferences.json -------------------------------------------------------------------------

export interface NotificationRow {
  identifiant: string;
  type: NotificationKind;
  titre: string;
  extrait: string;
  lien: string;
  questionId: string | null;
  projetId: string | null;
  creeeLe: Date;
  lueLe: Date | null;
  envoiCourriel: string;
  courrielEnvoyeLe: Date | null;
}

export interface PreferenceRow {
  type: NotificationKind;
  libelle: string;
  courriel: EmailMode;
}

// --- journal.json -------------------------------------------------------------------------------------------------

export interface AuditRow {
  date: Date;
  action: string;
  vousEtesAuteur: boolean;
  vousEtesCible: boolean;
  cibleType: string | null;
  cibleId: string | null;
  communeInsee: string | null;
  departementCode: string | null;
  adresseIp: string | null;
  details: StoredJson;
}

// --- faq.json -----------------------------------------------------------------------------------------------------

export interface FaqFeedbackRow {
  ficheId: string;
  ficheTitre: string;
  utile: boolean;
  donneLe: Date;
}

export interface FaqSuggestionRow {
  ficheId: string | null;
  ficheTitre: string | null;
  questionId: string | null;
  communeInsee: string;
  heure: Date;
}

export interface FaqEntryRow {
  identifiant: string;
  titre: string;
  statut: string;
  portee: string;
  vousEtesAuteur: boolean;
  vousAvezSoumis: boolean;
  vousAvezRelu: boolean;
  creeeLe: Date;
  modifieeLe: Date;
  publieeLe: Date | null;
}

export interface FaqVersionRow {
  ficheId: string;
  version: number;
  titre: string;
  reponse: string;
  modifieeLe: Date;
}

export interface FaqReviewRow {
  ficheId: string;
  ficheTitre: string;
  action: string;
  commentaire: string | null;
  date: Date;
}

// --- simulations.json ---------------------------------------------------------------------------------------------

export interface SimulationRow {
  identifiant: string;
  communeInsee: string;
  projetId: string | null;
  creeeLe: Date;
  saisie: StoredJson;
  resultat: StoredJson;
}

// --- administration.json ------------------------------------------------------------------------------------------

export interface AnswerTemplateRow {
  identifiant: string;
  titre: string;
  texte: string;
  modifieLe: Date;
}

export interface AidSchemeVersionRow {
  dispositifCode: string;
  dispositifNom: string;
  valideDu: string;
  valideAu: string | null;
  creeeLe: Date;
}

export interface AidSchemeTestCaseRow {
  dispositifCode: string;
  nom: string;
  creeLe: Date;
}

export interface AidGrantImportRow {
  dispositif: string;
  nomFichier: string;
  importeLe: Date;
  lignesRetenues: number;
}

export interface RetentionRunRow {
  demarreeLe: Date;
  simulation: boolean;
  declenchement: string;
}

// --- The archive --------------------------------------------------------------------------------------------------

/** Every JSON file of the archive and its sections. */
export interface ArchiveFiles {
  'compte.json': { compte: AccountRow; archive: ArchiveRow };
  'sessions.json': { sessions: SessionRow[]; reinitialisationsMotDePasse: PasswordResetRow[] };
  'appartenances.json': {
    rattachement: MembershipRow;
    espacesOuverts: OpenedWorkspaceRow[];
    invitationsEnvoyees: SentInvitationRow[];
    invitationsRecues: ReceivedInvitationRow[];
    reglesAttribution: RoutingRuleRow[];
  };
  'projets.json': { fiches: ProjectRow[]; historique: ProjectHistoryRow[]; publication: PublicationEventRow[] };
  'projets-du-departement.json': {
    fiches: DeptProjectFicheRow[];
    pointsAvancement: DeptReportRow[];
    relectures: DeptReviewRow[];
    photos: DeptPhotoRow[];
  };
  'messages.json': {
    messages: MessageRow[];
    versionsPrecedentes: MessageRevisionRow[];
    questionsPosees: AskedQuestionRow[];
    questionsAttribuees: AssignedQuestionRow[];
    avisDonnes: SatisfactionRow[];
    actions: ThreadActionRow[];
    lectures: ThreadReadRow[];
  };
  'documents.json': { documents: DocumentRow[] };
  'notifications.json': { notifications: NotificationRow[] };
  'preferences.json': { notifications: PreferenceRow[] };
  'journal.json': { evenements: AuditRow[] };
  'faq.json': {
    avis: FaqFeedbackRow[];
    suggestionsConsultees: FaqSuggestionRow[];
    fiches: FaqEntryRow[];
    versions: FaqVersionRow[];
    relectures: FaqReviewRow[];
  };
  'simulations.json': { simulations: SimulationRow[] };
  'administration.json': {
    modelesReponse: AnswerTemplateRow[];
    versionsDispositifs: AidSchemeVersionRow[];
    casDeTest: AidSchemeTestCaseRow[];
    importsSubventions: AidGrantImportRow[];
    executionsConservation: RetentionRunRow[];
  };
}

export type ArchiveFileName = keyof ArchiveFiles;

/** The archive's JSON files in the order they are written (and described). */
export const ARCHIVE_FILES: readonly ArchiveFileName[] = [
  'compte.json',
  'sessions.json',
  'appartenances.json',
  'projets.json',
  'projets-du-departement.json',
  'messages.json',
  'documents.json',
  'notifications.json',
  'preferences.json',
  'journal.json',
  'faq.json',
  'simulations.json',
  'administration.json',
];

/** The folder of the archive that holds the uploaded files. */
export const DOCUMENTS_FOLDER = 'documents';
export const README_FILE = 'LISEZMOI.txt';
/** Bumped when a field changes meaning or disappears. */
export const ARCHIVE_FORMAT_VERSION = 1;
