import { Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Page, PublicMapDto, PublicProjectDto, PublicProjectSummaryDto } from '@passerelle/shared/dto';
import { Public } from '../common/access/access.decorators';
import { sendDownload } from '../common/http/download';
import { PublicFiltersDto, PublicKindFiltersDto, PublicMapQueryDto, PublicProjectListQueryDto } from './dto/public-query.dto';
import { OpenDataService } from './open-data.service';
import { PublicMapService } from './public-map.service';
import { PublicProjectsService } from './public-projects.service';
import { CanonicalId } from '../common/http/id.pipe';
import type { SerializedJson } from '../common/http/serialized-json';
import { REVALIDATE, sendPublicFile } from './public-file';

@ApiTags('Portail public')
@Controller('public')
@Public()
export class PublicPortalController {
  constructor(
    private readonly projects: PublicProjectsService,
    private readonly map: PublicMapService,
    private readonly openData: OpenDataService,
  ) {}

  @Get('projects')
  @Header('cache-control', REVALIDATE)
  @ApiOkResponse({ description: 'Projets publiés, filtrés ; recherche en français sans tenir compte des accents.' })
  list(@Query() query: PublicProjectListQueryDto): Promise<SerializedJson<Page<PublicProjectSummaryDto>>> {
    return this.projects.list(query);
  }

  @Get('projects.geojson')
  @Header('content-type', 'application/geo+json; charset=utf-8')
  @Header('cache-control', REVALIDATE)
  @ApiProduces('application/geo+json')
  @ApiOkResponse({ description: 'Regroupements et projets pour une vue de la carte (bbox et zoom), au plus 300 éléments.' })
  mapView(@Query() query: PublicMapQueryDto): Promise<PublicMapDto> {
    return this.map.view(query);
  }

  @Get('projects.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Données ouvertes (Licence Ouverte 2.0) : une ligne par projet publié, colonnes documentées.' })
  csv(@Query() filters: PublicFiltersDto, @Res() reply: FastifyReply): Promise<void> {
    return sendDownload(reply, 'text/csv; charset=utf-8', 'projets-publies.csv', this.openData.csv(filters));
  }

  @Get('opendata/projects.geojson')
  @ApiProduces('application/geo+json')
  @ApiOkResponse({ description: 'Données ouvertes (Licence Ouverte 2.0) : tous les projets publiés en GeoJSON, mêmes colonnes que le CSV.' })
  geoJson(@Query() filters: PublicFiltersDto, @Res() reply: FastifyReply): Promise<void> {
    return sendDownload(reply, 'application/geo+json; charset=utf-8', 'projets-publies.geojson', this.openData.geoJson(filters));
  }

  @Get('feed.atom')
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  @Header('cache-control', REVALIDATE)
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'Flux Atom des dernières publications des communes et des points d’avancement des projets du Département.' })
  feed(@Query() filters: PublicKindFiltersDto): Promise<string> {
    return this.openData.atom(filters);
  }

  @Get('projects/:slug')
  @Header('cache-control', REVALIDATE)
  @ApiNotFoundResponse({ description: 'Projet non publié (ou plus publié).' })
  get(@Param('slug') slug: string): Promise<PublicProjectDto> {
    return this.projects.get(slug);
  }

  @Get('projects/:slug/similar')
  @Header('cache-control', REVALIDATE)
  similar(@Param('slug') slug: string): Promise<PublicProjectSummaryDto[]> {
    return this.projects.similar(slug);
  }

  /** Sent once by the project page when it is shown; only a daily counter moves. */
  @Post('projects/:slug/views')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Consultation comptée (compteur par jour ; rien n’est gardé sur le visiteur).' })
  async view(@Param('slug') slug: string): Promise<void> {
    await this.projects.recordView(slug);
  }

  @Get('documents/:id/content')
  async content(@Param('id', CanonicalId) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.sendDocument(id, 'content', request, reply);
  }

  @Get('documents/:id/thumbnail')
  async thumbnail(@Param('id', CanonicalId) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.sendDocument(id, 'thumbnail', request, reply);
  }

  private async sendDocument(id: string, variant: 'content' | 'thumbnail', request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await sendPublicFile(await this.projects.openDocument(id, variant), `"${id}-${variant}"`, request, reply);
  }
}
