import { Module } from '@nestjs/common';
import { ThreadFactsModule } from '../../indicators/thread-facts.module';
import { AccountDeletionModule } from '../account-deletion/account-deletion.module';
import { DataExportModule } from '../data-export/data-export.module';
import { RetentionController } from './retention.controller';
import { RetentionRules } from './retention-rules';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/** The retention periods, applied by a job (and by the CLI), each run logged for the admins. */
@Module({
  imports: [AccountDeletionModule, DataExportModule, ThreadFactsModule],
  controllers: [RetentionController],
  providers: [RetentionService, RetentionRules, RetentionRepository],
  exports: [RetentionService],
})
export class RetentionModule {}
