import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { InvitationDto } from '@passerelle/shared/dto';
import { Meta, Public, type RequestMeta } from '../common/access/access.decorators';
import { AcceptInvitationDto } from './dto/workspaces.dto';
import { InvitationsService } from './invitations.service';

/** The invitee has no account yet: the link's token is the credential. */
@ApiTags('Invitations')
@Controller('invitations/:token')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @Public()
  @Header('cache-control', 'no-store')
  describe(@Param('token') token: string): Promise<InvitationDto> {
    return this.invitations.describe(token);
  }

  @Post('accept')
  @Public()
  @HttpCode(204)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  async accept(@Param('token') token: string, @Body() body: AcceptInvitationDto, @Meta() meta: RequestMeta): Promise<void> {
    await this.invitations.accept(token, body.displayName, body.password, meta);
  }
}
