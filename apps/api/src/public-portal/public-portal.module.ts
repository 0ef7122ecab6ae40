import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { OpenDataService } from './open-data.service';
import { PublicMapService } from './public-map.service';
import { PublicPortalController } from './public-portal.controller';
import { PublicPortalRepository } from './public-portal.repository';
import { PublicProjectsService } from './public-projects.service';
import { PublishedSet } from './published-set';

/** `/api/public/…`: what visitors see, without an account — published snapshots only. */
@Module({
  imports: [DocumentsModule],
  controllers: [PublicPortalController],
  providers: [PublicPortalRepository, PublishedSet, PublicProjectsService, PublicMapService, OpenDataService],
})
export class PublicPortalModule {}
