import { Injectable } from '@nestjs/common';
import type {
  OfficeSpan,
  UpdateDepartementSettingsInput,
  AnswerTemplateDto,
  AnswerTemplateInput,
  DepartementSettingsDto,
  LabelDto,
  LabelInput,
  RoutingRuleDto,
  RoutingRuleInput,
} from '@passerelle/shared/dto';
import type { AuthUser } from '../common/access/auth-user';
import { Clock } from '../common/clock/clock';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import { isUuid } from '../common/http/uuid';
import { isUniqueViolation } from '../database/pg-errors';
import { ThreadFactsService } from '../indicators/thread-facts.service';
import { type AnswerTemplateRow, InboxSettingsRepository, type RoutingRuleRow } from './inbox-settings.repository';
import { ThreadsException } from './threads.exception';

/**
 * What a département sets up for its inbox: the first-response target, labels, routing rules (admins) and
 * answer templates (every agent). Always the user's own département: another code answers 404.
 */
@Injectable()
export class InboxSettingsService {
  constructor(
    private readonly repository: InboxSettingsRepository,
    private readonly clock: Clock,
    private readonly facts: ThreadFactsService,
  ) {}

  async settings(user: AuthUser, code: string): Promise<DepartementSettingsDto> {
    this.own(user, code);
    const row = await this.repository.settings(code);
    if (!row) {
      throw new ThreadsException('DEPARTEMENT_NOT_FOUND');
    }
    return { code: row.code, firstResponseDays: row.first_response_days, officeHours: row.office_hours };
  }

  /**
   * The target applies to questions asked from now on (the due dates already given stay). New office hours count
   * every question's working time again: the indicators' facts are rebuilt whole, in the background.
   */
  async updateSettings(user: AuthUser, code: string, input: UpdateDepartementSettingsInput): Promise<DepartementSettingsDto> {
    const before = await this.settings(user, code);
    if (input.officeHours) {
      assertOfficeHours(input.officeHours);
    }
    await this.repository.updateSettings(code, input.firstResponseDays, input.officeHours ?? null, this.clock.now());
    if (input.officeHours && spansText(input.officeHours) !== spansText(before.officeHours)) {
      await this.facts.officeHoursChanged(code);
    }
    return this.settings(user, code);
  }

  async labels(user: AuthUser, code: string): Promise<LabelDto[]> {
    this.own(user, code);
    return this.repository.labels(code);
  }

  async createLabel(user: AuthUser, code: string, input: LabelInput): Promise<LabelDto> {
    this.own(user, code);
    return this.unique(() => this.repository.insertLabel(code, input.name, input.colour));
  }

  async updateLabel(user: AuthUser, code: string, id: string, input: LabelInput): Promise<LabelDto> {
    this.own(user, code);
    const labelId = this.id(id, 'LABEL_NOT_FOUND');
    const row = await this.unique(() => this.repository.updateLabel(code, labelId, input.name, input.colour));
    if (!row) {
      throw new ThreadsException('LABEL_NOT_FOUND');
    }
    return row;
  }

  /** The label goes from every thread that had it. */
  async deleteLabel(user: AuthUser, code: string, id: string): Promise<void> {
    this.own(user, code);
    if (!(await this.repository.deleteLabel(code, this.id(id, 'LABEL_NOT_FOUND')))) {
      throw new ThreadsException('LABEL_NOT_FOUND');
    }
    await this.facts.touched(code);
  }

  async routingRules(user: AuthUser, code: string): Promise<RoutingRuleDto[]> {
    this.own(user, code);
    return (await this.repository.routingRules(code)).map(mapRoutingRule);
  }

  async createRoutingRule(user: AuthUser, code: string, input: RoutingRuleInput): Promise<RoutingRuleDto> {
    this.own(user, code);
    const errors: Record<string, string> = {};
    if (input.cantonCode === null && input.category === null) {
      errors['cantonCode'] = 'Choisissez un canton, une catégorie, ou les deux.';
    }
    if (input.cantonCode !== null && !(await this.repository.cantonExists(code, input.cantonCode))) {
      errors['cantonCode'] = 'Ce canton n’est pas dans le département.';
    }
    if (!(await this.repository.isActiveAgent(code, input.agentId))) {
      errors['agentId'] = 'Choisissez un agent actif du département.';
    }
    if (Object.keys(errors).length > 0) {
      throw new ValidationFailedException(errors);
    }
    const id = await this.repository.insertRoutingRule(code, input.cantonCode, input.category, input.agentId).catch((error: unknown) => {
      throw isUniqueViolation(error) ? new ThreadsException('ROUTING_RULE_EXISTS') : error;
    });
    const created = (await this.routingRules(user, code)).find((r) => r.id === id);
    if (!created) {
      throw new ThreadsException('ROUTING_RULE_NOT_FOUND');
    }
    return created;
  }

  async deleteRoutingRule(user: AuthUser, code: string, id: string): Promise<void> {
    this.own(user, code);
    if (!(await this.repository.deleteRoutingRule(code, this.id(id, 'ROUTING_RULE_NOT_FOUND')))) {
      throw new ThreadsException('ROUTING_RULE_NOT_FOUND');
    }
  }

  async templates(user: AuthUser, code: string): Promise<AnswerTemplateDto[]> {
    this.own(user, code);
    return (await this.repository.templates(code)).map(mapTemplate);
  }

  async createTemplate(user: AuthUser, code: string, input: AnswerTemplateInput): Promise<AnswerTemplateDto> {
    this.own(user, code);
    return mapTemplate(await this.repository.insertTemplate(code, input.title, input.body, user.id, this.clock.now()));
  }

  async updateTemplate(user: AuthUser, code: string, id: string, input: AnswerTemplateInput): Promise<AnswerTemplateDto> {
    this.own(user, code);
    const row = await this.repository.updateTemplate(code, this.id(id, 'TEMPLATE_NOT_FOUND'), input.title, input.body, user.id, this.clock.now());
    if (!row) {
      throw new ThreadsException('TEMPLATE_NOT_FOUND');
    }
    return mapTemplate(row);
  }

  async deleteTemplate(user: AuthUser, code: string, id: string): Promise<void> {
    this.own(user, code);
    if (!(await this.repository.deleteTemplate(code, this.id(id, 'TEMPLATE_NOT_FOUND')))) {
      throw new ThreadsException('TEMPLATE_NOT_FOUND');
    }
  }

  private own(user: AuthUser, code: string): void {
    if (code !== user.departementCode) {
      throw new ThreadsException('DEPARTEMENT_NOT_FOUND');
    }
  }

  private id(id: string, code: 'LABEL_NOT_FOUND' | 'ROUTING_RULE_NOT_FOUND' | 'TEMPLATE_NOT_FOUND'): string {
    if (!isUuid(id)) {
      throw new ThreadsException(code);
    }
    return id;
  }

  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      throw isUniqueViolation(error) ? new ThreadsException('LABEL_NAME_TAKEN') : error;
    }
  }
}

function mapRoutingRule(r: RoutingRuleRow): RoutingRuleDto {
  return {
    id: r.id,
    cantonCode: r.canton_code,
    cantonName: r.canton_name,
    category: r.category,
    agent: { id: r.agent_id, displayName: r.agent_name },
  };
}

function mapTemplate(row: AnswerTemplateRow): AnswerTemplateDto {
  return { id: row.id, title: row.title, body: row.body, updatedAt: row.updated_at.toISOString() };
}

/** Spans in order, each starting before it ends, none overlapping the next (French messages per field). */
function assertOfficeHours(spans: OfficeSpan[]): void {
  const errors: Record<string, string> = {};
  spans.forEach((span, i) => {
    if (span.start >= span.end) {
      errors[`officeHours.${i}.end`] = 'La fin d’une plage horaire doit suivre son début.';
    } else if (i > 0 && span.start < spans[i - 1].end) {
      errors[`officeHours.${i}.start`] = 'Les plages horaires doivent se suivre sans se chevaucher.';
    }
  });
  if (Object.keys(errors).length > 0) {
    throw new ValidationFailedException(errors);
  }
}

/** `09:00-12:30 13:30-17:30`: office hours compared whatever the order of their keys. */
function spansText(spans: readonly OfficeSpan[]): string {
  return spans.map((span) => `${span.start}-${span.end}`).join(' ');
}
