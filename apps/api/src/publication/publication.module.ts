import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProjectsModule } from '../projects/projects.module';
import { PublicationController } from './publication.controller';
import { PublicationRepository } from './publication.repository';
import { PublicationService } from './publication.service';

@Module({
  imports: [ProjectsModule, NotificationsModule, AuditModule],
  controllers: [PublicationController],
  providers: [PublicationRepository, PublicationService],
  exports: [PublicationService],
})
export class PublicationModule {}
