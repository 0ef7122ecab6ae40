import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { FileStorage, LocalFileStorage } from './file-storage';

@Module({
  imports: [ProjectsModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, { provide: FileStorage, useClass: LocalFileStorage }],
  exports: [DocumentsService],
})
export class DocumentsModule {}
