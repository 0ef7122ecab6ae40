import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { DEPARTEMENT_CODE_PATTERN, type DeptProjectDto, type DeptProjectSummaryDto, type Page } from '@passerelle/shared/dto';
import { Allow, CurrentUser, Meta, type RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { CanonicalId } from '../common/http/id.pipe';
import { PatternPipe } from '../common/http/pattern.pipe';
import { DeptProjectsService } from './dept-projects.service';
import { CreateDeptProjectDto, DeptProjectListQueryDto, UpdateDeptProjectDto } from './dto/dept-project.dto';

const departement = new PatternPipe('code', DEPARTEMENT_CODE_PATTERN, 'Code de département invalide, par exemple 95.');

/**
 * The département's own projects (« Projets du Département »), for its staff only; not to be confused with the
 * communes' projects, listed for the staff at `GET /api/departements/:code/commune-projects`.
 */
@ApiBearerAuth()
@ApiTags('Projets du Département')
@Controller()
@Allow('AGENT', 'ADMIN')
export class DeptProjectsController {
  constructor(private readonly projects: DeptProjectsService) {}

  @Get('departements/:code/projects')
  list(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Query() query: DeptProjectListQueryDto): Promise<Page<DeptProjectSummaryDto>> {
    return this.projects.list(user, code, query);
  }

  @Post('departements/:code/projects')
  create(
    @CurrentUser() user: AuthUser,
    @Param('code', departement) code: string,
    @Body() body: CreateDeptProjectDto,
    @Meta() meta: RequestMeta,
  ): Promise<DeptProjectDto> {
    return this.projects.create(user, code, body, meta);
  }

  @Get('dept-projects/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<DeptProjectDto> {
    return this.projects.get(user, id);
  }

  @Patch('dept-projects/:id')
  @ApiConflictResponse({ description: '`DEPT_PROJECT_VERSION_CONFLICT` : le projet a changé depuis sa lecture ; le corps contient `current`.' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', CanonicalId) id: string,
    @Body() body: UpdateDeptProjectDto,
    @Meta() meta: RequestMeta,
  ): Promise<DeptProjectDto> {
    return this.projects.update(user, id, body, meta);
  }

  @Delete('dept-projects/:id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Meta() meta: RequestMeta): Promise<void> {
    await this.projects.remove(user, id, meta);
  }
}
