import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { AbandonedAttachments } from './abandoned-attachments';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { FileStorage } from '../files/file-storage';
import { fileStorageProvider } from '../files/file-storage.provider';

@Module({
  imports: [ProjectsModule],
  controllers: [DocumentsController],
  providers: [DocumentsRepository, DocumentsService, AbandonedAttachments, fileStorageProvider],
  exports: [DocumentsService, AbandonedAttachments, FileStorage],
})
export class DocumentsModule {}
