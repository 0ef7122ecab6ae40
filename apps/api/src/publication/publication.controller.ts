import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Page, PublicationActionInput, PublicationDto, PublicationPreviewDto, PublicationQueueItemDto } from '@passerelle/shared/dto';
import { Allow, CurrentUser, Meta, type RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { PublicationActionPipe } from './dto/publication-action.pipe';
import { PublicationApproveBody, PublicationCommuneActionBody, PublicationOtherActionBody } from './dto/publication.dto';
import { PublicationService } from './publication.service';
import { CanonicalId } from '../common/http/id.pipe';

@ApiBearerAuth()
@ApiTags('Publication des projets')
@ApiExtraModels(PublicationCommuneActionBody, PublicationApproveBody, PublicationOtherActionBody)
@Controller()
export class PublicationController {
  constructor(private readonly publication: PublicationService) {}

  @Get('projects/:id/publication')
  @Allow('MAYOR', 'COLLABORATOR', 'AGENT', 'ADMIN')
  get(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<PublicationDto> {
    return this.publication.get(user, id);
  }

  /** Exactly what the public would see if the fiche were approved now, with the `version` that `approve` sends back. */
  @Get('projects/:id/publication/preview')
  @Allow('MAYOR', 'COLLABORATOR', 'AGENT', 'ADMIN')
  preview(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<PublicationPreviewDto> {
    return this.publication.preview(user, id);
  }

  /**
   * `request` (commune), `consent` and `withdraw` (mayor), `approve` (agents, with the previewed `version`) and
   * `reject` (agents, with a reason). Each action accepts its own fields only: `choices` with `request` or `consent`.
   */
  @Post('projects/:id/publication')
  @HttpCode(200)
  @Allow('MAYOR', 'COLLABORATOR', 'AGENT', 'ADMIN')
  @ApiBody({
    schema: {
      oneOf: [PublicationCommuneActionBody, PublicationApproveBody, PublicationOtherActionBody].map((body) => ({ $ref: getSchemaPath(body) })),
    },
  })
  @ApiConflictResponse({
    description: '`PUBLICATION_STALE_PREVIEW` : la fiche a changé depuis l’aperçu relu ; le corps contient `current`, l’aperçu actuel avec sa `version`.',
  })
  act(
    @CurrentUser() user: AuthUser,
    @Param('id', CanonicalId) id: string,
    @Body(PublicationActionPipe) body: PublicationActionInput,
    @Meta() meta: RequestMeta,
  ): Promise<PublicationDto> {
    return this.publication.act(user, id, body, meta);
  }

  /** The département's review queue: projects waiting for an agent, oldest request first. */
  @Get('publication/queue')
  @Allow('AGENT', 'ADMIN')
  queue(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<PublicationQueueItemDto>> {
    return this.publication.queue(user, query);
  }
}
