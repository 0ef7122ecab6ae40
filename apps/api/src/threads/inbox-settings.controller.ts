import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type AnswerTemplateDto,
  DEPARTEMENT_CODE_PATTERN,
  type DepartementSettingsDto,
  type LabelDto,
  type RoutingRuleDto,
} from '@passerelle/shared/dto';
import { Allow, CurrentUser } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { PatternPipe } from '../common/http/pattern.pipe';
import { AnswerTemplateDto as AnswerTemplateBody, LabelDto as LabelBody, RoutingRuleDto as RoutingRuleBody, UpdateDepartementSettingsDto } from './dto/inbox-settings.dto';
import { InboxSettingsService } from './inbox-settings.service';
import { CanonicalId } from '../common/http/id.pipe';

const departement = new PatternPipe('code', DEPARTEMENT_CODE_PATTERN, 'Code de département invalide, par exemple 95.');

/** Reading is for every agent; labels, routing and the target are the admins'; templates are every agent's. */
@ApiBearerAuth()
@ApiTags('Réglages des questions')
@Controller('departements/:code')
@Allow('AGENT', 'ADMIN')
export class InboxSettingsController {
  constructor(private readonly settings: InboxSettingsService) {}

  @Get('settings')
  get(@CurrentUser() user: AuthUser, @Param('code', departement) code: string): Promise<DepartementSettingsDto> {
    return this.settings.settings(user, code);
  }

  @Patch('settings')
  @Allow('ADMIN')
  update(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Body() body: UpdateDepartementSettingsDto): Promise<DepartementSettingsDto> {
    return this.settings.updateSettings(user, code, body);
  }

  @Get('labels')
  labels(@CurrentUser() user: AuthUser, @Param('code', departement) code: string): Promise<LabelDto[]> {
    return this.settings.labels(user, code);
  }

  @Post('labels')
  @Allow('ADMIN')
  createLabel(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Body() body: LabelBody): Promise<LabelDto> {
    return this.settings.createLabel(user, code, body);
  }

  @Patch('labels/:id')
  @Allow('ADMIN')
  updateLabel(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Param('id', CanonicalId) id: string, @Body() body: LabelBody): Promise<LabelDto> {
    return this.settings.updateLabel(user, code, id, body);
  }

  @Delete('labels/:id')
  @Allow('ADMIN')
  @HttpCode(204)
  async deleteLabel(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Param('id', CanonicalId) id: string): Promise<void> {
    await this.settings.deleteLabel(user, code, id);
  }

  @Get('routing-rules')
  routingRules(@CurrentUser() user: AuthUser, @Param('code', departement) code: string): Promise<RoutingRuleDto[]> {
    return this.settings.routingRules(user, code);
  }

  @Post('routing-rules')
  @Allow('ADMIN')
  createRoutingRule(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Body() body: RoutingRuleBody): Promise<RoutingRuleDto> {
    return this.settings.createRoutingRule(user, code, body);
  }

  @Delete('routing-rules/:id')
  @Allow('ADMIN')
  @HttpCode(204)
  async deleteRoutingRule(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Param('id', CanonicalId) id: string): Promise<void> {
    await this.settings.deleteRoutingRule(user, code, id);
  }

  @Get('answer-templates')
  templates(@CurrentUser() user: AuthUser, @Param('code', departement) code: string): Promise<AnswerTemplateDto[]> {
    return this.settings.templates(user, code);
  }

  @Post('answer-templates')
  createTemplate(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Body() body: AnswerTemplateBody): Promise<AnswerTemplateDto> {
    return this.settings.createTemplate(user, code, body);
  }

  @Patch('answer-templates/:id')
  updateTemplate(
    @CurrentUser() user: AuthUser,
    @Param('code', departement) code: string,
    @Param('id', CanonicalId) id: string,
    @Body() body: AnswerTemplateBody,
  ): Promise<AnswerTemplateDto> {
    return this.settings.updateTemplate(user, code, id, body);
  }

  @Delete('answer-templates/:id')
  @HttpCode(204)
  async deleteTemplate(@CurrentUser() user: AuthUser, @Param('code', departement) code: string, @Param('id', CanonicalId) id: string): Promise<void> {
    await this.settings.deleteTemplate(user, code, id);
  }
}
