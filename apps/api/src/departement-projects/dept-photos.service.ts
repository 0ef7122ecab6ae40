import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MultipartFile } from '@fastify/multipart';
import type { DataSource } from 'typeorm';
import type { DeptPhotoDto } from '@passerelle/shared/dto';
import { DEPT_PROJECT_LIMITS } from '@passerelle/shared/dto';
import type { AuthUser } from '../common/access/auth-user';
import { Clock } from '../common/clock/clock';
import { isUuid } from '../common/http/uuid';
import { detectContentType } from '../files/content-type';
import { FileStorage } from '../files/file-storage';
import { openStoredFile, type StoredFile } from '../files/stored-file';
import { cleanFilename, receiveUpload, storeThumbnail } from '../files/upload';
import { DeptProjectsException } from './departement-projects.exception';
import { type DeptPhotoRow, mapDeptPhoto } from './dept-report.mapper';
import { DeptReportsRepository } from './dept-reports.repository';
import { DeptReportsService, mayEditReport } from './dept-reports.service';

/** Photos only: what a progress report shows (documents stay the communes'). */
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * Photos of progress reports: streamed to disk, typed from their content, a WebP thumbnail made for each; read by
 * the staff of the département. Their text alternative is required before the report is published.
 */
@Injectable()
export class DeptPhotosService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: DeptReportsRepository,
    private readonly reports: DeptReportsService,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  async upload(user: AuthUser, reportId: string, file: MultipartFile | undefined): Promise<DeptPhotoDto> {
    let report;
    try {
      ({ report } = await this.reports.load(user, reportId));
      if (!mayEditReport(user, report)) {
        throw new DeptProjectsException('REPORT_EDIT_FORBIDDEN');
      }
      if (!file) {
        throw new DeptProjectsException('PHOTO_FILE_MISSING');
      }
    } catch (error) {
      file?.file.resume();
      throw error;
    }
    const id = randomUUID();
    const temporary = await this.storage.temporaryPath(id);
    const key = `${id.slice(0, 2)}/${id}`;
    const thumbnailKey = `${key}-thumb.webp`;
    try {
      const { size, sha256 } = await receiveUpload(file, temporary);
      const filename = cleanFilename(file.filename, 'photo');
      const mimeType = await detectContentType(temporary, filename);
      if (!mimeType || !PHOTO_TYPES.includes(mimeType)) {
        throw new DeptProjectsException('PHOTO_TYPE');
      }
      await storeThumbnail(this.storage, temporary, id, thumbnailKey);
      await this.db
        .transaction(async (tx) => {
          // One upload at a time per report while the photos are counted.
          await this.repository.lock(tx, report.id);
          if ((await this.repository.countPhotos(tx, report.id)) >= DEPT_PROJECT_LIMITS.photosPerReport) {
            throw new DeptProjectsException('PHOTO_LIMIT');
          }
          await this.repository.insertPhoto(tx, {
            id,
            projectId: report.project_id,
            reportId: report.id,
            filename,
            mimeType,
            size,
            sha256,
            storageKey: key,
            thumbnailKey,
            uploadedBy: user.id,
          });
          await this.repository.backToDraftIfPublished(tx, report.id, this.clock.now());
          await this.storage.keep(temporary, key);
        })
        .catch(async (error: unknown) => {
          await this.storage.remove(thumbnailKey);
          throw error;
        });
      return mapDeptPhoto(await this.load(user, id));
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async updateAlt(user: AuthUser, id: string, alt: string): Promise<DeptPhotoDto> {
    const photo = await this.loadEditable(user, id);
    await this.db.transaction((tx) => this.repository.updateAlt(tx, photo.id, alt));
    return mapDeptPhoto(await this.load(user, id));
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const photo = await this.loadEditable(user, id);
    const reportId = photo.report_id as string;
    const keys = await this.db.transaction(async (tx) => {
      await this.repository.lock(tx, reportId);
      const removed = await this.repository.deletePhotos(tx, { id: photo.id });
      await this.repository.clearVideoThumbnail(tx, reportId, photo.id);
      await this.repository.backToDraftIfPublished(tx, reportId, this.clock.now());
      return removed;
    });
    for (const key of keys) {
      await this.storage.remove(key);
    }
  }

  async open(user: AuthUser, id: string, variant: 'content' | 'thumbnail'): Promise<StoredFile> {
    const photo = await this.load(user, id);
    const file = await openStoredFile(this.storage, { ...photo, kind: 'PHOTO' }, variant);
    if (!file) {
      throw new DeptProjectsException('DEPT_PHOTO_NOT_FOUND');
    }
    return file;
  }

  /** A photo of a report of a project of the user's département; else 404. */
  private async load(user: AuthUser, id: string): Promise<DeptPhotoRow> {
    const photo = isUuid(id) ? await this.repository.findPhoto(this.db.manager, id, user.departementCode) : undefined;
    if (!photo) {
      throw new DeptProjectsException('DEPT_PHOTO_NOT_FOUND');
    }
    return photo;
  }

  /** Who edits the report edits its photos. */
  private async loadEditable(user: AuthUser, id: string): Promise<DeptPhotoRow> {
    const photo = await this.load(user, id);
    const { report } = await this.reports.load(user, photo.report_id as string);
    if (!mayEditReport(user, report)) {
      throw new DeptProjectsException('REPORT_EDIT_FORBIDDEN');
    }
    return photo;
  }
}
