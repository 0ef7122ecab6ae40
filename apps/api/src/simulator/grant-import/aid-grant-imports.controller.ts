import { Controller, Delete, Get, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { AID_GRANT_IMPORT_SCHEMES, type AidGrantImportDto } from '@passerelle/shared/dto';
import { Allow, CurrentUser, Meta, type RequestMeta } from '../../common/access/access.decorators';
import type { AuthUser } from '../../common/access/auth-user';
import { CanonicalId } from '../../common/http/id.pipe';
import { createValidationPipe } from '../../common/http/validation';
import { AidGrantImportRequestDto } from '../dto/aid-grant-import-request.dto';
import { AidGrantImportsService } from './aid-grant-imports.service';
import { readGrantUpload } from './grant-upload';

/** The multipart form's fields go through the same validation as a JSON body. */
const fieldsPipe = createValidationPipe();

@ApiBearerAuth()
@ApiTags('Simulateur de subventions')
@Controller('aid-schemes/grant-imports')
@Allow('ADMIN')
export class AidGrantImportsController {
  constructor(private readonly imports: AidGrantImportsService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'scheme'],
      properties: { file: { type: 'string', format: 'binary' }, scheme: { type: 'string', enum: [...AID_GRANT_IMPORT_SCHEMES] } },
    },
  })
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiOperation({ summary: 'Importer le fichier open data des subventions DETR ou DSIL (CSV) : les lignes du département nourrissent les taux habituels' })
  async import(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest, @Meta() meta: RequestMeta): Promise<AidGrantImportDto> {
    const { fields, ...file } = await readGrantUpload(request);
    const body = (await fieldsPipe.transform(fields, { type: 'body', metatype: AidGrantImportRequestDto })) as AidGrantImportRequestDto;
    return this.imports.import(user, file, body.scheme, meta);
  }

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Les imports de subventions DETR / DSIL du département, les plus récents d’abord' })
  list(@CurrentUser() user: AuthUser): Promise<AidGrantImportDto[]> {
    return this.imports.list(user);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Supprimer un import et ses lignes (elles ne comptent plus dans les taux habituels)' })
  async remove(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Meta() meta: RequestMeta): Promise<void> {
    await this.imports.remove(user, id, meta);
  }
}
