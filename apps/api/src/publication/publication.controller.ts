import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, PublicationDto, PublicationQueueItemDto, PublicProjectDto } from '@passerelle/shared/dto';
import { Allow, CurrentUser, Meta, type RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { PublicationActionDto } from './dto/publication.dto';
import { PublicationService } from './publication.service';

@ApiBearerAuth()
@ApiTags('Publication des projets')
@Controller()
export class PublicationController {
  constructor(private readonly publication: PublicationService) {}

  @Get('projects/:id/publication')
  @Allow('MAYOR', 'COLLABORATOR', 'AGENT', 'ADMIN')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<PublicationDto> {
    return this.publication.get(user, id);
  }

  /** Exactly what the public would see if the fiche were approved now. */
  @Get('projects/:id/publication/preview')
  @Allow('MAYOR', 'COLLABORATOR', 'AGENT', 'ADMIN')
  preview(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<PublicProjectDto> {
    return this.publication.preview(user, id);
  }

  /** `request` (commune), `consent` and `withdraw` (mayor), `approve` and `reject` (agents, with a reason). */
  @Post('projects/:id/publication')
  @HttpCode(200)
  @Allow('MAYOR', 'COLLABORATOR', 'AGENT', 'ADMIN')
  act(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: PublicationActionDto, @Meta() meta: RequestMeta): Promise<PublicationDto> {
    return this.publication.act(user, id, body, meta);
  }

  /** The département's review queue: projects waiting for an agent, oldest request first. */
  @Get('publication/queue')
  @Allow('AGENT', 'ADMIN')
  queue(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<PublicationQueueItemDto>> {
    return this.publication.queue(user, query);
  }
}
