import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { DevMailDto, Page } from '@passerelle/shared/dto';
import { Public } from '../common/access/access.decorators';
import { DomainException } from '../common/exceptions/domain.exception';
import { PageQueryDto, page } from '../common/pagination/page-query.dto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailService } from './mail.service';

/** Demo mode only: the mails written to disk, so that a tester (or a browser test) can follow their links. */
@ApiExcludeController()
@Controller('dev/mails')
export class DevMailsController {
  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @Header('cache-control', 'no-store')
  list(@Query() query: PageQueryDto): Page<DevMailDto> {
    if (!this.config.demoMode || this.config.smtpUrl) {
      throw new DomainException('NOT_FOUND', 'NOT_FOUND', 'Cette adresse n’existe pas.');
    }
    const { items, total } = this.mail.readWritten(query.limit, query.offset);
    return page(items, total, query);
  }
}
