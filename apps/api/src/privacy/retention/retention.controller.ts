import { Body, Controller, Get, Header, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { RetentionPolicyDto, RetentionRunDto } from '@passerelle/shared/dto';
import { Allow, CurrentUser, Meta, type RequestMeta } from '../../common/access/access.decorators';
import type { AuthUser } from '../../common/access/auth-user';
import { RetentionRunsQueryDto, StartRetentionRunDto } from './dto/retention.dto';
import { RetentionService } from './retention.service';

/** The retention periods and their runs: the installation's, for every département admin. */
@ApiBearerAuth()
@ApiTags('Données personnelles')
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('policies')
  @Allow('ADMIN')
  @ApiOperation({ summary: 'Les durées de conservation configurées, règle par règle' })
  policies(): RetentionPolicyDto[] {
    return this.retention.policies();
  }

  @Get('runs')
  @Allow('ADMIN')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Les dernières applications des durées de conservation, la plus récente d’abord' })
  runs(@Query() query: RetentionRunsQueryDto): Promise<RetentionRunDto[]> {
    return this.retention.runs(query.limit);
  }

  @Post('runs')
  @Allow('ADMIN')
  @Throttle({ default: { limit: 10, ttl: 3_600_000 } })
  @ApiOperation({ summary: 'Applique les durées de conservation maintenant, ou compte ce qui serait fait (dryRun)' })
  start(@CurrentUser() user: AuthUser, @Body() body: StartRetentionRunDto, @Meta() meta: RequestMeta): Promise<RetentionRunDto> {
    return this.retention.runForAdmin(user, body.dryRun, meta);
  }
}
