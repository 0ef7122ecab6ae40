import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { AbandonedAttachments } from './abandoned-attachments';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { FileStorage, LocalFileStorage } from '../files/file-storage';

@Module({
  imports: [ProjectsModule],
  controllers: [DocumentsController],
  providers: [DocumentsRepository, DocumentsService, AbandonedAttachments, { provide: FileStorage, useClass: LocalFileStorage }],
  exports: [DocumentsService, AbandonedAttachments, FileStorage],
})
export class DocumentsModule {}
