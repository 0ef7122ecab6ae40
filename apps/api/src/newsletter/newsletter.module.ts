import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { NewsletterController } from './newsletter.controller';
import { NewsletterDigests } from './newsletter-digests';
import { NewsletterRepository } from './newsletter.repository';
import { NewsletterService } from './newsletter.service';
import { acceptOneClickForms } from './one-click-form';

/** The partners' newsletter (double opt-in, weekly or monthly digests, one-click unsubscribe). */
@Module({
  controllers: [NewsletterController],
  providers: [NewsletterService, NewsletterRepository, NewsletterDigests],
  exports: [NewsletterDigests],
})
export class NewsletterModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // No HTTP server in the command-line tool.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) {
      acceptOneClickForms(fastify);
    }
  }
}
