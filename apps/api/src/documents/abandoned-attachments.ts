import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { FileStorage } from '../files/file-storage';
import { JobsService } from '../jobs/jobs.service';
import { DocumentsRepository } from './documents.repository';

/** An attachment uploaded for a message that was never sent is kept this long (the draft may still be sent). */
export const ABANDONED_AFTER_MS = 24 * 3_600_000;
/** The clean-up job, every hour at minute 17 (away from the top of the hour, when the other schedules run). */
export const ABANDONED_ATTACHMENTS_QUEUE = 'abandoned-attachments';
export const ABANDONED_ATTACHMENTS_CRON = '17 * * * *';

/**
 * Deletes the attachments uploaded for a question or an answer that never left (the page was closed): they belong
 * to no message, would count against the commune's quota forever, and nobody but their uploader could see them.
 * A scheduled job, every hour, on the background work's switch (`NOTIFICATION_INTERVAL_SECONDS=0` turns it off).
 */
@Injectable()
export class AbandonedAttachments implements OnModuleInit {
  constructor(
    private readonly repository: DocumentsRepository,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.jobs.enabled) {
      await this.jobs.register({
        queue: ABANDONED_ATTACHMENTS_QUEUE,
        handler: () => this.sweep(),
        cron: ABANDONED_ATTACHMENTS_CRON,
        expireInSeconds: 1_800,
      });
    }
  }

  /** Returns how many attachments were deleted. */
  async sweep(): Promise<number> {
    const rows = await this.repository.deleteUnclaimed(new Date(this.clock.now().getTime() - ABANDONED_AFTER_MS));
    for (const row of rows) {
      await this.storage.remove(row.storage_key);
      if (row.thumbnail_key) {
        await this.storage.remove(row.thumbnail_key);
      }
    }
    return rows.length;
  }
}
