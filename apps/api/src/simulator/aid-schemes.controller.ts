import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AidSchemeDto, AidSchemeSummaryDto, AidSchemeTestCaseDto, AidSchemeTestRuleResult, AidSchemeUpdateResult } from '@passerelle/shared/dto';
import { Allow, CurrentUser, SignedIn } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { CanonicalId } from '../common/http/id.pipe';
import { AidSchemesService } from './aid-schemes.service';
import {
  AidSchemeListQueryDto,
  AidSchemeTestCaseRequestDto,
  AidSchemeTestRuleDto,
  CreateAidSchemeDto,
  UpdateAidSchemeDto,
} from './dto/simulator-requests.dto';

@ApiBearerAuth()
@ApiTags('Simulateur de subventions')
@Controller('aid-schemes')
export class AidSchemesController {
  constructor(private readonly schemes: AidSchemesService) {}

  @Get()
  @SignedIn()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Dispositifs d’aide nationaux et du département ; avec insee, l’éligibilité de cette commune' })
  list(@CurrentUser() user: AuthUser, @Query() query: AidSchemeListQueryDto): Promise<AidSchemeSummaryDto[]> {
    return this.schemes.list(user, query);
  }

  @Get(':id')
  @SignedIn()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Un dispositif, ses versions datées et, pour les administrateurs, ses cas de test' })
  get(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<AidSchemeDto> {
    return this.schemes.get(user, id);
  }

  @Post()
  @Allow('ADMIN')
  @ApiOperation({ summary: 'Nouveau dispositif du département, avec sa première version' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateAidSchemeDto): Promise<AidSchemeDto> {
    return this.schemes.create(user, body);
  }

  @Patch(':id')
  @Allow('ADMIN')
  @ApiOperation({ summary: 'Modifier un dispositif du département (nouvelle version datée de la règle) et rejouer ses cas de test' })
  update(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: UpdateAidSchemeDto): Promise<AidSchemeUpdateResult> {
    return this.schemes.update(user, id, body);
  }

  @Post(':id/test-rule')
  @Allow('ADMIN')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tester la règle : la modification appliquée sans être enregistrée, et chaque cas de test rejoué' })
  testRule(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: AidSchemeTestRuleDto): Promise<AidSchemeTestRuleResult> {
    return this.schemes.testRule(user, id, body);
  }

  @Post(':id/test-cases')
  @Allow('ADMIN')
  @ApiOperation({ summary: 'Enregistrer un cas de test avec le résultat actuel du simulateur comme attendu' })
  addTestCase(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: AidSchemeTestCaseRequestDto): Promise<AidSchemeTestCaseDto> {
    return this.schemes.addTestCase(user, id, body);
  }
}
