import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import { FaqService } from './faq.service';

export const FAQ_EXPIRY_QUEUE = 'faq-expiry';
/** Every night at 3:05 (Paris), away from the top of the hour. */
export const FAQ_EXPIRY_CRON = '5 3 * * *';

/**
 * Sends back to review the published entries past their « valable jusqu'au » date (an answer about the 2026 DETR
 * call must not outlive it). A durable job, once a night and at start (a night missed while no instance ran).
 */
@Injectable()
export class FaqExpiry implements OnModuleInit {
  constructor(
    private readonly faq: FaqService,
    private readonly jobs: JobsService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.jobs.enabled) {
      await this.jobs.register({ queue: FAQ_EXPIRY_QUEUE, handler: () => this.faq.expireEntries(), cron: FAQ_EXPIRY_CRON, expireInSeconds: 600, atStart: true });
    }
  }
}
