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
  DOCUMENTS_FOLDER,
  type DocumentRow,
  type PreferenceRow,
  README_FILE,
} from './archive/archive-content';
import { archiveReadme } from './archive/archive-readme';
import { ArchiveWriter, safeFileName } from './archive/archive-writer';
import { type DataSubject, PersonalDataRepository, type UploadedDocumentRow } from './personal-data.repository';

type CollectedFiles = Omit<ArchiveFiles, 'documents.json'>;

interface Collected {
  files: CollectedFiles;
  documents: UploadedDocumentRow[];
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
        if (name !== 'documents.json') {
          writer.addJson(name, collected.files[name]);
        }
      }
      writer.addJson('documents.json', { documents: await this.addDocuments(writer, collected.documents) });
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
    return { files, documents: await p.documents(tx, subject) };
  }

  /** Streams each file into the zip, one open at a time; answers the rows of documents.json. */
  private async addDocuments(writer: ArchiveWriter, documents: UploadedDocumentRow[]): Promise<DocumentRow[]> {
    const rows: DocumentRow[] = [];
    for (const document of documents) {
      const path = `${DOCUMENTS_FOLDER}/${document.id}-${safeFileName(document.filename)}`;
      let opened: OpenedFile | null = null;
      try {
        opened = await this.storage.open(document.storage_key);
      } catch (error) {
        if (!isMissing(error)) {
          throw error;
        }
        this.logger.warn(`Archive de données : fichier absent du stockage, signalé comme manquant (document ${document.id})`);
      }
      if (opened) {
        await writer.addFile(path, opened.stream, opened.size);
      }
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
        fichier: opened ? path : null,
        fichierManquant: !opened,
      });
    }
    return rows;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
