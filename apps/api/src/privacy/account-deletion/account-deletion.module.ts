import { Module } from '@nestjs/common';
import { DocumentsModule } from '../../documents/documents.module';
import { AccountDeletionRepository } from './account-deletion.repository';
import { AccountDeletionService } from './account-deletion.service';
import { AccountErasureRepository } from './account-erasure.repository';
import { AccountErasureService } from './account-erasure.service';
import { MeDeletionController } from './me-deletion.controller';
import { UserDeletionController } from './user-deletion.controller';

/**
 * Deleting an account: asked by its user (`POST /api/me/deletion`) or by an admin on their request
 * (`POST|DELETE /api/users/:id/deletion`), carried out after a grace period by the retention job through
 * `AccountErasureService`. Signing in before then cancels it (see `AuthService`).
 */
@Module({
  // FileStorage, for the files of the export archives of a deleted account.
  imports: [DocumentsModule],
  controllers: [MeDeletionController, UserDeletionController],
  providers: [AccountDeletionService, AccountDeletionRepository, AccountErasureService, AccountErasureRepository],
  exports: [AccountErasureService],
})
export class AccountDeletionModule {}
