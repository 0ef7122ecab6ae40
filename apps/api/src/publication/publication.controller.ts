import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PublicationDto } from '@passerelle/shared/dto';
import { Allow, CurrentUser } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { PublicationActionDto } from './dto/publication.dto';
import { PublicationService } from './publication.service';

@ApiBearerAuth()
@ApiTags('Publication des projets')
@Controller('projects/:id/publication')
@Allow('MAYOR', 'COLLABORATOR', 'AGENT', 'ADMIN')
export class PublicationController {
  constructor(private readonly publication: PublicationService) {}

  @Get()
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<PublicationDto> {
    return this.publication.get(user, id);
  }

  /** `request` (commune), `consent` and `withdraw` (mayor), `approve` and `reject` (agents, with a reason). */
  @Post()
  @HttpCode(200)
  act(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: PublicationActionDto): Promise<PublicationDto> {
    return this.publication.act(user, id, body);
  }
}
