import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeptReportState, VideoLinkDto } from '@passerelle/shared/dto';
import { changedRows } from '../database/changed-rows';
import {
  DEPT_PHOTO_SELECT,
  DEPT_REPORT_SELECT,
  type DeptPhotoRow,
  type DeptReportQueueRow,
  type DeptReportRow,
  type PublishedReport,
} from './dept-report.mapper';

type Reader = Pick<EntityManager, 'query'>;

/** The text of a report as the service computes it before writing. */
export interface DeptReportFields {
  reportedOn: string;
  done: string;
  difficulties: string;
  nextSteps: string;
  progress: number;
  milestonesReached: string[];
  videos: VideoLinkDto[];
}

export interface NewDeptPhoto {
  id: string;
  projectId: string;
  reportId: string;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
  thumbnailKey: string;
  uploadedBy: string;
}

/**
 * The SQL of progress reports and their photos. Reads name the département through the project (tenancy in the
 * query) and skip deleted projects: their reports and photos are not found.
 */
@Injectable()
export class DeptReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(manager: Reader, id: string, departementCode: string): Promise<DeptReportRow | undefined> {
    const rows: DeptReportRow[] = await manager.query(`${DEPT_REPORT_SELECT} WHERE r.id = $1 AND p.departement_code = $2`, [id, departementCode]);
    return rows[0];
  }

  /** Every report of the project, newest day first. */
  listForProject(projectId: string): Promise<DeptReportRow[]> {
    return this.db.query(`${DEPT_REPORT_SELECT} WHERE r.project_id = $1 ORDER BY r.reported_on DESC, r.created_at DESC`, [projectId]);
  }

  async lock(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`SELECT id FROM dept_project_report WHERE id = $1 FOR UPDATE`, [id]);
  }

  async insert(tx: EntityManager, projectId: string, authorId: string, f: DeptReportFields, state: DeptReportState, now: Date): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO dept_project_report (project_id, reported_on, done, difficulties, next_steps, progress, milestones_reached, videos,
                                        state, author_id, submitted_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
      [
        projectId,
        f.reportedOn,
        f.done,
        f.difficulties,
        f.nextSteps,
        f.progress,
        JSON.stringify(f.milestonesReached),
        JSON.stringify(f.videos),
        state,
        authorId,
        state === 'AWAITING_REVIEW' ? now : null,
        now,
      ],
    );
    return row.id;
  }

  /** Writes the text and the state if the report is still at `version`; `published` is never touched here. */
  async updateAtVersion(tx: EntityManager, id: string, version: number, f: DeptReportFields, state: DeptReportState, submitted: boolean, now: Date): Promise<boolean> {
    const rows = await changedRows(
      tx,
      `UPDATE dept_project_report
          SET reported_on = $3, done = $4, difficulties = $5, next_steps = $6, progress = $7, milestones_reached = $8, videos = $9,
              state = $10, submitted_at = CASE WHEN $11 THEN $12 ELSE submitted_at END, updated_at = $12, version = version + 1
        WHERE id = $1 AND version = $2 RETURNING id`,
      [
        id,
        version,
        f.reportedOn,
        f.done,
        f.difficulties,
        f.nextSteps,
        f.progress,
        JSON.stringify(f.milestonesReached),
        JSON.stringify(f.videos),
        state,
        submitted,
        now,
      ],
    );
    return rows.length > 0;
  }

  async approve(tx: EntityManager, id: string, published: PublishedReport, reviewerId: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE dept_project_report
          SET state = 'PUBLISHED', published = $2, published_at = $4, reviewed_at = $4, reviewed_by = $3, rejection_reason = NULL,
              updated_at = $4, version = version + 1
        WHERE id = $1`,
      [id, JSON.stringify(published), reviewerId, now],
    );
  }

  /** A rejected edit of a published report leaves its published text online. */
  async reject(tx: EntityManager, id: string, reason: string, reviewerId: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE dept_project_report
          SET state = 'REJECTED', rejection_reason = $2, reviewed_at = $4, reviewed_by = $3, updated_at = $4, version = version + 1
        WHERE id = $1`,
      [id, reason, reviewerId, now],
    );
  }

  /** Whether another published report of the project describes a later day (then this one does not set the progress). */
  async laterPublished(tx: EntityManager, projectId: string, reportId: string, reportedOn: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM dept_project_report WHERE project_id = $1 AND id <> $2 AND published IS NOT NULL AND (published ->> 'reportedOn') > $3 LIMIT 1`,
      [projectId, reportId, reportedOn],
    );
    return rows.length > 0;
  }

  async remove(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`DELETE FROM dept_project_report WHERE id = $1`, [id]);
  }

  /** A photo or a report changed under a published report: it goes back to a draft until reviewed again. */
  async backToDraftIfPublished(tx: EntityManager, id: string, now: Date): Promise<void> {
    await tx.query(`UPDATE dept_project_report SET state = 'DRAFT', updated_at = $2 WHERE id = $1 AND state = 'PUBLISHED'`, [id, now]);
  }

  /** The département's reports waiting for a review, oldest submission first. */
  queue(departementCode: string, limit: number, offset: number): Promise<DeptReportQueueRow[]> {
    return this.db.query(
      `SELECT count(*) OVER ()::int AS total, r.id, r.project_id, p.title AS project_title, to_char(r.reported_on, 'YYYY-MM-DD') AS reported_on,
              r.author_id, CASE WHEN author.deleted_at IS NULL THEN author.display_name END AS author_name, r.submitted_at
         FROM dept_project_report r
         JOIN dept_project p ON p.id = r.project_id AND p.deleted_at IS NULL
         LEFT JOIN app_user author ON author.id = r.author_id
        WHERE r.state = 'AWAITING_REVIEW' AND p.departement_code = $1
        ORDER BY r.submitted_at, r.id
        LIMIT $2 OFFSET $3`,
      [departementCode, limit, offset],
    );
  }

  // --- Photos ----------------------------------------------------------------------------------------------------

  findPhoto(manager: Reader, id: string, departementCode: string): Promise<DeptPhotoRow | undefined> {
    return manager
      .query(`${DEPT_PHOTO_SELECT} WHERE ph.id = $1 AND p.departement_code = $2 AND ph.report_id IS NOT NULL`, [id, departementCode])
      .then((rows: DeptPhotoRow[]) => rows[0]);
  }

  /** The photos of these reports, in upload order. */
  photosOf(manager: Reader, reportIds: string[]): Promise<DeptPhotoRow[]> {
    return manager.query(`${DEPT_PHOTO_SELECT} WHERE ph.report_id = ANY($1::uuid[]) ORDER BY ph.uploaded_at, ph.id`, [reportIds]);
  }

  async countPhotos(tx: EntityManager, reportId: string): Promise<number> {
    const [row]: { n: number }[] = await tx.query(`SELECT count(*)::int AS n FROM dept_project_photo WHERE report_id = $1`, [reportId]);
    return row.n;
  }

  async insertPhoto(tx: EntityManager, p: NewDeptPhoto): Promise<void> {
    await tx.query(
      `INSERT INTO dept_project_photo (id, project_id, report_id, filename, mime_type, size_bytes, sha256, storage_key, thumbnail_key, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [p.id, p.projectId, p.reportId, p.filename, p.mimeType, p.size, p.sha256, p.storageKey, p.thumbnailKey, p.uploadedBy],
    );
  }

  /** A video whose thumbnail was this photo falls back to the generic image. */
  async clearVideoThumbnail(tx: EntityManager, reportId: string, photoId: string): Promise<void> {
    await tx.query(
      `UPDATE dept_project_report
          SET videos = (SELECT coalesce(jsonb_agg(CASE WHEN v ->> 'thumbnailPhotoId' = $2 THEN jsonb_set(v, '{thumbnailPhotoId}', 'null') ELSE v END
                                                  ORDER BY n), '[]')
                          FROM jsonb_array_elements(videos) WITH ORDINALITY AS x(v, n))
        WHERE id = $1`,
      [reportId, photoId],
    );
  }

  async updateAlt(tx: EntityManager, id: string, alt: string): Promise<void> {
    await tx.query(`UPDATE dept_project_photo SET alt = $2 WHERE id = $1`, [id, alt]);
  }

  /** Deletes the photos (one, or all of a report) and answers their files' keys, to remove once committed. */
  async deletePhotos(tx: EntityManager, where: { id: string } | { reportId: string }): Promise<string[]> {
    const rows = await changedRows<{ storage_key: string; thumbnail_key: string }>(
      tx,
      `DELETE FROM dept_project_photo WHERE ${'id' in where ? 'id' : 'report_id'} = $1 RETURNING storage_key, thumbnail_key`,
      ['id' in where ? where.id : where.reportId],
    );
    return rows.flatMap((r) => [r.storage_key, r.thumbnail_key]);
  }
}
