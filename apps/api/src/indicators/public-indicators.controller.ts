import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type PublicIndicatorsDto } from '@passerelle/shared/dto';
import { Public } from '../common/access/access.decorators';
import { sendDownload } from '../common/http/download';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { PublicIndicatorsQueryDto } from './dto/indicator-query.dto';
import { IndicatorsService } from './indicators.service';
import { publicIndicatorsCsv } from './public-indicators-csv';

/** Five minutes: the figures move with the questions, not by the second. */
const PUBLIC_CACHE = 'public, max-age=300';

@ApiTags('Portail public')
@Controller('public')
@Public()
export class PublicIndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('indicators')
  @Header('cache-control', PUBLIC_CACHE)
  @ApiOkResponse({ description: 'Délais de réponse du département aux communes sur 30 jours, volumes et avis (Licence Ouverte 2.0).' })
  figures(@Query() query: PublicIndicatorsQueryDto): Promise<PublicIndicatorsDto> {
    return this.indicators.publicFigures(query.departement ?? this.config.defaultDepartementCode);
  }

  @Get('indicators.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Les mêmes indicateurs en CSV (BOM, ;, virgule décimale, définitions en tête), Licence Ouverte 2.0.' })
  async csv(@Query() query: PublicIndicatorsQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const code = query.departement ?? this.config.defaultDepartementCode;
    const figures = await this.indicators.publicFigures(code);
    await sendDownload(reply, 'text/csv; charset=utf-8', `indicateurs-${code}.csv`, publicIndicatorsCsv(figures), PUBLIC_CACHE);
  }
}
