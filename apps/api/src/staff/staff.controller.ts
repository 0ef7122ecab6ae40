import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { type AgentDto, DEPARTEMENT_CODE_PATTERN, type Page } from '@passerelle/shared/dto';
import { Allow, CurrentUser, Meta, type RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { PatternPipe } from '../common/http/pattern.pipe';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { CreateAgentInvitationDto } from './dto/staff.dto';
import { StaffService } from './staff.service';
import { CanonicalId } from '../common/http/id.pipe';

const departement = new PatternPipe('code', DEPARTEMENT_CODE_PATTERN, 'Code de département invalide, par exemple 95.');

@ApiBearerAuth()
@ApiTags('Agents du département')
@Controller('departements/:code/agents')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  /** Agents see their colleagues too: they assign questions to them. */
  @Get()
  @Allow('AGENT', 'ADMIN')
  list(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Query() query: PageQueryDto): Promise<Page<AgentDto>> {
    return this.staff.list(user, code, query);
  }

  @Post()
  @Allow('ADMIN')
  @Throttle({ default: { limit: 30, ttl: 3_600_000 } })
  invite(
    @CurrentUser() user: AuthUser,
    @Param('code', departement) code: string,
    @Body() body: CreateAgentInvitationDto,
    @Meta() meta: RequestMeta,
  ): Promise<AgentDto> {
    return this.staff.invite(user, code, body.email, body.role, meta);
  }

  @Delete(':userId')
  @HttpCode(204)
  @Allow('ADMIN')
  async disable(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Param('userId', CanonicalId) userId: string, @Meta() meta: RequestMeta): Promise<void> {
    await this.staff.disable(user, code, userId, meta);
  }
}
