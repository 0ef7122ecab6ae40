import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type DeptPhotoDto, type DeptReportDto, type DeptReportQueueItemDto, MAX_UPLOAD_BYTES, type Page } from '@passerelle/shared/dto';
import { Allow, CurrentUser, Meta, type RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { CanonicalId } from '../common/http/id.pipe';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { sendStoredFile } from '../files/stored-file';
import { DeptProjectsException } from './departement-projects.exception';
import { DeptPhotosService } from './dept-photos.service';
import { DeptReportsService } from './dept-reports.service';
import { CreateDeptReportDto, DeptPhotoUpdateDto, DeptReportReviewDto, UpdateDeptReportDto } from './dto/dept-report.dto';

/** Signed-in images: the browser may keep them a few minutes, shared caches never. */
const PRIVATE_CACHE = 'private, max-age=300';

/** Progress reports of the département's projects and their photos, for the staff of the département. */
@ApiBearerAuth()
@ApiTags('Projets du Département')
@Controller()
@Allow('AGENT', 'ADMIN')
export class DeptReportsController {
  constructor(
    private readonly reports: DeptReportsService,
    private readonly photos: DeptPhotosService,
  ) {}

  /** The review queue of the département's reports (beside the communes' publications), oldest first. */
  @Get('dept-reports/queue')
  queue(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<DeptReportQueueItemDto>> {
    return this.reports.queue(user, query);
  }

  @Get('dept-projects/:id/reports')
  list(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<DeptReportDto[]> {
    return this.reports.list(user, id);
  }

  @Post('dept-projects/:id/reports')
  create(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: CreateDeptReportDto): Promise<DeptReportDto> {
    return this.reports.create(user, id, body);
  }

  @Patch('dept-reports/:id')
  @ApiConflictResponse({ description: '`DEPT_REPORT_VERSION_CONFLICT` : le point a changé depuis sa lecture ; le corps contient `current`.' })
  update(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: UpdateDeptReportDto): Promise<DeptReportDto> {
    return this.reports.update(user, id, body);
  }

  @Delete('dept-reports/:id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<void> {
    await this.reports.remove(user, id);
  }

  /** `approve` (writes what the public sees) or `reject` (with a reason), by an admin or an agent other than its author. */
  @Post('dept-reports/:id/review')
  @HttpCode(200)
  review(
    @CurrentUser() user: AuthUser,
    @Param('id', CanonicalId) id: string,
    @Body() body: DeptReportReviewDto,
    @Meta() meta: RequestMeta,
  ): Promise<DeptReportDto> {
    return this.reports.review(user, id, body, meta);
  }

  /** `multipart/form-data` with one field `file`: a JPEG, PNG or WebP photo, streamed to storage as it arrives. */
  @Post('dept-reports/:id/photos')
  @ApiConsumes('multipart/form-data')
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  async upload(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Req() request: FastifyRequest): Promise<DeptPhotoDto> {
    if (!request.isMultipart()) {
      throw new DeptProjectsException('PHOTO_FILE_MISSING');
    }
    const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
    return this.photos.upload(user, id, file);
  }

  @Patch('dept-photos/:id')
  updatePhoto(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: DeptPhotoUpdateDto): Promise<DeptPhotoDto> {
    return this.photos.updateAlt(user, id, body.alt);
  }

  @Delete('dept-photos/:id')
  @HttpCode(204)
  async removePhoto(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<void> {
    await this.photos.remove(user, id);
  }

  @Get('dept-photos/:id/content')
  async content(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendStoredFile(reply, await this.photos.open(user, id, 'content'), PRIVATE_CACHE);
  }

  @Get('dept-photos/:id/thumbnail')
  async thumbnail(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendStoredFile(reply, await this.photos.open(user, id, 'thumbnail'), PRIVATE_CACHE);
  }
}
