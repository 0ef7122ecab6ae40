import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import {
  DEPARTEMENT_CODE_PATTERN,
  INSEE_CODE_PATTERN,
  type Page,
  type ProjectDto,
  type ProjectHistoryEntryDto,
  type ProjectSummaryDto,
} from '@passerelle/shared/dto';
import { Allow, CurrentUser } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { PatternPipe } from '../common/http/pattern.pipe';
import { CreateProjectDto, HistoryQueryDto, ProjectListQueryDto, UpdateProjectDto } from './dto/project-requests.dto';
import { ProjectsService } from './projects.service';
import { CanonicalId } from '../common/http/id.pipe';

const insee = new PatternPipe('insee', INSEE_CODE_PATTERN, 'Code INSEE invalide : 5 caractères, par exemple 95002.');
const departement = new PatternPipe('code', DEPARTEMENT_CODE_PATTERN, 'Code de département invalide, par exemple 95.');

@ApiBearerAuth()
@ApiTags('Projets')
@Controller()
@Allow('MAYOR', 'COLLABORATOR', 'AGENT', 'ADMIN')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get('communes/:insee/projects')
  list(@CurrentUser() user: AuthUser, @Param('insee', insee) code: string, @Query() query: ProjectListQueryDto): Promise<Page<ProjectSummaryDto>> {
    return this.projects.list(user, code, query);
  }

  @Post('communes/:insee/projects')
  @Allow('MAYOR', 'COLLABORATOR')
  create(@CurrentUser() user: AuthUser, @Param('insee', insee) code: string, @Body() body: CreateProjectDto): Promise<ProjectDto> {
    return this.projects.create(user, code, body);
  }

  @Get('departements/:code/commune-projects')
  @Allow('AGENT', 'ADMIN')
  listForDepartement(
    @CurrentUser() user: AuthUser,
    @Param('code', departement) code: string,
    @Query() query: ProjectListQueryDto,
  ): Promise<Page<ProjectSummaryDto>> {
    return this.projects.listForDepartement(user, code, query);
  }

  @Get('projects/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<ProjectDto> {
    return this.projects.get(user, id);
  }

  @Patch('projects/:id')
  @Allow('MAYOR', 'COLLABORATOR')
  @ApiConflictResponse({ description: 'La fiche a changé depuis sa lecture : le corps contient `current`.' })
  update(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: UpdateProjectDto): Promise<ProjectDto> {
    return this.projects.update(user, id, body);
  }

  @Delete('projects/:id')
  @HttpCode(204)
  @Allow('MAYOR', 'COLLABORATOR')
  async remove(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<void> {
    await this.projects.remove(user, id);
  }

  @Get('projects/:id/history')
  history(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Query() query: HistoryQueryDto): Promise<Page<ProjectHistoryEntryDto>> {
    return this.projects.history(user, id, query);
  }
}
