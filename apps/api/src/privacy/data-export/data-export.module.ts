import { Module } from '@nestjs/common';
import { DocumentsModule } from '../../documents/documents.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { DataExportBuilder } from './data-export.builder';
import { DataExportController } from './data-export.controller';
import { DataExportRepository } from './data-export.repository';
import { DataExportService } from './data-export.service';
import { PersonalDataRepository } from './personal-data.repository';

/**
 * « Télécharger mes données »: the user's data as a zip, built in the background, theirs to download for 7 days.
 * Exports `DataExportService` for the retention job (`purgeExpired`).
 */
@Module({
  imports: [DocumentsModule, NotificationsModule],
  controllers: [DataExportController],
  providers: [DataExportService, DataExportRepository, DataExportBuilder, PersonalDataRepository],
  exports: [DataExportService],
})
export class DataExportModule {}
