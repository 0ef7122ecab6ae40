import { Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DATA_EXPORT_LINK_DAYS, DATA_EXPORT_MAX_PER_DAY, type DataExportDto } from '@passerelle/shared/dto';
import { CurrentUser, Meta, type RequestMeta, SignedIn } from '../../common/access/access.decorators';
import type { AuthUser } from '../../common/access/auth-user';
import { CanonicalId } from '../../common/http/id.pipe';
import { sendStoredFile } from '../../files/stored-file';
import { DataExportService } from './data-export.service';

@ApiBearerAuth()
@ApiTags('Mon compte')
@Controller('me/data-exports')
@SignedIn()
export class DataExportController {
  constructor(private readonly exports: DataExportService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: '« Télécharger mes données » : demande une archive (zip), préparée en arrière-plan ; une notification prévient quand elle est prête' })
  @ApiAcceptedResponse({ description: 'Archive demandée (PENDING).' })
  @ApiConflictResponse({ description: 'DATA_EXPORT_PENDING : une archive est déjà en préparation.' })
  @ApiTooManyRequestsResponse({ description: `DATA_EXPORT_TOO_MANY : au plus ${DATA_EXPORT_MAX_PER_DAY} demandes par 24 heures.` })
  request(@CurrentUser() user: AuthUser, @Meta() meta: RequestMeta): Promise<DataExportDto> {
    return this.exports.request(user, meta);
  }

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Mes dernières archives de données (10 au plus), la plus récente d’abord' })
  list(@CurrentUser() user: AuthUser): Promise<DataExportDto[]> {
    return this.exports.list(user);
  }

  @Get(':id/download')
  @ApiProduces('application/zip')
  @ApiOperation({ summary: `Télécharge une archive prête, par son propriétaire seulement, pendant ${DATA_EXPORT_LINK_DAYS} jours` })
  @ApiOkResponse({ description: 'Le zip : un fichier JSON par nature de données, les fichiers déposés et LISEZMOI.txt.' })
  @ApiNotFoundResponse({ description: 'Archive introuvable (ou celle d’un autre utilisateur).' })
  @ApiConflictResponse({ description: 'DATA_EXPORT_NOT_READY : en préparation, ou préparation échouée.' })
  @ApiGoneResponse({ description: 'DATA_EXPORT_EXPIRED : le lien a expiré.' })
  async download(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Meta() meta: RequestMeta, @Res() reply: FastifyReply): Promise<void> {
    await sendStoredFile(reply, await this.exports.open(user, id, meta), 'no-store');
  }
}
