import { Controller, Get, Header, Inject, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { DevMailDto, Page } from '@passerelle/shared/dto';
import type { FastifyRequest } from 'fastify';
import { Public } from '../common/access/access.decorators';
import { DomainException } from '../common/exceptions/domain.exception';
import { isLocalDirectClient } from '../common/http/loopback';
import { PageQueryDto, page } from '../common/pagination/page-query.dto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailDispatcher } from './mail-dispatcher';
import { MailService } from './mail.service';

/**
 * Demo mode only: the mails written to disk, so that a tester (or a browser test) on the same machine can follow
 * their links. They hold other people's reset and invitation links, so a remote client never reads them, in
 * any mode: only a loopback TCP peer that no proxy forwarded (the socket, not `request.ip`) gets an answer.
 */
@ApiExcludeController()
@Controller('dev/mails')
export class DevMailsController {
  constructor(
    private readonly mail: MailService,
    private readonly dispatcher: MailDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @Header('cache-control', 'no-store')
  async list(@Query() query: PageQueryDto, @Req() request: FastifyRequest): Promise<Page<DevMailDto>> {
    if (!this.config.demoMode || this.config.smtpUrl || !isLocalDirectClient(request.socket.remoteAddress, request.headers)) {
      throw new DomainException('NOT_FOUND', 'NOT_FOUND', 'Cette adresse n’existe pas.');
    }
    // Mails leave the outbox a moment after the action that queued them: a reader (a browser test following a
    // link) sees them at once.
    await this.dispatcher.drain();
    const { items, total } = this.mail.readWritten(query.limit, query.offset);
    return page(items, total, query);
  }
}
