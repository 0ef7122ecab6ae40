import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type DocumentDto, INSEE_CODE_PATTERN, MAX_UPLOAD_BYTES, type StorageUsageDto } from '@passerelle/shared/dto';
import { Allow, CurrentUser, Meta, type RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { PatternPipe } from '../common/http/pattern.pipe';
import { DocumentsException } from './documents.exception';
import { DocumentsService } from './documents.service';
import { sendStoredFile } from '../files/stored-file';
import { CanonicalId } from '../common/http/id.pipe';

/** Signed-in downloads: the browser may keep them a few minutes, shared caches never. */
const PRIVATE_CACHE = 'private, max-age=300';
const insee = new PatternPipe('insee', INSEE_CODE_PATTERN, 'Code INSEE invalide : 5 caractères, par exemple 95002.');

@ApiBearerAuth()
@ApiTags('Documents')
@Controller()
@Allow('MAYOR', 'COLLABORATOR', 'AGENT', 'ADMIN')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** `multipart/form-data` with one field `file`, streamed to storage as it arrives. */
  @Post('projects/:id/documents')
  @Allow('MAYOR', 'COLLABORATOR')
  @ApiConsumes('multipart/form-data')
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  async upload(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Req() request: FastifyRequest): Promise<DocumentDto> {
    if (!request.isMultipart()) {
      throw new DocumentsException('FILE_MISSING');
    }
    const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
    return this.documents.upload(user, id, file);
  }

  /** An attachment for a question or an answer, sent before the message that lists its id in `attachmentIds`. */
  @Post('communes/:insee/attachments')
  @ApiConsumes('multipart/form-data')
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  async attach(@CurrentUser() user: AuthUser, @Param('insee', insee) code: string, @Req() request: FastifyRequest): Promise<DocumentDto> {
    if (!request.isMultipart()) {
      throw new DocumentsException('FILE_MISSING');
    }
    const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
    return this.documents.uploadAttachment(user, code, file);
  }

  @Get('documents/:id/content')
  async content(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Meta() meta: RequestMeta, @Res() reply: FastifyReply): Promise<void> {
    await sendStoredFile(reply, await this.documents.open(user, id, 'content', meta), PRIVATE_CACHE);
  }

  @Get('documents/:id/thumbnail')
  async thumbnail(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Meta() meta: RequestMeta, @Res() reply: FastifyReply): Promise<void> {
    await sendStoredFile(reply, await this.documents.open(user, id, 'thumbnail', meta), PRIVATE_CACHE);
  }

  @Delete('documents/:id')
  @HttpCode(204)
  @Allow('MAYOR', 'COLLABORATOR')
  async remove(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<void> {
    await this.documents.remove(user, id);
  }

  @Get('communes/:insee/storage')
  usage(@CurrentUser() user: AuthUser, @Param('insee', insee) code: string): Promise<StorageUsageDto> {
    return this.documents.usage(user, code);
  }
}
