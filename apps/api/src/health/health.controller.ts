import { Controller, Get, Header, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HealthDto } from '@passerelle/shared/dto';
import { HealthService } from './health.service';
import { Public } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { OptionalUserGuard } from './optional-user.guard';

@ApiTags('Supervision')
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @UseGuards(OptionalUserGuard)
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ description: 'Le service et sa base de données répondent (avec les tâches en échec pour un administrateur).' })
  @ApiServiceUnavailableResponse({ description: 'La base de données ne répond pas.' })
  async check(
    @Req() request: FastifyRequest & { user?: AuthUser | null },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthDto> {
    const result = await this.health.check({ admin: request.user?.role === 'ADMIN' });
    if (result.database === 'up') {
      void reply.status(200);
    } else {
      // Like every other route during an outage: the client (and a load balancer) knows when to look again.
      void reply.status(503).header('retry-after', '5');
    }
    return result;
  }
}
