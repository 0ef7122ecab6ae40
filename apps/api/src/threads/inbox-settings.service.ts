import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  AnswerTemplateDto,
  AnswerTemplateInput,
  DepartementSettingsDto,
  LabelDto,
  LabelInput,
  RoutingRuleDto,
  RoutingRuleInput,
  ThreadCategory,
} from '@passerelle/shared/dto';
import { isUuid } from '../accounts/users.repository';
import type { AuthUser } from '../common/access/auth-user';
import { Clock } from '../common/clock/clock';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import { changedRows } from '../database/changed-rows';
import { isUniqueViolation } from '../database/pg-errors';
import { ThreadsException } from './threads.exception';

/**
 * What a département sets up for its inbox: the first-response target, labels, routing rules (admins) and
 * answer templates (every agent). Always the user's own département: another code answers 404.
 */
@Injectable()
export class InboxSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async settings(user: AuthUser, code: string): Promise<DepartementSettingsDto> {
    this.own(user, code);
    const [row] = await this.db.query(`SELECT code, first_response_days FROM departement WHERE code = $1`, [code]);
    if (!row) {
      throw new ThreadsException('DEPARTEMENT_NOT_FOUND');
    }
    return { code: row.code, firstResponseDays: row.first_response_days };
  }

  /** Applies to questions asked from now on; the due dates already given stay. */
  async updateSettings(user: AuthUser, code: string, firstResponseDays: number): Promise<DepartementSettingsDto> {
    this.own(user, code);
    await this.db.query(`UPDATE departement SET first_response_days = $2, updated_at = $3 WHERE code = $1`, [code, firstResponseDays, this.clock.now()]);
    return this.settings(user, code);
  }

  async labels(user: AuthUser, code: string): Promise<LabelDto[]> {
    this.own(user, code);
    const rows: { id: string; name: string; colour: string }[] = await this.db.query(
      `SELECT id, name, colour FROM label WHERE departement_code = $1 ORDER BY lower(name)`,
      [code],
    );
    return rows;
  }

  async createLabel(user: AuthUser, code: string, input: LabelInput): Promise<LabelDto> {
    this.own(user, code);
    const [row] = await this.unique(() =>
      this.db.query(`INSERT INTO label (departement_code, name, colour) VALUES ($1, $2, $3) RETURNING id, name, colour`, [code, input.name, input.colour]),
    );
    return row;
  }

  async updateLabel(user: AuthUser, code: string, id: string, input: LabelInput): Promise<LabelDto> {
    this.own(user, code);
    const [row] = await this.unique(() =>
      changedRows<LabelDto>(this.db, `UPDATE label SET name = $3, colour = $4 WHERE id = $1 AND departement_code = $2 RETURNING id, name, colour`, [
        this.id(id, 'LABEL_NOT_FOUND'),
        code,
        input.name,
        input.colour,
      ]),
    );
    if (!row) {
      throw new ThreadsException('LABEL_NOT_FOUND');
    }
    return row;
  }

  /** The label goes from every thread that had it. */
  async deleteLabel(user: AuthUser, code: string, id: string): Promise<void> {
    this.own(user, code);
    const deleted = await changedRows(this.db, `DELETE FROM label WHERE id = $1 AND departement_code = $2 RETURNING id`, [this.id(id, 'LABEL_NOT_FOUND'), code]);
    if (deleted.length === 0) {
      throw new ThreadsException('LABEL_NOT_FOUND');
    }
  }

  async routingRules(user: AuthUser, code: string): Promise<RoutingRuleDto[]> {
    this.own(user, code);
    const rows: { id: string; canton_code: string | null; canton_name: string | null; category: ThreadCategory | null; agent_id: string; agent_name: string }[] =
      await this.db.query(
        `SELECT r.id, r.canton_code, cn.name AS canton_name, r.category, r.agent_id, u.display_name AS agent_name
           FROM routing_rule r JOIN app_user u ON u.id = r.agent_id LEFT JOIN canton cn ON cn.code = r.canton_code
          WHERE r.departement_code = $1 ORDER BY cn.name NULLS LAST, r.category NULLS LAST`,
        [code],
      );
    return rows.map((r) => ({
      id: r.id,
      cantonCode: r.canton_code,
      cantonName: r.canton_name,
      category: r.category,
      agent: { id: r.agent_id, displayName: r.agent_name },
    }));
  }

  async createRoutingRule(user: AuthUser, code: string, input: RoutingRuleInput): Promise<RoutingRuleDto> {
    this.own(user, code);
    const errors: Record<string, string> = {};
    if (input.cantonCode === null && input.category === null) {
      errors['cantonCode'] = 'Choisissez un canton, une catégorie, ou les deux.';
    }
    if (input.cantonCode !== null) {
      const [canton] = await this.db.query(`SELECT 1 FROM canton WHERE code = $1 AND departement_code = $2`, [input.cantonCode, code]);
      if (!canton) {
        errors['cantonCode'] = 'Ce canton n’est pas dans le département.';
      }
    }
    const [agent] = await this.db.query(
      `SELECT 1 FROM app_user WHERE id = $1 AND departement_code = $2 AND role IN ('AGENT', 'ADMIN') AND state = 'ACTIVE'`,
      [input.agentId, code],
    );
    if (!agent) {
      errors['agentId'] = 'Choisissez un agent actif du département.';
    }
    if (Object.keys(errors).length > 0) {
      throw new ValidationFailedException(errors);
    }
    const [row] = await this.db
      .query(`INSERT INTO routing_rule (departement_code, canton_code, category, agent_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
        code,
        input.cantonCode,
        input.category,
        input.agentId,
      ])
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? new ThreadsException('ROUTING_RULE_EXISTS') : error;
      });
    const created = (await this.routingRules(user, code)).find((r) => r.id === row.id);
    if (!created) {
      throw new ThreadsException('ROUTING_RULE_NOT_FOUND');
    }
    return created;
  }

  async deleteRoutingRule(user: AuthUser, code: string, id: string): Promise<void> {
    this.own(user, code);
    const deleted = await changedRows(this.db, `DELETE FROM routing_rule WHERE id = $1 AND departement_code = $2 RETURNING id`, [
      this.id(id, 'ROUTING_RULE_NOT_FOUND'),
      code,
    ]);
    if (deleted.length === 0) {
      throw new ThreadsException('ROUTING_RULE_NOT_FOUND');
    }
  }

  async templates(user: AuthUser, code: string): Promise<AnswerTemplateDto[]> {
    this.own(user, code);
    const rows: { id: string; title: string; body: string; updated_at: Date }[] = await this.db.query(
      `SELECT id, title, body, updated_at FROM answer_template WHERE departement_code = $1 ORDER BY lower(title), id`,
      [code],
    );
    return rows.map(mapTemplate);
  }

  async createTemplate(user: AuthUser, code: string, input: AnswerTemplateInput): Promise<AnswerTemplateDto> {
    this.own(user, code);
    const [row] = await this.db.query(
      `INSERT INTO answer_template (departement_code, title, body, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, title, body, updated_at`,
      [code, input.title, input.body, user.id, this.clock.now()],
    );
    return mapTemplate(row);
  }

  async updateTemplate(user: AuthUser, code: string, id: string, input: AnswerTemplateInput): Promise<AnswerTemplateDto> {
    this.own(user, code);
    const [row] = await changedRows<{ id: string; title: string; body: string; updated_at: Date }>(
      this.db,
      `UPDATE answer_template SET title = $3, body = $4, updated_by = $5, updated_at = $6 WHERE id = $1 AND departement_code = $2
       RETURNING id, title, body, updated_at`,
      [this.id(id, 'TEMPLATE_NOT_FOUND'), code, input.title, input.body, user.id, this.clock.now()],
    );
    if (!row) {
      throw new ThreadsException('TEMPLATE_NOT_FOUND');
    }
    return mapTemplate(row);
  }

  async deleteTemplate(user: AuthUser, code: string, id: string): Promise<void> {
    this.own(user, code);
    const deleted = await changedRows(this.db, `DELETE FROM answer_template WHERE id = $1 AND departement_code = $2 RETURNING id`, [
      this.id(id, 'TEMPLATE_NOT_FOUND'),
      code,
    ]);
    if (deleted.length === 0) {
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

function mapTemplate(row: { id: string; title: string; body: string; updated_at: Date }): AnswerTemplateDto {
  return { id: row.id, title: row.title, body: row.body, updatedAt: row.updated_at.toISOString() };
}
