import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, SignedIn } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { LiveStreams } from './live-streams';

@ApiBearerAuth()
@ApiTags('Direct')
@Controller('events')
export class LiveController {
  constructor(private readonly streams: LiveStreams) {}

  @Get()
  @SignedIn()
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'Flux des nouveautés (server-sent events)',
    description:
      'Chaque événement ne contient qu’un type et un identifiant (`{"kind":"thread.message","threadId":"…"}`, ' +
      '`{"kind":"notification.created"}`) : le client relit ce qu’il peut voir par les routes habituelles. ' +
      'Jeton d’accès dans l’en-tête `Authorization` (jamais dans l’adresse) ; le flux se ferme quand le jeton expire.',
  })
  events(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.streams.open(user, request, reply);
  }
}
