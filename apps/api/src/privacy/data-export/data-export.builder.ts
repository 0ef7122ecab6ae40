import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isStaffRole } from '../../accounts/user-record';
import { FileStorage, type OpenedFile } from '../../files/file-storage';
import { NotificationsService } from '../../notifications/notifications.service';
import {
  ARCHIVE_FILES,
  ARCHIVE_FORMAT_VERSION,
  type ArchiveFiles,
  type DeptPhotoRow,
  DOCUMENTS_FOLDER,
  type DocumentRow,
  type PreferenceRow,
  README_FILE,
} from './archive/archive-content';
import { archiveReadme } from './archive/archive-readme';
import { ArchiveWriter, safeFileName } from './archive/archive-writer';
import { type DataSubject, PersonalDataRepository, type UploadedDeptPhotoRow, type UploadedDocumentRow } from './personal-data.repository';

const DEPT_PROJECTS_FILE = 'projets-du-departement.json';

/** The JSON files as collected in the snapshot; the rows of the stored files are written once the files are in the zip. */
type CollectedFiles = Omit<ArchiveFiles, 'documents.json' | typeof DEPT_PROJECTS_FILE> & {
  [DEPT_PROJECTS_FILE]: Omit<ArchiveFiles[typeof DEPT_PROJECTS_FILE], 'photos'>;
};

interface Collected {
  files: CollectedFiles;
  documents: UploadedDocumentRow[];
  deptPhotos: UploadedDeptPhotoRow[];
}

/**
 * Writes one user's archive: every JSON file from one consistent snapshot of the database (`REPEATABLE READ`), the
 * uploaded files read from the storage one at a time into the zip, and LISEZMOI.txt. A file missing from the
 * storage is listed as missing; any other failure fails the archive.
 */
@Injectable()
export class DataExportBuilder {
  private readonly logger = new Logger(DataExportBuilder.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly personal: PersonalDataRepository,
    private readonly notifications: NotificationsService,
    private readonly storage: FileStorage,
  ) {}

  /** Writes the archive of `userId` to the local file `path`; answers its size, or `null` when the account is gone. */
  async write(userId: string, path: string, at: Date): Promise<number | null> {
    const collected = await this.db.transaction('REPEATABLE READ', (tx) => this.collect(tx, userId, at));
    if (!collected) {
      return null;
    }
    const writer = new ArchiveWriter(path, at);
    try {
      for (const name of ARCHIVE_FILES) {
        if (name !== 'documents.json' && name !== DEPT_PROJECTS_FILE) {
          writer.addJson(name, collected.files[name]);
        }
      }
      writer.addJson('documents.json', { documents: await this.addDocuments(writer, collected.documents) });
      writer.addJson(DEPT_PROJECTS_FILE, { ...collected.files[DEPT_PROJECTS_FILE], photos: await this.addDeptPhotos(writer, collected.deptPhotos) });
      // A byte-order mark: the editors that do not guess UTF-8 read the accents right.
      writer.addText(README_FILE, `\ufeff${archiveReadme(at)}`);
      return await writer.close();
    } catch (error) {
      writer.abort(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  private async collect(tx: EntityManager, userId: string, at: Date): Promise<Collected | null> {
    const p = this.personal;
    const account = await p.account(tx, userId);
    if (!account) {
      return null;
    }
    const subject: DataSubject = { userId, staff: isStaffRole(account.role) };
    const preferences: PreferenceRow[] = (await this.notifications.preferences({ id: userId, role: account.role })).map((pref) => ({
      type: pref.kind,
      libelle: pref.label,
      courriel: pref.email,
    }));
    const files: CollectedFiles = {
      'compte.json': { compte: account, archive: { genereeLe: at, versionFormat: ARCHIVE_FORMAT_VERSION } },
      'sessions.json': { sessions: await p.sessions(tx, userId), reinitialisationsMotDePasse: await p.passwordResets(tx, userId) },
      'appartenances.json': {
        rattachement: await p.membership(tx, userId),
        espacesOuverts: await p.openedWorkspaces(tx, userId),
        invitationsEnvoyees: await p.invitationsSent(tx, userId),
        invitationsRecues: await p.invitationsReceived(tx, userId),
        reglesAttribution: await p.routingRules(tx, userId),
      },
      'projets.json': {
        fiches: await p.projects(tx, userId),
        historique: await p.projectHistory(tx, userId),
        publication: await p.publicationEvents(tx, userId),
      },
      // Staff only can have any: like administration.json, a commune member gets the same file with empty lists.
      [DEPT_PROJECTS_FILE]: {
        fiches: await p.deptProjects(tx, userId),
        pointsAvancement: await p.deptReports(tx, userId),
        relectures: await p.deptReviews(tx, userId),
      },
      'messages.json': {
        messages: await p.messages(tx, subject),
        versionsPrecedentes: await p.messageRevisions(tx, subject),
        questionsPosees: await p.askedQuestions(tx, userId),
        questionsAttribuees: await p.assignedQuestions(tx, userId),
        avisDonnes: await p.satisfaction(tx, userId),
        actions: await p.threadActions(tx, userId),
        lectures: await p.threadReads(tx, userId),
      },
      'notifications.json': { notifications: await p.notifications(tx, userId) },
      'preferences.json': { notifications: preferences },
      'journal.json': { evenements: await p.audit(tx, userId) },
      'faq.json': {
        avis: await p.faqFeedback(tx, userId),
        suggestionsConsultees: await p.faqSuggestions(tx, userId),
        fiches: await p.faqEntries(tx, userId),
        versions: await p.faqVersions(tx, userId),
        relectures: await p.faqReviews(tx, userId),
      },
      'simulations.json': { simulations: await p.simulations(tx, userId) },
      'administration.json': {
        modelesReponse: await p.answerTemplates(tx, userId),
        versionsDispositifs: await p.aidSchemeVersions(tx, userId),
        casDeTest: await p.aidSchemeTestCases(tx, userId),
        importsSubventions: await p.aidGrantImports(tx, userId),
        executionsConservation: await p.retentionRuns(tx, userId),
      },
    };
    return { files, documents: await p.documents(tx, subject), deptPhotos: await p.deptPhotos(tx, userId) };
  }

  /** Streams each file into the zip, one open at a time; answers the rows of documents.json. */
  private async addDocuments(writer: ArchiveWriter, documents: UploadedDocumentRow[]): Promise<DocumentRow[]> {
    const rows: DocumentRow[] = [];
    for (const document of documents) {
      const path = await this.addStoredFile(writer, document, `document ${document.id}`);
      rows.push({
        identifiant: document.id,
        nomFichier: document.filename,
        typeMime: document.mime_type,
        nature: document.kind,
        tailleOctets: document.size_bytes,
        empreinteSha256: document.sha256,
        deposeLe: document.uploaded_at,
        communeInsee: document.commune_insee,
        projetId: document.project_id,
        projetTitre: document.project_title,
        messageId: document.message_id,
        questionSujet: document.thread_subject,
        fichier: path,
        fichierManquant: path === null,
      });
    }
    return rows;
  }

  /** The photos of département projects, beside the documents; answers the rows of the `photos` section. */
  private async addDeptPhotos(writer: ArchiveWriter, photos: UploadedDeptPhotoRow[]): Promise<DeptPhotoRow[]> {
    const rows: DeptPhotoRow[] = [];
    for (const photo of photos) {
      const path = await this.addStoredFile(writer, photo, `photo de projet du Département ${photo.id}`);
      rows.push({
        identifiant: photo.id,
        projetId: photo.project_id,
        projetTitre: photo.project_title,
        pointId: photo.report_id,
        pointDate: photo.reported_on,
        nomFichier: photo.filename,
        texteAlternatif: photo.alt,
        typeMime: photo.mime_type,
        tailleOctets: photo.size_bytes,
        empreinteSha256: photo.sha256,
        deposeeLe: photo.uploaded_at,
        fichier: path,
        fichierManquant: path === null,
      });
    }
    return rows;
  }

  /** Copies one stored file into the documents folder; answers its path in the zip, or `null` when the storage has it not. */
  private async addStoredFile(writer: ArchiveWriter, file: { id: string; filename: string; storage_key: string }, what: string): Promise<string | null> {
    let opened: OpenedFile;
    try {
      opened = await this.storage.open(file.storage_key);
    } catch (error) {
      if (!isMissing(error)) {
        throw error;
      }
      this.logger.warn(`Archive de données : fichier absent du stockage, signalé comme manquant (${what})`);
      return null;
    }
    const path = `${DOCUMENTS_FOLDER}/${file.id}-${safeFileName(file.filename)}`;
    await writer.addFile(path, opened.stream, opened.size);
    return path;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
