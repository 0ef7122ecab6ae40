import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DATA_EXPORT_LINK_DAYS, DATA_EXPORT_MAX_PER_DAY, type DataExportDto } from '@passerelle/shared/dto';
import { AuditService } from '../../audit/audit.service';
import type { RequestMeta } from '../../common/access/access.decorators';
import type { AuthUser } from '../../common/access/auth-user';
import { Clock } from '../../common/clock/clock';
import { isUuid } from '../../common/http/uuid';
import { FileStorage } from '../../files/file-storage';
import type { StoredFile } from '../../files/stored-file';
import { JobsService } from '../../jobs/jobs.service';
import { NotificationMailer } from '../../notifications/notification-mailer';
import { NotificationsService } from '../../notifications/notifications.service';
import { parisDay } from '../../common/calendar/working-calendar';
import { DataExportBuilder } from './data-export.builder';
import { DataExportException } from './data-export.exception';
import { mapDataExport } from './data-export.mapper';
import { DataExportRepository, type PurgeCandidateRow } from './data-export.repository';

/** The job that builds one export (`{ exportId }`). */
export const DATA_EXPORT_QUEUE = 'data-export';
const DAY_MS = 86_400_000;
/** The list shows the latest ones. */
const LIST_LIMIT = 10;
/** A build runs well within this; a longer one counts as lost and its job is tried again. */
const BUILD_EXPIRE_SECONDS = 1_800;
/** An export still PENDING this long after it was asked lost its build (and its retries): it is given up. */
const STALE_HOURS = 3;
const STALE_MS = STALE_HOURS * 3_600_000;
const STALE_ERROR = `Préparation interrompue (abandonnée après ${STALE_HOURS} heures).`;
/** FAILED and EXPIRED exports are forgotten after this many days. */
const FORGET_DAYS = 30;

export interface PurgeResult {
  count: number;
  capped: boolean;
}

/**
 * « Télécharger mes données » (RGPD, right of access and portability): the user asks, a background job builds a
 * zip of everything kept about them (`DataExportBuilder`) into the file storage, they are notified (in the app and
 * by e-mail as they chose, with a link to their account page, never to the file), and only they can download it,
 * for `DATA_EXPORT_LINK_DAYS` days. One export is built per user at a time and at most
 * `DATA_EXPORT_MAX_PER_DAY` are asked a day. The retention job expires and forgets them (`purgeExpired`).
 *
 * A build writes the zip to a local temporary file and keeps it under a key made of the export's id, so a build
 * tried again (its instance died) replaces it rather than adding a second one; a lock on the export keeps two
 * runs from building it at once, and only the run that turns it READY notifies. With jobs off (tests, CLI), the
 * build runs in this process right after the answer, one at a time.
 */
@Injectable()
export class DataExportService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(DataExportService.name);
  private inProcess: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: DataExportRepository,
    private readonly builder: DataExportBuilder,
    private readonly storage: FileStorage,
    private readonly notifications: NotificationsService,
    private readonly mailer: NotificationMailer,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.jobs.enabled) {
      await this.jobs.register({
        queue: DATA_EXPORT_QUEUE,
        // Every export asked is built (a `stately` queue would keep one job of all users' waiting).
        policy: 'standard',
        handler: (job) => this.build(exportIdOf(job.data)),
        expireInSeconds: BUILD_EXPIRE_SECONDS,
        retryLimit: 2,
        retryDelaySeconds: 60,
      });
    }
  }

  /** The build running in this process (jobs off) finishes before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.settled();
  }

  async request(user: AuthUser, meta: RequestMeta): Promise<DataExportDto> {
    const now = this.clock.now();
    // A build that died with its process (and its retries) no longer blocks the next request.
    await this.repository.failStale(user.id, new Date(now.getTime() - STALE_MS), STALE_ERROR);
    if (await this.repository.pendingOf(user.id)) {
      throw new DataExportException('DATA_EXPORT_PENDING');
    }
    const recent = await this.repository.requestedSince(user.id, new Date(now.getTime() - DAY_MS));
    if (recent.length >= DATA_EXPORT_MAX_PER_DAY) {
      const freedAt = recent[recent.length - DATA_EXPORT_MAX_PER_DAY].getTime() + DAY_MS;
      throw new DataExportException('DATA_EXPORT_TOO_MANY', { retryAfterSeconds: (freedAt - now.getTime()) / 1000 });
    }
    const row = await this.db.transaction(async (tx) => {
      const created = await this.repository.insertPending(tx, user.id, now);
      if (created) {
        await this.audit.record(
          { action: 'DATA_EXPORT_REQUESTED', actorId: user.id, targetType: 'data_export', targetId: created.id, departementCode: user.departementCode, communeInsee: user.communeInsee },
          meta,
          tx,
        );
      }
      return created;
    });
    if (!row) {
      // Asked twice at once: the other request won.
      throw new DataExportException('DATA_EXPORT_PENDING');
    }
    this.schedule(row.id);
    return mapDataExport(row, now);
  }

  async list(user: AuthUser): Promise<DataExportDto[]> {
    const now = this.clock.now();
    return (await this.repository.latest(user.id, LIST_LIMIT)).map((row) => mapDataExport(row, now));
  }

  /** The zip, for its owner only (anyone else: not found), while its link lasts. */
  async open(user: AuthUser, id: string, meta: RequestMeta): Promise<StoredFile> {
    const row = isUuid(id) ? await this.repository.ownedBy(id, user.id) : null;
    if (!row) {
      throw new DataExportException('DATA_EXPORT_NOT_FOUND');
    }
    const now = this.clock.now();
    if (row.status === 'EXPIRED' || (row.status === 'READY' && row.expires_at !== null && row.expires_at <= now)) {
      throw new DataExportException('DATA_EXPORT_EXPIRED');
    }
    if (row.status !== 'READY' || !row.storage_key || !row.ready_at) {
      throw new DataExportException('DATA_EXPORT_NOT_READY');
    }
    let opened;
    try {
      opened = await this.storage.open(row.storage_key);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      this.logger.error(`Archive de données ${row.id} illisible dans le stockage (${typeof code === 'string' ? code : 'erreur'})`);
      // Gone from the storage (an operator's clean-up, a restore without the files): as if expired.
      throw new DataExportException(code === 'ENOENT' ? 'DATA_EXPORT_EXPIRED' : 'DATA_EXPORT_UNAVAILABLE');
    }
    await this.audit.record(
      { action: 'DATA_EXPORT_DOWNLOADED', actorId: user.id, targetType: 'data_export', targetId: row.id, departementCode: user.departementCode, communeInsee: user.communeInsee },
      meta,
    );
    return {
      stream: opened.stream,
      size: opened.size,
      filename: `passerelle-mes-donnees-${parisDay(row.ready_at.getTime())}.zip`,
      mimeType: 'application/zip',
      inline: false,
    };
  }

  /**
   * Builds one export: PENDING → READY (and the user is notified), or FAILED with a short reason. Does nothing
   * when the export is no longer PENDING (a job run again after it finished) or another run is building it.
   */
  async build(exportId: string): Promise<void> {
    if (!isUuid(exportId)) {
      return;
    }
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      // Held on this connection for the whole build; released when it ends or when the process dies.
      const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_lock(hashtext('data_export'), hashtext($1)) AS locked`, [exportId])) as {
        locked: boolean;
      }[];
      if (!locked) {
        return;
      }
      try {
        await this.buildLocked(exportId);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('data_export'), hashtext($1))`, [exportId]);
      }
    } finally {
      await runner.release();
    }
  }

  /** Resolves once the builds started in this process are over (tests wait on it). */
  async settled(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.inProcess;
      await current;
    } while (current !== this.inProcess);
  }

  /**
   * The retention of exports, for the retention job: READY exports past their link's end become EXPIRED and their
   * file is deleted; FAILED and EXPIRED ones older than 30 days are forgotten; PENDING ones whose build died are
   * given up. At most `limit` rows per call (`capped` when more remain); a dry run only counts.
   */
  async purgeExpired(now: Date, limit: number, dryRun: boolean): Promise<PurgeResult> {
    const due = await this.repository.purgeCandidates(
      { now, forgetBefore: new Date(now.getTime() - FORGET_DAYS * DAY_MS), staleBefore: new Date(now.getTime() - STALE_MS) },
      limit + 1,
    );
    const batch = due.slice(0, limit);
    const capped = due.length > limit;
    if (dryRun) {
      return { count: batch.length, capped };
    }
    let count = 0;
    for (const row of batch) {
      if (await this.purgeOne(row)) {
        count += 1;
      }
    }
    return { count, capped };
  }

  private async purgeOne(row: PurgeCandidateRow): Promise<boolean> {
    switch (row.action) {
      case 'EXPIRE':
        // The file first: a row left READY without its file answers « expired » anyway.
        if (row.storage_key) {
          await this.storage.remove(row.storage_key);
        }
        return this.repository.markExpired(row.id);
      case 'DELETE':
        if (row.storage_key) {
          await this.storage.remove(row.storage_key);
        }
        return this.repository.deleteFinished(row.id);
      case 'FAIL':
        return this.repository.markFailed(row.id, STALE_ERROR);
    }
  }

  private schedule(exportId: string): void {
    if (!this.jobs.enabled) {
      this.buildInProcess(exportId);
      return;
    }
    this.jobs.trigger(DATA_EXPORT_QUEUE, { exportId }).then(
      // Not started yet (an instance still booting): built here.
      (queued) => (queued ? undefined : this.buildInProcess(exportId)),
      (error: unknown) => {
        this.logger.error(`Archive de données ${exportId} : tâche non créée (${describe(error)}), préparée ici`);
        this.buildInProcess(exportId);
      },
    );
  }

  /** One build at a time in this process, after the answer to the request. */
  private buildInProcess(exportId: string): void {
    if (this.stopped) {
      return;
    }
    this.inProcess = this.inProcess
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => this.build(exportId))
      .catch((error: unknown) => this.logger.error(`Archive de données ${exportId} : ${describe(error)}`));
  }

  private async buildLocked(exportId: string): Promise<void> {
    const row = await this.repository.byId(exportId);
    if (!row || row.status !== 'PENDING') {
      return;
    }
    const key = storageKey(row.user_id, row.id);
    const temporary = await this.storage.temporaryPath(`data-export-${row.id}-${randomUUID()}.zip`);
    let kept = false;
    try {
      const startedAt = this.clock.now();
      const size = await this.builder.write(row.user_id, temporary, startedAt);
      if (size === null) {
        await this.repository.markFailed(row.id, 'Compte introuvable ou supprimé.');
        return;
      }
      await this.storage.keep(temporary, key);
      kept = true;
      const readyAt = this.clock.now();
      const expiresAt = new Date(readyAt.getTime() + DATA_EXPORT_LINK_DAYS * DAY_MS);
      const ready = await this.db.transaction(async (tx) => {
        if (!(await this.repository.markReady(tx, row.id, { at: readyAt, expiresAt, storageKey: key, sizeBytes: size }))) {
          return false;
        }
        await this.notifications.notify(tx, {
          recipients: [row.user_id],
          kind: 'DATA_EXPORT_READY',
          title: 'Vos données sont prêtes à télécharger',
          excerpt: `Archive téléchargeable jusqu’au ${frenchDate(expiresAt)}, depuis la page « Mon compte ».`,
        });
        return true;
      });
      if (!ready) {
        // Given up meanwhile (it took longer than the retention allows): nothing points at the file any more.
        await this.storage.remove(key);
        return;
      }
      this.mailer.flushSoon();
      this.logger.log(`Archive de données ${row.id} prête (${size} octets)`);
    } catch (error) {
      this.logger.error(`Archive de données ${row.id} en échec : ${describe(error)}`);
      await rm(temporary, { force: true }).catch(() => undefined);
      if (kept) {
        await this.storage.remove(key).catch(() => undefined);
      }
      await this.repository.markFailed(row.id, shortError(error));
    }
  }
}

/** `exports/<user>/<export>.zip`: never a public path, and one key per export whatever the number of tries. */
export function storageKey(userId: string, exportId: string): string {
  return `exports/${userId}/${exportId}.zip`;
}

function exportIdOf(data: object): string {
  const id = (data as { exportId?: unknown }).exportId;
  return typeof id === 'string' ? id : '';
}

function frenchDate(at: Date): string {
  return at.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the operator needs, short: the error's code and the start of its message, never a stack. */
function shortError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = describe(error).replace(/\s+/g, ' ').slice(0, 200);
  return typeof code === 'string' ? `${code} : ${message}` : message;
}
