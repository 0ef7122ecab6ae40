import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ThreadFactsModule } from '../indicators/thread-facts.module';
import { LiveModule } from '../live/live.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CommuneFileRepository } from './commune-file.repository';
import { CommuneFileService } from './commune-file.service';
import { InboxSettingsController } from './inbox-settings.controller';
import { InboxSettingsRepository } from './inbox-settings.repository';
import { InboxSettingsService } from './inbox-settings.service';
import { ThreadNotifications } from './thread-notifications';
import { ThreadQueueService } from './thread-queue.service';
import { ThreadTriageService } from './thread-triage.service';
import { ThreadsController } from './threads.controller';
import { ThreadsRepository } from './threads.repository';
import { ThreadsService } from './threads.service';

@Module({
  imports: [DocumentsModule, NotificationsModule, LiveModule, ThreadFactsModule],
  controllers: [ThreadsController, InboxSettingsController],
  providers: [
    ThreadsRepository,
    ThreadsService,
    ThreadQueueService,
    ThreadNotifications,
    ThreadTriageService,
    InboxSettingsRepository,
    InboxSettingsService,
    CommuneFileRepository,
    CommuneFileService,
  ],
})
export class ThreadsModule {}
