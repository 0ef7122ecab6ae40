import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  AccountRow,
  AidGrantImportRow,
  AidSchemeTestCaseRow,
  AidSchemeVersionRow,
  AnswerTemplateRow,
  AskedQuestionRow,
  AssignedQuestionRow,
  AuditRow,
  DeptProjectFicheRow,
  DeptReportRow,
  DeptReviewRow,
  FaqEntryRow,
  FaqFeedbackRow,
  FaqReviewRow,
  FaqSuggestionRow,
  FaqVersionRow,
  MembershipRow,
  MessageRevisionRow,
  MessageRow,
  NotificationRow,
  OpenedWorkspaceRow,
  PasswordResetRow,
  ProjectHistoryRow,
  ProjectRow,
  PublicationEventRow,
  ReceivedInvitationRow,
  RetentionRunRow,
  RoutingRuleRow,
  SatisfactionRow,
  SentInvitationRow,
  SessionRow,
  SimulationRow,
  ThreadActionRow,
  ThreadReadRow,
} from './archive/archive-content';

type Db = Pick<EntityManager, 'query'>;

/** Whose data: the user, and whether they are département staff (who alone may have written internal notes). */
export interface DataSubject {
  userId: string;
  staff: boolean;
}

/** A document the user uploaded, with where its bytes are (the key never goes into the archive). */
export interface UploadedDocumentRow {
  id: string;
  filename: string;
  mime_type: string;
  kind: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
  commune_insee: string;
  project_id: string | null;
  project_title: string | null;
  message_id: string | null;
  thread_subject: string | null;
  storage_key: string;
}

/** A photo of a département project the user uploaded, with where its bytes are (the key never goes into the archive). */
export interface UploadedDeptPhotoRow {
  id: string;
  project_id: string;
  project_title: string;
  report_id: string | null;
  reported_on: string | null;
  filename: string;
  alt: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
  storage_key: string;
}

/**
 * Everything Passerelle keeps about one user, table by table (every table that refers to a user), for the data
 * export (RGPD, right of access). The rows come out under the archive's French field names: the archive is a copy
 * of what is kept. Never a hash, a secret or a token. Internal notes: only a staff member's own, and the query says
 * so itself (`internal`), not just the fact that commune members cannot write one.
 */
@Injectable()
export class PersonalDataRepository {
  async account(db: Db, userId: string): Promise<AccountRow | null> {
    const [row] = await db.query<AccountRow[]>(
      `SELECT u.id AS "identifiant", u.display_name AS "nom", u.email AS "courriel", u.role AS "role", u.state AS "etat",
              u.departement_code AS "departementCode", d.name AS "departementNom", u.commune_insee AS "communeInsee",
              c.name AS "communeNom", u.totp_enabled_at IS NOT NULL AS "secondFacteurActive",
              u.totp_enabled_at AS "secondFacteurActiveLe",
              (SELECT count(*)::int FROM recovery_code r WHERE r.user_id = u.id AND r.used_at IS NULL) AS "codesDeSecoursRestants",
              u.created_at AS "creeLe", u.updated_at AS "modifieLe", u.last_sign_in_at AS "derniereConnexion",
              u.deletion_requested_at AS "suppressionDemandeeLe", u.deletion_due_at AS "suppressionPrevueLe",
              u.inactivity_warnings::int AS "avertissementsInactivite", u.inactivity_warned_at AS "dernierAvertissementInactiviteLe"
         FROM app_user u
         JOIN departement d ON d.code = u.departement_code
         LEFT JOIN commune c ON c.insee = u.commune_insee
        WHERE u.id = $1 AND u.deleted_at IS NULL`,
      [userId],
    );
    return row ?? null;
  }

  sessions(db: Db, userId: string): Promise<SessionRow[]> {
    return db.query<SessionRow[]>(
      `SELECT id AS "identifiant", created_at AS "ouverteLe", last_used_at AS "derniereUtilisation", expires_at AS "expireLe",
              revoked_at AS "termineeLe", revoked_reason AS "motifFin", user_agent AS "navigateur", ip AS "adresseIp"
         FROM user_session WHERE user_id = $1 ORDER BY created_at DESC`,
      [userId],
    );
  }

  passwordResets(db: Db, userId: string): Promise<PasswordResetRow[]> {
    return db.query<PasswordResetRow[]>(
      `SELECT created_at AS "demandeeLe", expires_at AS "expireLe", used_at AS "utiliseeLe", revoked_at AS "annuleeLe"
         FROM password_reset WHERE user_id = $1 ORDER BY created_at DESC`,
      [userId],
    );
  }

  async membership(db: Db, userId: string): Promise<MembershipRow> {
    const [row] = await db.query<MembershipRow[]>(
      `SELECT CASE WHEN u.commune_insee IS NULL THEN 'DEPARTEMENT' ELSE 'COMMUNE' END AS "type", u.role AS "role",
              u.departement_code AS "departementCode", d.name AS "departementNom", u.commune_insee AS "communeInsee",
              c.name AS "communeNom", u.created_at AS "depuisLe"
         FROM app_user u
         JOIN departement d ON d.code = u.departement_code
         LEFT JOIN commune c ON c.insee = u.commune_insee
        WHERE u.id = $1`,
      [userId],
    );
    return row;
  }

  openedWorkspaces(db: Db, userId: string): Promise<OpenedWorkspaceRow[]> {
    return db.query<OpenedWorkspaceRow[]>(
      `SELECT w.commune_insee AS "communeInsee", c.name AS "communeNom", w.opened_at AS "ouvertLe"
         FROM commune_workspace w JOIN commune c ON c.insee = w.commune_insee
        WHERE w.opened_by = $1 ORDER BY w.opened_at DESC`,
      [userId],
    );
  }

  invitationsSent(db: Db, userId: string): Promise<SentInvitationRow[]> {
    return db.query<SentInvitationRow[]>(
      `SELECT i.email AS "courriel", i.role AS "role", i.commune_insee AS "communeInsee", c.name AS "communeNom",
              i.created_at AS "envoyeeLe", i.expires_at AS "expireLe", i.accepted_at AS "accepteeLe", i.revoked_at AS "annuleeLe"
         FROM invitation i LEFT JOIN commune c ON c.insee = i.commune_insee
        WHERE i.invited_by = $1 ORDER BY i.created_at DESC`,
      [userId],
    );
  }

  /** Invitations are kept by address: those sent to the user's current one. */
  invitationsReceived(db: Db, userId: string): Promise<ReceivedInvitationRow[]> {
    return db.query<ReceivedInvitationRow[]>(
      `SELECT i.role AS "role", i.departement_code AS "departementCode", i.commune_insee AS "communeInsee", c.name AS "communeNom",
              inviter.display_name AS "inviteParNom", i.created_at AS "envoyeeLe", i.expires_at AS "expireLe",
              i.accepted_at AS "accepteeLe", i.revoked_at AS "annuleeLe"
         FROM app_user u
         JOIN invitation i ON i.email = u.email
         LEFT JOIN commune c ON c.insee = i.commune_insee
         LEFT JOIN app_user inviter ON inviter.id = i.invited_by AND inviter.deleted_at IS NULL
        WHERE u.id = $1 ORDER BY i.created_at DESC`,
      [userId],
    );
  }

  routingRules(db: Db, userId: string): Promise<RoutingRuleRow[]> {
    return db.query<RoutingRuleRow[]>(
      `SELECT departement_code AS "departementCode", canton_code AS "cantonCode", category AS "categorie", created_at AS "creeeLe"
         FROM routing_rule WHERE agent_id = $1 ORDER BY created_at`,
      [userId],
    );
  }

  projects(db: Db, userId: string): Promise<ProjectRow[]> {
    return db.query<ProjectRow[]>(
      `SELECT p.id AS "identifiant", p.commune_insee AS "communeInsee", c.name AS "communeNom", p.title AS "titre",
              p.summary AS "resume", p.description AS "description", p.objectives AS "objectifs", p.partners AS "partenaires",
              p.project_lead AS "porteur", p.address AS "adresse", p.theme AS "theme", p.status AS "statut",
              p.progress::int AS "avancement", p.start_date::text AS "dateDebut", p.end_date::text AS "dateFin",
              p.forecast_cost_cents::float8 AS "coutPrevisionnelCentimes", p.final_cost_cents::float8 AS "coutFinalCentimes",
              p.funding_lines AS "financements", p.milestones AS "jalons", p.evaluation AS "evaluation", p.lessons AS "enseignements",
              p.publication_state AS "etatPublication", p.created_by IS NOT DISTINCT FROM $1::uuid AS "creeeParVous",
              p.updated_by IS NOT DISTINCT FROM $1::uuid AS "modifieeEnDernierParVous",
              p.deleted_by IS NOT DISTINCT FROM $1::uuid AS "supprimeeParVous",
              p.created_at AS "creeeLe", p.updated_at AS "modifieeLe", p.deleted_at AS "supprimeeLe"
         FROM project p JOIN commune c ON c.insee = p.commune_insee
        WHERE p.created_by = $1 OR p.updated_by = $1 OR p.deleted_by = $1
        ORDER BY p.created_at DESC`,
      [userId],
    );
  }

  projectHistory(db: Db, userId: string): Promise<ProjectHistoryRow[]> {
    return db.query<ProjectHistoryRow[]>(
      `SELECT h.project_id AS "projetId", p.title AS "projetTitre", h.at AS "date", h.action AS "action", h.changes AS "changements"
         FROM project_history h JOIN project p ON p.id = h.project_id
        WHERE h.actor_id = $1 ORDER BY h.at DESC, h.id DESC`,
      [userId],
    );
  }

  publicationEvents(db: Db, userId: string): Promise<PublicationEventRow[]> {
    return db.query<PublicationEventRow[]>(
      `SELECT e.project_id AS "projetId", p.title AS "projetTitre", e.at AS "date", e.action AS "action",
              e.from_state AS "etatAvant", e.to_state AS "etatApres", e.reason AS "motif"
         FROM publication_event e JOIN project p ON p.id = e.project_id
        WHERE e.actor_id = $1 ORDER BY e.at DESC, e.id DESC`,
      [userId],
    );
  }

  /** Département projects the user created, changed last or leads (deleted ones too: they are still kept). */
  deptProjects(db: Db, userId: string): Promise<DeptProjectFicheRow[]> {
    return db.query<DeptProjectFicheRow[]>(
      `SELECT p.id AS "identifiant", p.departement_code AS "departementCode", p.title AS "titre", p.status AS "statut",
              array_remove(ARRAY[
                CASE WHEN p.created_by = $1 THEN 'créateur' END,
                CASE WHEN p.updated_by = $1 THEN 'dernière modification' END,
                CASE WHEN p.lead_id = $1 THEN 'responsable' END
              ], NULL) AS "vosRoles",
              p.created_at AS "creeLe", p.updated_at AS "modifieLe", p.published_at AS "publieLe", p.deleted_at AS "supprimeLe"
         FROM dept_project p
        WHERE p.created_by = $1 OR p.updated_by = $1 OR p.lead_id = $1
        ORDER BY p.created_at DESC, p.id`,
      [userId],
    );
  }

  deptReports(db: Db, userId: string): Promise<DeptReportRow[]> {
    return db.query<DeptReportRow[]>(
      `SELECT r.id AS "identifiant", r.project_id AS "projetId", p.title AS "projetTitre", r.reported_on::text AS "date",
              r.done AS "realise", r.difficulties AS "difficultes", r.next_steps AS "prochainesEtapes", r.progress::int AS "avancement",
              r.milestones_reached AS "jalonsAtteints", r.videos AS "videos", r.state AS "etat", r.submitted_at AS "soumisLe",
              r.reviewed_at AS "reluLe", r.published_at AS "publieLe", r.rejection_reason AS "motifRefus",
              r.created_at AS "creeLe", r.updated_at AS "modifieLe"
         FROM dept_project_report r JOIN dept_project p ON p.id = r.project_id
        WHERE r.author_id = $1
        ORDER BY r.reported_on DESC, r.created_at DESC, r.id`,
      [userId],
    );
  }

  /**
   * The reports whose latest review is the user's. The row keeps that review only: an approval sets `published_at`
   * to the review's time, a later rejection leaves it older.
   */
  deptReviews(db: Db, userId: string): Promise<DeptReviewRow[]> {
    return db.query<DeptReviewRow[]>(
      `SELECT r.id AS "pointId", r.project_id AS "projetId", p.title AS "projetTitre", r.reported_on::text AS "pointDate",
              CASE WHEN r.published_at IS NOT DISTINCT FROM r.reviewed_at THEN 'PUBLIE' ELSE 'REFUSE' END AS "decision",
              CASE WHEN r.published_at IS NOT DISTINCT FROM r.reviewed_at THEN NULL ELSE r.rejection_reason END AS "motifRefus",
              r.reviewed_at AS "date"
         FROM dept_project_report r JOIN dept_project p ON p.id = r.project_id
        WHERE r.reviewed_by = $1 AND r.reviewed_at IS NOT NULL
        ORDER BY r.reviewed_at DESC, r.id`,
      [userId],
    );
  }

  /** The photos of département projects the user uploaded and that are still kept. */
  deptPhotos(db: Db, userId: string): Promise<UploadedDeptPhotoRow[]> {
    return db.query<UploadedDeptPhotoRow[]>(
      `SELECT ph.id, ph.project_id, p.title AS project_title, ph.report_id, r.reported_on::text AS reported_on, ph.filename, ph.alt,
              ph.mime_type, ph.size_bytes::float8 AS size_bytes, ph.sha256, ph.uploaded_at, ph.storage_key
         FROM dept_project_photo ph
         JOIN dept_project p ON p.id = ph.project_id
         LEFT JOIN dept_project_report r ON r.id = ph.report_id
        WHERE ph.uploaded_by = $1
        ORDER BY ph.uploaded_at, ph.id`,
      [userId],
    );
  }

  /** The user's messages; internal notes only for staff, who alone write them. */
  messages(db: Db, subject: DataSubject): Promise<MessageRow[]> {
    return db.query<MessageRow[]>(
      `SELECT m.id AS "identifiant", t.id AS "questionId", t.subject AS "questionSujet", t.commune_insee AS "communeInsee",
              c.name AS "communeNom", m.author_side AS "cote", m.internal AS "noteInterne", m.body AS "texte",
              m.created_at AS "ecritLe", m.edited_at AS "modifieLe"
         FROM thread_message m
         JOIN thread t ON t.id = m.thread_id
         JOIN commune c ON c.insee = t.commune_insee
        WHERE m.author_id = $1 AND (NOT m.internal OR $2::boolean)
        ORDER BY m.created_at DESC, m.id`,
      [subject.userId, subject.staff],
    );
  }

  messageRevisions(db: Db, subject: DataSubject): Promise<MessageRevisionRow[]> {
    return db.query<MessageRevisionRow[]>(
      `SELECT r.message_id AS "messageId", m.internal AS "noteInterne", r.body AS "texte", r.replaced_at AS "remplaceeLe"
         FROM message_revision r JOIN thread_message m ON m.id = r.message_id
        WHERE m.author_id = $1 AND (NOT m.internal OR $2::boolean)
        ORDER BY r.replaced_at DESC, r.id DESC`,
      [subject.userId, subject.staff],
    );
  }

  askedQuestions(db: Db, userId: string): Promise<AskedQuestionRow[]> {
    return db.query<AskedQuestionRow[]>(
      `SELECT t.id AS "identifiant", t.subject AS "sujet", t.category AS "categorie", t.commune_insee AS "communeInsee",
              c.name AS "communeNom", t.state AS "etat", t.created_at AS "poseeLe", t.closed_at AS "fermeeLe"
         FROM thread t JOIN commune c ON c.insee = t.commune_insee
        WHERE t.created_by = $1 ORDER BY t.created_at DESC`,
      [userId],
    );
  }

  assignedQuestions(db: Db, userId: string): Promise<AssignedQuestionRow[]> {
    return db.query<AssignedQuestionRow[]>(
      `SELECT t.id AS "identifiant", t.subject AS "sujet", t.commune_insee AS "communeInsee", c.name AS "communeNom",
              t.state AS "etat", t.last_activity_at AS "derniereActivite"
         FROM thread t JOIN commune c ON c.insee = t.commune_insee
        WHERE t.assignee_id = $1 ORDER BY t.last_activity_at DESC`,
      [userId],
    );
  }

  satisfaction(db: Db, userId: string): Promise<SatisfactionRow[]> {
    return db.query<SatisfactionRow[]>(
      `SELECT t.id AS "questionId", t.subject AS "questionSujet", t.satisfaction_score::int AS "note",
              t.satisfaction_comment AS "commentaire", t.satisfaction_at AS "donneLe"
         FROM thread t
        WHERE t.satisfaction_by = $1 AND t.satisfaction_score IS NOT NULL ORDER BY t.satisfaction_at DESC`,
      [userId],
    );
  }

  threadActions(db: Db, userId: string): Promise<ThreadActionRow[]> {
    return db.query<ThreadActionRow[]>(
      `SELECT e.thread_id AS "questionId", t.subject AS "questionSujet", e.at AS "date", e.kind AS "type",
              e.from_state AS "etatAvant", e.to_state AS "etatApres"
         FROM thread_event e JOIN thread t ON t.id = e.thread_id
        WHERE e.actor_id = $1 ORDER BY e.at DESC, e.id DESC`,
      [userId],
    );
  }

  threadReads(db: Db, userId: string): Promise<ThreadReadRow[]> {
    return db.query<ThreadReadRow[]>(
      `SELECT r.thread_id AS "questionId", t.subject AS "questionSujet", r.read_at AS "lueLe"
         FROM thread_read r JOIN thread t ON t.id = r.thread_id
        WHERE r.user_id = $1 ORDER BY r.read_at DESC`,
      [userId],
    );
  }

  /** The files the user uploaded and that are still kept; the attachments of internal notes only for staff. */
  documents(db: Db, subject: DataSubject): Promise<UploadedDocumentRow[]> {
    return db.query<UploadedDocumentRow[]>(
      `SELECT d.id, d.filename, d.mime_type, d.kind, d.size_bytes::float8 AS size_bytes, d.sha256, d.uploaded_at,
              d.commune_insee, d.project_id, p.title AS project_title, d.message_id, t.subject AS thread_subject, d.storage_key
         FROM document d
         LEFT JOIN project p ON p.id = d.project_id
         LEFT JOIN thread_message m ON m.id = d.message_id
         LEFT JOIN thread t ON t.id = m.thread_id
        WHERE d.uploaded_by = $1 AND d.deleted_at IS NULL AND (m.id IS NULL OR NOT m.internal OR $2::boolean)
        ORDER BY d.uploaded_at, d.id`,
      [subject.userId, subject.staff],
    );
  }

  notifications(db: Db, userId: string): Promise<NotificationRow[]> {
    return db.query<NotificationRow[]>(
      `SELECT id AS "identifiant", kind AS "type", title AS "titre", excerpt AS "extrait", link AS "lien",
              thread_id AS "questionId", project_id AS "projetId", created_at AS "creeeLe", read_at AS "lueLe",
              email_state AS "envoiCourriel", emailed_at AS "courrielEnvoyeLe"
         FROM notification WHERE user_id = $1 ORDER BY created_at DESC, id`,
      [userId],
    );
  }

  /** What the user did, and what was done to their account. */
  audit(db: Db, userId: string): Promise<AuditRow[]> {
    return db.query<AuditRow[]>(
      `SELECT at AS "date", action AS "action", actor_id IS NOT DISTINCT FROM $1::uuid AS "vousEtesAuteur",
              (target_type = 'user' AND target_id = $1::text) IS TRUE AS "vousEtesCible", target_type AS "cibleType",
              target_id AS "cibleId", commune_insee AS "communeInsee", departement_code AS "departementCode", ip AS "adresseIp",
              details AS "details"
         FROM audit_event
        WHERE actor_id = $1 OR (target_type = 'user' AND target_id = $1::text)
        ORDER BY at DESC, id DESC`,
      [userId],
    );
  }

  faqFeedback(db: Db, userId: string): Promise<FaqFeedbackRow[]> {
    return db.query<FaqFeedbackRow[]>(
      `SELECT f.entry_id AS "ficheId", e.title AS "ficheTitre", f.helpful AS "utile", f.created_at AS "donneLe"
         FROM faq_feedback f JOIN faq_entry e ON e.id = f.entry_id
        WHERE f.user_id = $1 ORDER BY f.created_at DESC`,
      [userId],
    );
  }

  faqSuggestions(db: Db, userId: string): Promise<FaqSuggestionRow[]> {
    return db.query<FaqSuggestionRow[]>(
      `SELECT a.entry_id AS "ficheId", e.title AS "ficheTitre", a.thread_id AS "questionId", a.commune_insee AS "communeInsee",
              a.hour AS "heure"
         FROM faq_avoided_question a LEFT JOIN faq_entry e ON e.id = a.entry_id
        WHERE a.user_id = $1 ORDER BY a.hour DESC, a.id DESC`,
      [userId],
    );
  }

  faqEntries(db: Db, userId: string): Promise<FaqEntryRow[]> {
    return db.query<FaqEntryRow[]>(
      `SELECT id AS "identifiant", title AS "titre", status AS "statut", scope AS "portee",
              author_id IS NOT DISTINCT FROM $1::uuid AS "vousEtesAuteur", submitted_by IS NOT DISTINCT FROM $1::uuid AS "vousAvezSoumis",
              reviewed_by IS NOT DISTINCT FROM $1::uuid AS "vousAvezRelu", created_at AS "creeeLe", updated_at AS "modifieeLe",
              published_at AS "publieeLe"
         FROM faq_entry
        WHERE author_id = $1 OR submitted_by = $1 OR reviewed_by = $1 ORDER BY created_at DESC`,
      [userId],
    );
  }

  faqVersions(db: Db, userId: string): Promise<FaqVersionRow[]> {
    return db.query<FaqVersionRow[]>(
      `SELECT entry_id AS "ficheId", version AS "version", title AS "titre", answer AS "reponse", edited_at AS "modifieeLe"
         FROM faq_revision WHERE edited_by = $1 ORDER BY edited_at DESC`,
      [userId],
    );
  }

  faqReviews(db: Db, userId: string): Promise<FaqReviewRow[]> {
    return db.query<FaqReviewRow[]>(
      `SELECT r.entry_id AS "ficheId", e.title AS "ficheTitre", r.action AS "action", r.comment AS "commentaire", r.created_at AS "date"
         FROM faq_review_event r JOIN faq_entry e ON e.id = r.entry_id
        WHERE r.actor_id = $1 ORDER BY r.created_at DESC`,
      [userId],
    );
  }

  simulations(db: Db, userId: string): Promise<SimulationRow[]> {
    return db.query<SimulationRow[]>(
      `SELECT id AS "identifiant", commune_insee AS "communeInsee", project_id AS "projetId", created_at AS "creeeLe",
              input AS "saisie", result AS "resultat"
         FROM simulation WHERE created_by = $1 ORDER BY created_at DESC`,
      [userId],
    );
  }

  answerTemplates(db: Db, userId: string): Promise<AnswerTemplateRow[]> {
    return db.query<AnswerTemplateRow[]>(
      `SELECT id AS "identifiant", title AS "titre", body AS "texte", updated_at AS "modifieLe"
         FROM answer_template WHERE updated_by = $1 ORDER BY updated_at DESC`,
      [userId],
    );
  }

  aidSchemeVersions(db: Db, userId: string): Promise<AidSchemeVersionRow[]> {
    return db.query<AidSchemeVersionRow[]>(
      `SELECT s.code AS "dispositifCode", s.name AS "dispositifNom", v.valid_from::text AS "valideDu", v.valid_to::text AS "valideAu",
              v.created_at AS "creeeLe"
         FROM aid_scheme_version v JOIN aid_scheme s ON s.id = v.scheme_id
        WHERE v.created_by = $1 ORDER BY v.created_at DESC`,
      [userId],
    );
  }

  aidSchemeTestCases(db: Db, userId: string): Promise<AidSchemeTestCaseRow[]> {
    return db.query<AidSchemeTestCaseRow[]>(
      `SELECT s.code AS "dispositifCode", c.name AS "nom", c.created_at AS "creeLe"
         FROM aid_scheme_test_case c JOIN aid_scheme s ON s.id = c.scheme_id
        WHERE c.created_by = $1 ORDER BY c.created_at DESC`,
      [userId],
    );
  }

  aidGrantImports(db: Db, userId: string): Promise<AidGrantImportRow[]> {
    return db.query<AidGrantImportRow[]>(
      `SELECT scheme AS "dispositif", file_name AS "nomFichier", imported_at AS "importeLe", kept_count AS "lignesRetenues"
         FROM aid_grant_import WHERE imported_by = $1 ORDER BY imported_at DESC`,
      [userId],
    );
  }

  retentionRuns(db: Db, userId: string): Promise<RetentionRunRow[]> {
    return db.query<RetentionRunRow[]>(
      `SELECT started_at AS "demarreeLe", dry_run AS "simulation", trigger AS "declenchement"
         FROM retention_run WHERE actor_id = $1 ORDER BY started_at DESC`,
      [userId],
    );
  }
}
