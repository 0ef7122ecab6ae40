import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { OpenDataService } from './open-data.service';
import { PublicMapService } from './public-map.service';
import { PublicPortalController } from './public-portal.controller';
import { PublicProjectsService } from './public-projects.service';

/** `/api/public/…`: what visitors see, without an account — published snapshots only. */
@Module({
  imports: [DocumentsModule],
  controllers: [PublicPortalController],
  providers: [PublicProjectsService, PublicMapService, OpenDataService],
})
export class PublicPortalModule {}
