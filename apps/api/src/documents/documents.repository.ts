import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DocumentKind } from '@passerelle/shared/dto';
import type { AuthUser } from '../common/access/auth-user';
import { communeVisibleParams, communeVisibleTo } from '../common/access/tenancy';
import { changedRows } from '../database/changed-rows';
import { SqlParams } from '../common/sql/sql-params';
import { DOCUMENT_SELECT, type DocumentRow } from '../files/document.mapper';

/** A query runner: the data source, or the entity manager of the caller's transaction. */
type Queryable = Pick<EntityManager, 'query'>;

/** A document with what opening or deleting it needs. */
export interface StoredDocumentRow extends DocumentRow {
  commune_insee: string;
  storage_key: string;
}

export interface NewDocument {
  id: string;
  projectId: string | null;
  insee: string;
  kind: DocumentKind;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
  thumbnailKey: string | null;
  uploadedBy: string;
}

/** The SQL of documents and attachments; writes take the caller's transaction. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findById(id: string): Promise<DocumentRow | undefined> {
    const rows: DocumentRow[] = await this.db.query(`${DOCUMENT_SELECT} WHERE d.id = $1`, [id]);
    return rows[0];
  }

  /**
   * A document the user may read: a project's (not deleted) for whoever sees the project; a message's for whoever
   * sees the thread, internal notes' for staff only; a waiting attachment for its uploader only.
   */
  async findVisible(user: AuthUser, id: string): Promise<StoredDocumentRow | undefined> {
    const params = new SqlParams();
    const document = params.add(id);
    const visible = communeVisibleTo('c', user, params);
    // No commune of their own: staff, who read internal notes.
    const staff = `${params.add(communeVisibleParams(user)[0])}::text IS NULL`;
    const rows: StoredDocumentRow[] = await this.db.query(
      `${DOCUMENT_SELECT.replace('SELECT d.id,', 'SELECT d.commune_insee, d.storage_key, d.id,')}
         LEFT JOIN project p ON p.id = d.project_id
         LEFT JOIN thread_message m ON m.id = d.message_id
         JOIN commune c ON c.insee = d.commune_insee
        WHERE d.id = ${document} AND d.deleted_at IS NULL AND ${visible}
          AND (p.deleted_at IS NULL AND p.id IS NOT NULL
               OR m.id IS NOT NULL AND (NOT m.internal OR ${staff})
               OR d.project_id IS NULL AND d.message_id IS NULL AND d.uploaded_by = ${params.add(user.id)})`,
      params.values,
    );
    return rows[0];
  }

  /** Bytes the commune's documents (not deleted) take. */
  async usedBytes(manager: Queryable, insee: string): Promise<number> {
    const [{ used }]: { used: string }[] = await manager.query(
      `SELECT coalesce(sum(size_bytes), 0) AS used FROM document WHERE commune_insee = $1 AND deleted_at IS NULL`,
      [insee],
    );
    return Number(used);
  }

  /** Serialises the uploads of one commune until the transaction ends. */
  async lockQuota(tx: EntityManager, insee: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('document-quota:' || $1))`, [insee]);
  }

  async insert(tx: EntityManager, d: NewDocument): Promise<void> {
    await tx.query(
      `INSERT INTO document (id, project_id, commune_insee, kind, filename, mime_type, size_bytes, sha256, storage_key, thumbnail_key, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [d.id, d.projectId, d.insee, d.kind, d.filename, d.mimeType, d.size, d.sha256, d.storageKey, d.thumbnailKey, d.uploadedBy],
    );
  }

  /** Gives the uploader's waiting attachments among `ids` to the message; answers how many it took. */
  async claimAttachments(tx: EntityManager, messageId: string, ids: string[], uploaderId: string, insee: string): Promise<number> {
    const params = new SqlParams();
    const claimed = await changedRows(
      tx,
      `UPDATE document SET message_id = ${params.add(messageId)}
        WHERE id = ${params.any(ids, 'uuid[]')} AND uploaded_by = ${params.add(uploaderId)} AND commune_insee = ${params.add(insee)}
          AND project_id IS NULL AND message_id IS NULL AND deleted_at IS NULL
      RETURNING id`,
      params.values,
    );
    return claimed.length;
  }

  async softDelete(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`UPDATE document SET deleted_at = now() WHERE id = $1`, [id]);
  }

  /** Deletes the attachments no message claimed, uploaded before `before`; answers their files. */
  deleteUnclaimed(before: Date): Promise<{ storage_key: string; thumbnail_key: string | null }[]> {
    return changedRows(
      this.db,
      `DELETE FROM document WHERE project_id IS NULL AND message_id IS NULL AND uploaded_at < $1 RETURNING storage_key, thumbnail_key`,
      [before],
    );
  }
}
