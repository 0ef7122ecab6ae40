import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { FailedMailDto, Page } from '@passerelle/shared/dto';
import { Allow, CurrentUser, Meta, type RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { FailedMailsService } from './failed-mails.service';

@ApiBearerAuth()
@ApiTags('Administration')
@Controller('admin/mails')
export class FailedMailsController {
  constructor(private readonly failedMails: FailedMailsService) {}

  /** The admin's département's mails that could not be delivered, latest failure first. */
  @Get('failed')
  @Allow('ADMIN')
  @Header('cache-control', 'no-store')
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<FailedMailDto>> {
    return this.failedMails.list(user, query);
  }

  @Post(':id/resend')
  @HttpCode(204)
  @Allow('ADMIN')
  @ApiNoContentResponse({ description: 'Le courriel repart, avec de nouveaux essais.' })
  @ApiNotFoundResponse({ description: 'Courriel introuvable, d’un autre département, ou plus en échec.' })
  async resend(@CurrentUser() user: AuthUser, @Param('id') id: string, @Meta() meta: RequestMeta): Promise<void> {
    await this.failedMails.resend(user, id, meta);
  }
}
