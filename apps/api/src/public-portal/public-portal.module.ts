import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { OpenDataService } from './open-data.service';
import { PublicDeptProjectsController } from './public-dept-projects.controller';
import { PublicDeptProjectsRepository } from './public-dept-projects.repository';
import { PublicDeptProjectsService } from './public-dept-projects.service';
import { PublicMapService } from './public-map.service';
import { PublicPortalController } from './public-portal.controller';
import { PublicPortalRepository } from './public-portal.repository';
import { PublicProjectsService } from './public-projects.service';
import { PublishedSet } from './published-set';

/** `/api/public/…`: what visitors see, without an account — published snapshots and reviewed reports only. */
@Module({
  imports: [DocumentsModule],
  controllers: [PublicPortalController, PublicDeptProjectsController],
  providers: [
    PublicPortalRepository,
    PublicDeptProjectsRepository,
    PublishedSet,
    PublicProjectsService,
    PublicDeptProjectsService,
    PublicMapService,
    OpenDataService,
  ],
})
export class PublicPortalModule {}
