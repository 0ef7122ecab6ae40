import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FileStorage } from '../files/file-storage';
import { DocumentsRepository } from './documents.repository';

/** An attachment uploaded for a message that was never sent is kept this long (the draft may still be sent). */
export const ABANDONED_AFTER_MS = 24 * 3_600_000;

/**
 * Deletes the attachments uploaded for a question or an answer that never left (the page was closed): they belong
 * to no message, would count against the commune's quota forever, and nobody but their uploader could see them.
 * Runs every hour, on the notification timer's switch (`NOTIFICATION_INTERVAL_SECONDS=0` turns both off).
 */
@Injectable()
export class AbandonedAttachments implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AbandonedAttachments.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: DocumentsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.notificationIntervalSeconds > 0) {
      this.timer = setInterval(() => {
        this.sweep().catch((error: unknown) => this.logger.error(`Nettoyage des pièces jointes impossible : ${String(error)}`));
      }, 3_600_000);
      this.timer.unref();
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) {
      clearInterval(this.timer);
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
