import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DEPARTEMENT_CODE_PATTERN, type DepartementIndicatorsDto, type IndicatorThreadRow } from '@passerelle/shared/dto';
import { Allow, CurrentUser } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { PatternPipe } from '../common/http/pattern.pipe';
import { sendDownload } from '../common/http/download';
import { IndicatorCsvQueryDto, IndicatorDrillQueryDto, IndicatorQueryDto } from './dto/indicator-query.dto';
import { IndicatorsCsvService } from './indicators-csv.service';
import { IndicatorsService } from './indicators.service';

const departement = new PatternPipe('code', DEPARTEMENT_CODE_PATTERN, 'Code de département invalide, par exemple 95.');

@ApiBearerAuth()
@ApiTags('Indicateurs')
@Controller('departements/:code')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly csv: IndicatorsCsvService,
  ) {}

  @Get('indicators')
  @Allow('AGENT', 'ADMIN')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Indicateurs du département sur une période, comparés à la précédente, avec un regroupement' })
  dashboard(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Query() query: IndicatorQueryDto): Promise<DepartementIndicatorsDto> {
    return this.indicators.dashboard(user, code, query);
  }

  @Get('indicators/threads')
  @Allow('AGENT', 'ADMIN')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Les questions derrière un indicateur de la période' })
  drill(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Query() query: IndicatorDrillQueryDto): Promise<IndicatorThreadRow[]> {
    return this.indicators.drill(user, code, query);
  }

  @Get('indicators.csv')
  @Allow('AGENT', 'ADMIN')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Indicateurs en CSV (BOM, ;, virgule décimale, définitions en tête) : par question, semaine, canton ou agent' })
  async download(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Query() query: IndicatorCsvQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const level = query.level ?? 'thread';
    await sendDownload(reply, 'text/csv; charset=utf-8', `indicateurs-${code}-${level}.csv`, this.csv.csv(user, code, query), 'no-store');
  }
}
