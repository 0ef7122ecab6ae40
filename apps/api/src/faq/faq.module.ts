import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { FaqController } from './faq.controller';
import { FaqExpiry } from './faq-expiry';
import { FaqRepository } from './faq.repository';
import { FaqService } from './faq.service';
import { FaqSuggestService } from './faq-suggest.service';
import { PublicFaqController } from './public-faq.controller';
import { ThreadFaqDraftController } from './thread-faq-draft.controller';

/** The collaborative FAQ: entries and their review, the public FAQ, suggestions while typing, drafts from questions. */
@Module({
  imports: [NotificationsModule],
  controllers: [FaqController, PublicFaqController, ThreadFaqDraftController],
  providers: [FaqRepository, FaqService, FaqSuggestService, FaqExpiry],
  exports: [FaqService, FaqRepository],
})
export class FaqModule {}
