import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { NotificationMailer } from './notification-mailer';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [LiveModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsRepository, NotificationMailer],
  exports: [NotificationsService, NotificationMailer],
})
export class NotificationsModule {}
