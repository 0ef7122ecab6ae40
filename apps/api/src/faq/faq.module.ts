import { Module } from '@nestjs/common';
import { FaqController } from './faq.controller';
import { PublicFaqController } from './public-faq.controller';
import { FaqExpiry } from './faq-expiry';
import { FaqRepository } from './faq.repository';
import { FaqService } from './faq.service';

/** The collaborative FAQ: entries, their review, and (next) suggestions and the public FAQ. */
@Module({
  controllers: [FaqController, PublicFaqController],
  providers: [FaqRepository, FaqService, FaqExpiry],
})
export class FaqModule {}
