import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type CantonDto,
  type CommuneDto,
  type CommuneSummaryDto,
  DEPARTEMENT_CODE_PATTERN,
  type DepartementDetailDto,
  type DepartementDto,
  INSEE_CODE_PATTERN,
  type Page,
} from '@passerelle/shared/dto';
import { PatternPipe } from '../common/http/pattern.pipe';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { CommuneListQueryDto } from './dto/commune-list-query.dto';
import { TerritoryService } from './territory.service';
import { Public } from '../common/access/access.decorators';
import type { SerializedJson } from '../common/http/serialized-json';

const departementCode = new PatternPipe('code', DEPARTEMENT_CODE_PATTERN, 'Code de département invalide : 2 ou 3 caractères, par exemple 95.');
const inseeCode = new PatternPipe('insee', INSEE_CODE_PATTERN, 'Code INSEE invalide : 5 caractères, par exemple 95002.');
const PUBLIC_CACHE = 'public, max-age=300';

@ApiTags('Territoire')
@Controller()
@Public()
export class TerritoryController {
  constructor(private readonly territory: TerritoryService) {}

  @Get('departements')
  @Header('cache-control', PUBLIC_CACHE)
  @ApiOkResponse({ description: 'Départements gérés, avec leurs nombres de communes et de cantons.' })
  listDepartements(): Promise<Page<DepartementDto>> {
    return this.territory.listDepartements();
  }

  @Get('departements/:code')
  @Header('cache-control', PUBLIC_CACHE)
  @ApiNotFoundResponse({ description: 'Département non géré.' })
  getDepartement(@Param('code', departementCode) code: string): Promise<DepartementDetailDto> {
    return this.territory.getDepartement(code);
  }

  @Get('departements/:code/communes')
  @Header('cache-control', PUBLIC_CACHE)
  @ApiOkResponse({ description: 'Communes du département, triées par nom.' })
  listCommunes(@Param('code', departementCode) code: string, @Query() query: CommuneListQueryDto): Promise<SerializedJson<Page<CommuneSummaryDto>>> {
    return this.territory.listCommunes(code, query);
  }

  @Get('departements/:code/communes.geojson')
  @Header('content-type', 'application/geo+json; charset=utf-8')
  @Header('cache-control', PUBLIC_CACHE)
  @ApiProduces('application/geo+json')
  @ApiOkResponse({ description: 'Contours des communes (FeatureCollection GeoJSON, WGS84).' })
  communesGeoJson(@Param('code', departementCode) code: string): Promise<string> {
    return this.territory.communesGeoJson(code);
  }

  @Get('departements/:code/cantons')
  @Header('cache-control', PUBLIC_CACHE)
  listCantons(@Param('code', departementCode) code: string, @Query() query: PageQueryDto): Promise<Page<CantonDto>> {
    return this.territory.listCantons(code, query);
  }

  @Get('departements/:code/cantons.geojson')
  @Header('content-type', 'application/geo+json; charset=utf-8')
  @Header('cache-control', PUBLIC_CACHE)
  @ApiProduces('application/geo+json')
  cantonsGeoJson(@Param('code', departementCode) code: string): Promise<string> {
    return this.territory.cantonsGeoJson(code);
  }

  @Get('communes/:insee')
  @Header('cache-control', PUBLIC_CACHE)
  @ApiNotFoundResponse({ description: 'Code INSEE inconnu.' })
  getCommune(@Param('insee', inseeCode) insee: string): Promise<CommuneDto> {
    return this.territory.getCommune(insee);
  }
}
