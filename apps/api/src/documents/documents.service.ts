import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MultipartFile } from '@fastify/multipart';
import type { DataSource, EntityManager } from 'typeorm';
import type { DocumentDto, StorageUsageDto } from '@passerelle/shared/dto';
import { isUuid } from '../common/http/uuid';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { CommuneNotFoundException, findVisibleCommune } from '../common/access/visible-commune';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ProjectsService } from '../projects/projects.service';
import { detectContentType } from '../files/content-type';
import { mapDocument } from '../files/document.mapper';
import { DocumentsException } from './documents.exception';
import { DocumentsRepository, type StoredDocumentRow } from './documents.repository';
import { FileStorage } from '../files/file-storage';
import { openStoredFile, type StoredFile } from '../files/stored-file';
import { cleanFilename, receiveUpload, storeThumbnail } from '../files/upload';

/**
 * Documents and photos of projects: streamed to disk (never held whole in memory), typed from their content,
 * counted against the commune's quota, thumbnails made for photos.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: DocumentsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projects: ProjectsService,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
  ) {}

  async upload(user: AuthUser, projectId: string, file: MultipartFile | undefined): Promise<DocumentDto> {
    const project = await this.projects.loadVisible(user, projectId);
    this.projects.assertCommuneMember(user, project.commune_insee);
    return this.store(user, project.commune_insee, project.id, file);
  }

  /**
   * An attachment for a question or an answer, uploaded before its message is sent: it belongs to no one until a
   * message of the same user claims it (`claimAttachments`). Commune members attach to their commune's threads,
   * staff to the threads of their département's communes; it counts against the commune's quota either way.
   */
  async uploadAttachment(user: AuthUser, insee: string, file: MultipartFile | undefined): Promise<DocumentDto> {
    if (!(await findVisibleCommune(this.db, user, insee))) {
      file?.file.resume();
      throw new CommuneNotFoundException();
    }
    return this.store(user, insee, null, file);
  }

  /** Gives the user's waiting attachments to a message; refuses ids that are not theirs or already used. */
  async claimAttachments(tx: EntityManager, user: AuthUser, insee: string, messageId: string, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) {
      return;
    }
    const claimed = await this.repository.claimAttachments(tx, messageId, unique, user.id, insee);
    if (claimed !== unique.length) {
      throw new ValidationFailedException({
        attachmentIds: 'Une pièce jointe est introuvable ou déjà envoyée : retirez-la et ajoutez-la à nouveau.',
      });
    }
  }

  private async store(user: AuthUser, insee: string, projectId: string | null, file: MultipartFile | undefined): Promise<DocumentDto> {
    if (!file) {
      throw new DocumentsException('FILE_MISSING');
    }
    if ((await this.usedBytes(insee)) >= this.config.communeQuotaBytes) {
      file.file.resume();
      throw new DocumentsException('QUOTA_EXCEEDED');
    }
    const id = randomUUID();
    const temporary = await this.storage.temporaryPath(id);
    try {
      const { size, sha256 } = await receiveUpload(file, temporary);
      const filename = cleanFilename(file.filename);
      const mimeType = await detectContentType(temporary, filename);
      if (!mimeType) {
        throw new DocumentsException('UNSUPPORTED_FILE_TYPE');
      }
      const kind = mimeType.startsWith('image/') ? 'PHOTO' : 'DOCUMENT';
      const key = `${id.slice(0, 2)}/${id}`;
      const thumbnailKey = kind === 'PHOTO' ? `${key}-thumb.webp` : null;
      if (thumbnailKey) {
        await storeThumbnail(this.storage, temporary, id, thumbnailKey);
      }
      await this.db.transaction(async (tx) => {
        // One upload at a time per commune while the quota is checked and the row written.
        await this.repository.lockQuota(tx, insee);
        if ((await this.repository.usedBytes(tx, insee)) + size > this.config.communeQuotaBytes) {
          throw new DocumentsException('QUOTA_EXCEEDED');
        }
        await this.repository.insert(tx, {
          id,
          projectId,
          insee,
          kind,
          filename,
          mimeType,
          size,
          sha256,
          storageKey: key,
          thumbnailKey,
          uploadedBy: user.id,
        });
        if (projectId) {
          await this.projects.recordHistory(tx, projectId, user.id, 'DOCUMENT_ADDED', [
            { field: 'documents', label: kind === 'PHOTO' ? 'Photo' : 'Document', before: null, after: filename },
          ]);
        }
        await this.storage.keep(temporary, key);
      }).catch(async (error: unknown) => {
        if (thumbnailKey) {
          await this.storage.remove(thumbnailKey);
        }
        throw error;
      });
      const row = await this.repository.findById(id);
      if (!row) {
        throw new DocumentsException('DOCUMENT_NOT_FOUND');
      }
      return mapDocument(row);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async open(user: AuthUser, documentId: string, variant: 'content' | 'thumbnail', meta: RequestMeta): Promise<StoredFile> {
    const row = await this.loadVisible(user, documentId);
    if (variant === 'content') {
      await this.audit.record(
        { action: 'DOCUMENT_DOWNLOADED', actorId: user.id, targetType: 'document', targetId: row.id, communeInsee: row.commune_insee, departementCode: user.departementCode },
        meta,
      );
    }
    const file = await openStoredFile(this.storage, row, variant);
    if (!file) {
      throw new DocumentsException('DOCUMENT_NOT_FOUND');
    }
    return file;
  }

  async remove(user: AuthUser, documentId: string): Promise<void> {
    const row = await this.loadVisible(user, documentId);
    this.projects.assertCommuneMember(user, row.commune_insee);
    const projectId = row.project_id;
    if (!projectId) {
      // Attachments stay with their message, like the message itself.
      throw new DocumentsException('DOCUMENT_NOT_FOUND');
    }
    await this.db.transaction(async (tx) => {
      await this.repository.softDelete(tx, row.id);
      await this.projects.recordHistory(tx, projectId, user.id, 'DOCUMENT_REMOVED', [
        { field: 'documents', label: row.kind === 'PHOTO' ? 'Photo' : 'Document', before: row.filename, after: null },
      ]);
    });
    await this.storage.remove(row.storage_key);
    if (row.thumbnail_key) {
      await this.storage.remove(row.thumbnail_key);
    }
  }

  async usage(user: AuthUser, insee: string): Promise<StorageUsageDto> {
    if (!(await findVisibleCommune(this.db, user, insee))) {
      throw new DocumentsException('DOCUMENT_NOT_FOUND');
    }
    return { usedBytes: await this.usedBytes(insee), quotaBytes: this.config.communeQuotaBytes };
  }

  private async usedBytes(insee: string): Promise<number> {
    return this.repository.usedBytes(this.db, insee);
  }

  /**
   * A document the user may read: a project's (not deleted) for whoever sees the project; a message's for whoever
   * sees the thread, internal notes' for staff only; a waiting attachment for its uploader only. Otherwise 404.
   */
  private async loadVisible(user: AuthUser, id: string): Promise<StoredDocumentRow> {
    if (!isUuid(id)) {
      throw new DocumentsException('DOCUMENT_NOT_FOUND');
    }
    const row = await this.repository.findVisible(user, id);
    if (!row) {
      throw new DocumentsException('DOCUMENT_NOT_FOUND');
    }
    return row;
  }
}
