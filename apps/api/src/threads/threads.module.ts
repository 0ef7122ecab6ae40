import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CommuneFileService } from './commune-file.service';
import { InboxSettingsController } from './inbox-settings.controller';
import { InboxSettingsService } from './inbox-settings.service';
import { ThreadTriageService } from './thread-triage.service';
import { ThreadsController } from './threads.controller';
import { ThreadsService } from './threads.service';

@Module({
  imports: [DocumentsModule, NotificationsModule],
  controllers: [ThreadsController, InboxSettingsController],
  providers: [ThreadsService, ThreadTriageService, InboxSettingsService, CommuneFileService],
})
export class ThreadsModule {}
