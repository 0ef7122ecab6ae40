import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { GeocodeResponse } from '@passerelle/shared/dto';
import { Allow, CurrentUser } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { GeocodeQueryDto } from './dto/geocode-query.dto';
import { GeocodingService } from './geocoding.service';

@ApiBearerAuth()
@ApiTags('Géocodage')
@Controller()
@Allow('MAYOR', 'COLLABORATOR', 'AGENT', 'ADMIN')
export class GeocodingController {
  constructor(private readonly geocoding: GeocodingService) {}

  @Get('geocode')
  @Header('cache-control', 'no-store')
  @ApiNotFoundResponse({ description: 'Commune inconnue ou hors de portée de l’utilisateur.' })
  @ApiServiceUnavailableResponse({ description: 'Base Adresse Nationale injoignable ou désactivée (`GEOCODER_UNAVAILABLE`).' })
  search(@CurrentUser() user: AuthUser, @Query() query: GeocodeQueryDto): Promise<GeocodeResponse> {
    return this.geocoding.search(user, query);
  }
}
