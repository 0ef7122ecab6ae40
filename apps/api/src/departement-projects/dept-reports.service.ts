import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DEPT_PROJECT_LIMITS,
  type DeptReportDto,
  type DeptReportQueueItemDto,
  type DeptReportState,
  type Page,
  type VideoLinkDto,
} from '@passerelle/shared/dto';
import type { RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock/clock';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import { isUuid } from '../common/http/uuid';
import type { PageQueryDto } from '../common/pagination/page-query.dto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FileStorage } from '../files/file-storage';
import { NotificationMailer } from '../notifications/notification-mailer';
import { NotificationsService } from '../notifications/notifications.service';
import { DeptProjectsException, DeptReportVersionConflictException } from './departement-projects.exception';
import type { DeptProjectRow } from './dept-project.mapper';
import { type DeptPhotoRow, type DeptReportRow, type PublishedReport, mapDeptReport, mapQueueItem } from './dept-report.mapper';
import { type DeptReportFields, DeptReportsRepository } from './dept-reports.repository';
import { DeptProjectsService, isRealDay, mayEdit } from './dept-projects.service';
import type { CreateDeptReportDto, DeptReportReviewDto, UpdateDeptReportDto } from './dto/dept-report.dto';
import { VIDEO_LINK_MESSAGE, acceptedVideoHost } from './video-links';

/**
 * Progress reports of the département's projects: written by the lead (or an admin), reviewed by an admin or another
 * agent of the département — never by their author — before the public sees them. The public reads `published` only,
 * so an edit of a published report stays private until a new review.
 */
@Injectable()
export class DeptReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: DeptReportsRepository,
    private readonly projects: DeptProjectsService,
    private readonly notifications: NotificationsService,
    private readonly mailer: NotificationMailer,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, projectId: string): Promise<DeptReportDto[]> {
    const project = await this.projects.loadVisible(user, projectId);
    const rows = await this.repository.listForProject(project.id);
    const photos = await this.repository.photosOf(this.db.manager, rows.map((r) => r.id));
    return rows.map((r) => this.toDto(user, r, photos));
  }

  async create(user: AuthUser, projectId: string, input: CreateDeptReportDto): Promise<DeptReportDto> {
    const project = await this.projects.loadVisible(user, projectId);
    if (!mayEdit(user, project)) {
      throw new DeptProjectsException('PROJECT_EDIT_FORBIDDEN');
    }
    const fields = this.checked(project, input, []);
    const now = this.clock.now();
    const state: DeptReportState = input.submit ? 'AWAITING_REVIEW' : 'DRAFT';
    const id = await this.db.transaction(async (tx) => {
      const created = await this.repository.insert(tx, project.id, user.id, fields, state, now);
      if (input.submit) {
        await this.notifyToReview(tx, project, user.id, fields.reportedOn);
      }
      return created;
    });
    this.mailer.flushSoon();
    return this.get(user, id);
  }

  /**
   * Optimistic locking. An edit of a published report goes back to a draft (or to review with `submit`) and keeps its
   * published text online; a rejected one stays rejected until it is submitted again.
   */
  async update(user: AuthUser, id: string, input: UpdateDeptReportDto): Promise<DeptReportDto> {
    const { report, project } = await this.load(user, id);
    if (!mayEditReport(user, report)) {
      throw new DeptProjectsException('REPORT_EDIT_FORBIDDEN');
    }
    if (input.version !== report.version) {
      throw new DeptReportVersionConflictException(await this.get(user, id));
    }
    const photos = await this.repository.photosOf(this.db.manager, [id]);
    const fields = this.checked(
      project,
      {
        reportedOn: input.reportedOn ?? report.reported_on,
        done: input.done ?? report.done,
        difficulties: input.difficulties ?? report.difficulties,
        nextSteps: input.nextSteps ?? report.next_steps,
        progress: input.progress ?? report.progress,
        milestonesReached: input.milestonesReached ?? report.milestones_reached,
        videos: input.videos ?? report.videos,
      },
      photos.map((p) => p.id),
    );
    const submit = input.submit === true;
    const state: DeptReportState = submit ? 'AWAITING_REVIEW' : report.state === 'PUBLISHED' ? 'DRAFT' : report.state;
    await this.db.transaction(async (tx) => {
      if (!(await this.repository.updateAtVersion(tx, id, input.version, fields, state, submit, this.clock.now()))) {
        throw new DeptReportVersionConflictException(await this.get(user, id));
      }
      if (submit) {
        await this.notifyToReview(tx, project, report.author_id ?? user.id, fields.reportedOn, user.id);
      }
    });
    this.mailer.flushSoon();
    return this.get(user, id);
  }

  /** A report never published: its author, the lead or an admin; a published one: admins only. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const { report } = await this.load(user, id);
    const allowed = report.published === null ? mayEditReport(user, report) : user.role === 'ADMIN';
    if (!allowed) {
      throw new DeptProjectsException(report.published === null ? 'REPORT_EDIT_FORBIDDEN' : 'REPORT_DELETE_FORBIDDEN');
    }
    const keys = await this.db.transaction(async (tx) => {
      const removed = await this.repository.deletePhotos(tx, { reportId: id });
      await this.repository.remove(tx, id);
      return removed;
    });
    await this.removeFiles(keys);
  }

  async review(user: AuthUser, id: string, input: DeptReportReviewDto, meta: RequestMeta | null): Promise<DeptReportDto> {
    const first = await this.load(user, id);
    if (first.report.author_id === user.id) {
      throw new DeptProjectsException('OWN_REPORT_REVIEW');
    }
    const reason = input.reason?.trim() || null;
    if (input.action === 'reject' && !reason) {
      throw new ValidationFailedException({ reason: 'Dites à l’auteur pourquoi ce point n’est pas publié, et ce qu’il faudrait changer.' });
    }
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      // The project, then the report: the same order as every other writer, and one review at a time.
      const project = await this.projects.lockVisible(user, first.project.id, tx);
      await this.repository.lock(tx, id);
      const report = await this.repository.find(tx, id, user.departementCode);
      if (!report) {
        throw new DeptProjectsException('DEPT_REPORT_NOT_FOUND');
      }
      if (report.version !== input.version) {
        throw new DeptReportVersionConflictException(this.toDto(user, report, await this.repository.photosOf(tx, [id])));
      }
      if (report.state !== 'AWAITING_REVIEW') {
        throw new DeptProjectsException('REPORT_NOT_AWAITING_REVIEW');
      }
      if (input.action === 'approve') {
        await this.approve(tx, user, project, report, now);
      } else {
        await this.repository.reject(tx, id, reason as string, user.id, now);
      }
      await this.notifyDecision(tx, user, project, report, input.action, reason);
      await this.audit.record(
        {
          action: input.action === 'approve' ? 'DEPT_REPORT_APPROVE' : 'DEPT_REPORT_REJECT',
          actorId: user.id,
          targetType: 'dept_project_report',
          targetId: id,
          departementCode: project.departement_code,
          details: { projectId: project.id, reportedOn: report.reported_on },
        },
        meta,
        tx,
      );
    });
    this.mailer.flushSoon();
    return this.get(user, id);
  }

  /** The département's reports waiting for a review, oldest first; one's own reports cannot be reviewed. */
  async queue(user: AuthUser, query: PageQueryDto): Promise<Page<DeptReportQueueItemDto>> {
    const rows = await this.repository.queue(user.departementCode, query.limit, query.offset);
    return { items: rows.map((r) => mapQueueItem(r, user.id)), total: rows[0]?.total ?? 0, limit: query.limit, offset: query.offset };
  }

  async get(user: AuthUser, id: string): Promise<DeptReportDto> {
    const { report } = await this.load(user, id);
    return this.toDto(user, report, await this.repository.photosOf(this.db.manager, [id]));
  }

  /** A report of a project of the user's département (not deleted), with its project; else 404. */
  async load(user: AuthUser, id: string): Promise<{ report: DeptReportRow; project: DeptProjectRow }> {
    const report = isUuid(id) ? await this.repository.find(this.db.manager, id, user.departementCode) : undefined;
    if (!report) {
      throw new DeptProjectsException('DEPT_REPORT_NOT_FOUND');
    }
    return { report, project: await this.projects.loadVisible(user, report.project_id) };
  }

  /**
   * Writes what the public will see, then what the approval changes in the project. Every photo needs its text
   * alternative first (RGAA): a reviewer cannot publish an image without one.
   */
  private async approve(tx: EntityManager, user: AuthUser, project: DeptProjectRow, report: DeptReportRow, now: Date): Promise<void> {
    const photos = await this.repository.photosOf(tx, [report.id]);
    if (photos.some((p) => p.alt.trim() === '')) {
      throw new DeptProjectsException('PHOTO_ALT_MISSING');
    }
    const published: PublishedReport = {
      reportedOn: report.reported_on,
      done: report.done,
      difficulties: report.difficulties,
      nextSteps: report.next_steps,
      progress: report.progress,
      milestonesReached: report.milestones_reached,
      photoIds: photos.map((p) => p.id),
      videos: report.videos,
    };
    await this.repository.approve(tx, report.id, published, user.id, now);
    const latest = !(await this.repository.laterPublished(tx, project.id, report.id, report.reported_on));
    await this.projects.applyApprovedReport(tx, project, { progress: report.progress, milestonesReached: report.milestones_reached, latest }, now);
  }

  /** Checks the report against its project: a real day, not in the future; its milestones; its video links. */
  private checked(project: DeptProjectRow, input: DeptReportFields | CreateDeptReportDto, photoIds: string[]): DeptReportFields {
    const errors: Record<string, string> = {};
    const today = parisDay(this.clock.now());
    if (!isRealDay(input.reportedOn)) {
      errors['reportedOn'] = 'Cette date n’existe pas.';
    } else if (input.reportedOn > today || input.reportedOn < DEPT_PROJECT_LIMITS.earliestReportOn) {
      errors['reportedOn'] = `La date du point doit être comprise entre le ${frenchDay(DEPT_PROJECT_LIMITS.earliestReportOn)} et aujourd’hui.`;
    }
    const titles = new Set(project.milestones.map((m) => m.title));
    input.milestonesReached.forEach((title, i) => {
      if (!titles.has(title)) {
        errors[`milestonesReached.${i}`] = 'Cette étape n’est pas une étape du projet : rechargez la page.';
      }
    });
    const videos: VideoLinkDto[] = input.videos.map((v, i) => {
      const host = acceptedVideoHost(v.url, this.config.videoHosts);
      if (!host) {
        errors[`videos.${i}.url`] = VIDEO_LINK_MESSAGE;
      }
      const thumbnail = v.thumbnailPhotoId?.toLowerCase() ?? null;
      if (thumbnail && !photoIds.includes(thumbnail)) {
        errors[`videos.${i}.thumbnailPhotoId`] = 'La vignette doit être une photo de ce point d’avancement.';
      }
      return { url: v.url, title: v.title, host: host ?? '', thumbnailPhotoId: thumbnail };
    });
    if (Object.keys(errors).length > 0) {
      throw new ValidationFailedException(errors);
    }
    return {
      reportedOn: input.reportedOn,
      done: input.done,
      difficulties: input.difficulties,
      nextSteps: input.nextSteps,
      progress: input.progress,
      milestonesReached: [...new Set(input.milestonesReached)],
      videos,
    };
  }

  /** The other staff of the département review it (its author is left out: a second person reviews). */
  private async notifyToReview(tx: EntityManager, project: DeptProjectRow, authorId: string, reportedOn: string, actorId = authorId): Promise<void> {
    const staff = await this.notifications.departementStaff(tx, project.departement_code);
    await this.notifications.notify(tx, {
      recipients: staff.filter((id) => id !== authorId && id !== actorId),
      kind: 'DEPT_REPORT_TO_REVIEW',
      deptProjectId: project.id,
      title: `Point d’avancement du ${frenchDay(reportedOn)} à relire : « ${project.title} »`,
      excerpt: '',
    });
  }

  private async notifyDecision(
    tx: EntityManager,
    user: AuthUser,
    project: DeptProjectRow,
    report: DeptReportRow,
    action: 'approve' | 'reject',
    reason: string | null,
  ): Promise<void> {
    if (!report.author_id || report.author_id === user.id) {
      return;
    }
    const what = `Votre point d’avancement du ${frenchDay(report.reported_on)} sur « ${project.title} »`;
    await this.notifications.notify(tx, {
      recipients: [report.author_id],
      kind: 'DEPT_REPORT_DECIDED',
      deptProjectId: project.id,
      title: action === 'approve' ? `${what} est publié` : `${what} est à reprendre`,
      excerpt: action === 'reject' ? (reason ?? '') : '',
    });
  }

  private toDto(user: AuthUser, row: DeptReportRow, photos: DeptPhotoRow[]): DeptReportDto {
    const edit = mayEditReport(user, row);
    const review = row.state === 'AWAITING_REVIEW' && row.author_id !== user.id;
    return mapDeptReport(
      row,
      photos.filter((p) => p.report_id === row.id),
      {
        edit,
        submit: edit && row.state !== 'AWAITING_REVIEW',
        approve: review,
        reject: review,
        delete: row.published === null ? edit : user.role === 'ADMIN',
      },
    );
  }

  private async removeFiles(keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.storage.remove(key);
    }
  }
}

/** The author, the project's lead and the admins of the département edit a report. */
export function mayEditReport(user: AuthUser, report: Pick<DeptReportRow, 'author_id' | 'project_lead_id'>): boolean {
  return user.role === 'ADMIN' || report.author_id === user.id || report.project_lead_id === user.id;
}

/** Today in Paris, `YYYY-MM-DD`. */
function parisDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `2026-03-31` → « 31/03/2026 ». */
function frenchDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
