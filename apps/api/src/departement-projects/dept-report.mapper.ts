import type { DeptPhotoDto, DeptReportDto, DeptReportQueueItemDto, DeptReportState, VideoLinkDto } from '@passerelle/shared/dto';
import { person } from './dept-project.mapper';

/** What the public sees of a report (`dept_project_report.published`), written when it is approved. */
export interface PublishedReport {
  reportedOn: string;
  done: string;
  difficulties: string;
  nextSteps: string;
  progress: number;
  milestonesReached: string[];
  photoIds: string[];
  videos: VideoLinkDto[];
}

export interface DeptReportRow {
  id: string;
  project_id: string;
  departement_code: string;
  project_lead_id: string | null;
  reported_on: string;
  done: string;
  difficulties: string;
  next_steps: string;
  progress: number;
  milestones_reached: string[];
  videos: VideoLinkDto[];
  state: DeptReportState;
  rejection_reason: string | null;
  published: PublishedReport | null;
  author_id: string | null;
  author_name: string | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  reviewer_name: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface DeptPhotoRow {
  id: string;
  project_id: string;
  report_id: string | null;
  departement_code: string;
  filename: string;
  alt: string;
  mime_type: string;
  size_bytes: string;
  storage_key: string;
  thumbnail_key: string;
  uploaded_at: Date;
}

export const DEPT_REPORT_SELECT = `
  SELECT r.id, r.project_id, p.departement_code, p.lead_id AS project_lead_id, to_char(r.reported_on, 'YYYY-MM-DD') AS reported_on,
         r.done, r.difficulties, r.next_steps, r.progress, r.milestones_reached, r.videos, r.state, r.rejection_reason, r.published,
         r.author_id, CASE WHEN author.deleted_at IS NULL THEN author.display_name END AS author_name,
         r.submitted_at, r.reviewed_at, r.reviewed_by, CASE WHEN reviewer.deleted_at IS NULL THEN reviewer.display_name END AS reviewer_name,
         r.published_at, r.created_at, r.updated_at, r.version
    FROM dept_project_report r
    JOIN dept_project p ON p.id = r.project_id AND p.deleted_at IS NULL
    LEFT JOIN app_user author ON author.id = r.author_id
    LEFT JOIN app_user reviewer ON reviewer.id = r.reviewed_by`;

export const DEPT_PHOTO_SELECT = `
  SELECT ph.id, ph.project_id, ph.report_id, p.departement_code, ph.filename, ph.alt, ph.mime_type, ph.size_bytes,
         ph.storage_key, ph.thumbnail_key, ph.uploaded_at
    FROM dept_project_photo ph
    JOIN dept_project p ON p.id = ph.project_id AND p.deleted_at IS NULL`;

export function mapDeptPhoto(row: DeptPhotoRow): DeptPhotoDto {
  return {
    id: row.id,
    filename: row.filename,
    alt: row.alt,
    mimeType: row.mime_type,
    sizeBytes: Number(row.size_bytes),
    contentUrl: `/api/dept-photos/${row.id}/content`,
    thumbnailUrl: `/api/dept-photos/${row.id}/thumbnail`,
  };
}

export function mapDeptReport(row: DeptReportRow, photos: DeptPhotoRow[], can: DeptReportDto['can']): DeptReportDto {
  return {
    id: row.id,
    projectId: row.project_id,
    reportedOn: row.reported_on,
    done: row.done,
    difficulties: row.difficulties,
    nextSteps: row.next_steps,
    progress: row.progress,
    milestonesReached: row.milestones_reached,
    photos: photos.map(mapDeptPhoto),
    videos: row.videos,
    state: row.state,
    rejectionReason: row.rejection_reason,
    author: person(row.author_id, row.author_name),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    reviewer: person(row.reviewed_by, row.reviewer_name),
    pendingChanges: row.published !== null && row.state !== 'PUBLISHED',
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    can,
  };
}

export interface DeptReportQueueRow {
  id: string;
  project_id: string;
  project_title: string;
  reported_on: string;
  author_id: string | null;
  author_name: string | null;
  submitted_at: Date;
  total: number;
}

export function mapQueueItem(row: DeptReportQueueRow, userId: string): DeptReportQueueItemDto {
  return {
    reportId: row.id,
    projectId: row.project_id,
    projectTitle: row.project_title,
    reportedOn: row.reported_on,
    author: person(row.author_id, row.author_name),
    submittedAt: row.submitted_at.toISOString(),
    canReview: row.author_id !== userId,
  };
}
