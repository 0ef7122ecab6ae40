import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DEPARTEMENT_CODE_PATTERN, INSEE_CODE_PATTERN, type Page, type TeamDto, type WorkspaceSummaryDto } from '@passerelle/shared/dto';
import { Allow, CurrentUser, Meta, type RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { PatternPipe } from '../common/http/pattern.pipe';
import { OpenWorkspaceDto, ReplaceMayorDto, WorkspaceListQueryDto } from './dto/workspaces.dto';
import { WorkspacesService } from './workspaces.service';

const insee = new PatternPipe('insee', INSEE_CODE_PATTERN, 'Code INSEE invalide : 5 caractères, par exemple 95002.');
const departement = new PatternPipe('code', DEPARTEMENT_CODE_PATTERN, 'Code de département invalide, par exemple 95.');

/** The département's view of the communes' workspaces: which are open, who is in them; admins open them. */
@ApiBearerAuth()
@ApiTags('Espaces des communes')
@Controller()
export class WorkspacesAdminController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Get('departements/:code/workspaces')
  @Allow('ADMIN', 'AGENT')
  list(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Query() query: WorkspaceListQueryDto): Promise<Page<WorkspaceSummaryDto>> {
    return this.workspaces.list(user, code, query);
  }

  @Post('communes/:insee/workspace')
  @Allow('ADMIN')
  open(@CurrentUser() user: AuthUser, @Param('insee', insee) code: string, @Body() body: OpenWorkspaceDto, @Meta() meta: RequestMeta): Promise<TeamDto> {
    return this.workspaces.open(user, code, body.mayorEmail, meta);
  }

  @Post('communes/:insee/mayor')
  @Allow('ADMIN')
  replaceMayor(@CurrentUser() user: AuthUser, @Param('insee', insee) code: string, @Body() body: ReplaceMayorDto, @Meta() meta: RequestMeta): Promise<TeamDto> {
    return this.workspaces.replaceMayor(user, code, body.email, meta);
  }
}
