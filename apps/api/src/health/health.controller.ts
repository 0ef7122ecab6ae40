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
    void reply.status(result.database === 'up' ? 200 : 503);
    return result;
  }
}
