import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { INSEE_CODE_PATTERN, type MemberDto, type TeamDto } from '@passerelle/shared/dto';
import { Allow, CurrentUser, Meta, type RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { PatternPipe } from '../common/http/pattern.pipe';
import { CreateInvitationDto } from './dto/workspaces.dto';
import { WorkspacesService } from './workspaces.service';
import { CanonicalId } from '../common/http/id.pipe';

const insee = new PatternPipe('insee', INSEE_CODE_PATTERN, 'Code INSEE invalide : 5 caractères, par exemple 95002.');
const HOUR = 3_600_000;

/** The team of a commune workspace. Its members and the département's staff see it; the mayor manages it. */
@ApiBearerAuth()
@ApiTags('Équipes des communes')
@Controller('communes/:insee')
export class TeamController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Get('members')
  @Allow('MAYOR', 'COLLABORATOR', 'AGENT', 'ADMIN')
  members(@CurrentUser() user: AuthUser, @Param('insee', insee) code: string): Promise<TeamDto> {
    return this.workspaces.team(user, code);
  }

  @Post('invitations')
  @Allow('MAYOR', 'COLLABORATOR', 'ADMIN')
  @Throttle({ default: { limit: 30, ttl: HOUR } })
  invite(
    @CurrentUser() user: AuthUser,
    @Param('insee', insee) code: string,
    @Body() body: CreateInvitationDto,
    @Meta() meta: RequestMeta,
  ): Promise<MemberDto> {
    return this.workspaces.invite(user, code, body.email, body.role, meta);
  }

  @Post('invitations/:invitationId/resend')
  @HttpCode(200)
  @Allow('MAYOR', 'COLLABORATOR', 'ADMIN')
  @Throttle({ default: { limit: 30, ttl: HOUR } })
  resend(
    @CurrentUser() user: AuthUser,
    @Param('insee', insee) code: string,
    @Param('invitationId', CanonicalId) invitationId: string,
    @Meta() meta: RequestMeta,
  ): Promise<MemberDto> {
    return this.workspaces.resendInvitation(user, code, invitationId, meta);
  }

  @Delete('invitations/:invitationId')
  @HttpCode(204)
  @Allow('MAYOR', 'COLLABORATOR', 'ADMIN')
  async revoke(
    @CurrentUser() user: AuthUser,
    @Param('insee', insee) code: string,
    @Param('invitationId', CanonicalId) invitationId: string,
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    await this.workspaces.revokeInvitation(user, code, invitationId, meta);
  }

  @Delete('members/:userId')
  @HttpCode(204)
  @Allow('MAYOR', 'COLLABORATOR', 'ADMIN')
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('insee', insee) code: string,
    @Param('userId', CanonicalId) userId: string,
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    await this.workspaces.removeMember(user, code, userId, meta);
  }
}
