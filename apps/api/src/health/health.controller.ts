import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { HealthDto } from '@passerelle/shared/dto';
import { HealthService } from './health.service';
import { Public } from '../common/access/access.decorators';

@ApiTags('Supervision')
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ description: 'Le service et sa base de données répondent.' })
  @ApiServiceUnavailableResponse({ description: 'La base de données ne répond pas.' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const result = await this.health.check();
    if (result.database === 'up') {
      void reply.status(200);
    } else {
      // Like every other route during an outage: the client (and a load balancer) knows when to look again.
      void reply.status(503).header('retry-after', '5');
    }
    return result;
  }
}
