import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { DeptPhotosService } from './dept-photos.service';
import { DeptProjectsController } from './dept-projects.controller';
import { DeptProjectsRepository } from './dept-projects.repository';
import { DeptProjectsService } from './dept-projects.service';
import { DeptReportsController } from './dept-reports.controller';
import { DeptReportsRepository } from './dept-reports.repository';
import { DeptReportsService } from './dept-reports.service';
import { ProgrammeAxesController } from './programme-axes.controller';
import { ProgrammeAxesRepository } from './programme-axes.repository';
import { ProgrammeAxesService } from './programme-axes.service';

/**
 * The département's own projects for its staff: programme axes, projects, progress reports and their photos, the
 * review of reports. The public side reads the same tables through its own module.
 */
@Module({
  // DocumentsModule for the one FileStorage of the installation (local directory or S3).
  imports: [DocumentsModule, NotificationsModule],
  controllers: [ProgrammeAxesController, DeptProjectsController, DeptReportsController],
  providers: [
    ProgrammeAxesRepository,
    ProgrammeAxesService,
    DeptProjectsRepository,
    DeptProjectsService,
    DeptReportsRepository,
    DeptReportsService,
    DeptPhotosService,
  ],
  exports: [DeptProjectsService],
})
export class DepartementProjectsModule {}
