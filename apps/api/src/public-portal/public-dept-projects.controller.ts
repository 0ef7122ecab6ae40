import { Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEPARTEMENT_CODE_PATTERN, type Page, type PublicAxisDto, type PublicDeptProjectDto, type PublicDeptProjectSummaryDto } from '@passerelle/shared/dto';
import { Public } from '../common/access/access.decorators';
import { CanonicalId } from '../common/http/id.pipe';
import { PatternPipe } from '../common/http/pattern.pipe';
import type { SerializedJson } from '../common/http/serialized-json';
import { PublicDeptProjectListQueryDto } from './dto/public-dept-query.dto';
import { REVALIDATE, sendPublicFile } from './public-file';
import { PublicDeptProjectsService } from './public-dept-projects.service';

const departementCode = new PatternPipe('code', DEPARTEMENT_CODE_PATTERN, 'Code de département invalide : 2 ou 3 caractères, par exemple 95.');

/** The département's own projects on the public side: public projects only, their reports as reviewed. */
@ApiTags('Portail public')
@Controller('public')
@Public()
export class PublicDeptProjectsController {
  constructor(private readonly projects: PublicDeptProjectsService) {}

  @Get('dept-projects')
  @Header('cache-control', REVALIDATE)
  @ApiOkResponse({ description: 'Projets du Département publiés (au moins un point d’avancement relu), les derniers publiés d’abord.' })
  list(@Query() query: PublicDeptProjectListQueryDto): Promise<SerializedJson<Page<PublicDeptProjectSummaryDto>>> {
    return this.projects.list(query);
  }

  @Get('dept-projects/:slug')
  @Header('cache-control', REVALIDATE)
  @ApiNotFoundResponse({ description: 'Projet du Département inconnu, sans point d’avancement publié, ou supprimé.' })
  get(@Param('slug') slug: string): Promise<PublicDeptProjectDto> {
    return this.projects.get(slug);
  }

  /** Sent once by the project page when it is shown; only a daily counter moves. */
  @Post('dept-projects/:slug/views')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Consultation comptée (compteur par jour ; rien n’est gardé sur le visiteur).' })
  async view(@Param('slug') slug: string): Promise<void> {
    await this.projects.recordView(slug);
  }

  @Get('dept-photos/:id/content')
  async content(@Param('id', CanonicalId) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendPublicFile(await this.projects.openPhoto(id, 'content'), `"${id}-content"`, request, reply);
  }

  @Get('dept-photos/:id/thumbnail')
  async thumbnail(@Param('id', CanonicalId) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendPublicFile(await this.projects.openPhoto(id, 'thumbnail'), `"${id}-thumbnail"`, request, reply);
  }

  @Get('departements/:code/axes')
  @Header('cache-control', REVALIDATE)
  @ApiOkResponse({ description: 'Axes du programme du Département, avec le nombre de projets publiés de chacun.' })
  axes(@Param('code', departementCode) code: string): Promise<PublicAxisDto[]> {
    return this.projects.axes(code);
  }
}
