import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DEPARTEMENT_CODE_PATTERN, type ProgrammeAxisDto as AxisDto } from '@passerelle/shared/dto';
import { Allow, CurrentUser } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { CanonicalId } from '../common/http/id.pipe';
import { PatternPipe } from '../common/http/pattern.pipe';
import { ProgrammeAxisDto, UpdateProgrammeAxisDto } from './dto/programme-axis.dto';
import { ProgrammeAxesService } from './programme-axes.service';

const departement = new PatternPipe('code', DEPARTEMENT_CODE_PATTERN, 'Code de département invalide, par exemple 95.');

/** The axes of the département's programme: its staff read them, its admins set them (checked by the service). */
@ApiBearerAuth()
@ApiTags('Projets du Département')
@Controller()
@Allow('AGENT', 'ADMIN')
export class ProgrammeAxesController {
  constructor(private readonly axes: ProgrammeAxesService) {}

  @Get('departements/:code/axes')
  list(@CurrentUser() user: AuthUser, @Param('code', departement) code: string): Promise<AxisDto[]> {
    return this.axes.list(user, code);
  }

  @Post('departements/:code/axes')
  @Allow('ADMIN')
  create(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Body() body: ProgrammeAxisDto): Promise<AxisDto> {
    return this.axes.create(user, code, body);
  }

  @Patch('axes/:id')
  @Allow('ADMIN')
  update(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: UpdateProgrammeAxisDto): Promise<AxisDto> {
    return this.axes.update(user, id, body);
  }

  @Delete('axes/:id')
  @Allow('ADMIN')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<void> {
    await this.axes.remove(user, id);
  }
}
