import { Module } from '@nestjs/common';
import { PrivacyNoticeController } from './privacy-notice.controller';
import { PrivacyNoticeRepository } from './privacy-notice.repository';
import { PrivacyNoticeService } from './privacy-notice.service';

/** The public page « Données personnelles » and the register of processing activities, generated from the configuration. */
@Module({
  controllers: [PrivacyNoticeController],
  providers: [PrivacyNoticeService, PrivacyNoticeRepository],
})
export class PrivacyNoticeModule {}
