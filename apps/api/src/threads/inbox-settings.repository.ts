import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { OfficeSpan, ThreadCategory } from '@passerelle/shared/dto';
import { changedRows } from '../database/changed-rows';

export interface DepartementSettingsRow {
  code: string;
  first_response_days: number;
  office_hours: OfficeSpan[];
}

export interface LabelRow {
  id: string;
  name: string;
  colour: string;
}

export interface RoutingRuleRow {
  id: string;
  canton_code: string | null;
  canton_name: string | null;
  category: ThreadCategory | null;
  agent_id: string;
  agent_name: string;
}

export interface AnswerTemplateRow {
  id: string;
  title: string;
  body: string;
  updated_at: Date;
}

/**
 * The SQL of a département's inbox settings: first-response target, labels, routing rules and answer templates.
 * Every statement is scoped to the département's code; unique violations reach the service, which words them.
 */
@Injectable()
export class InboxSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async settings(code: string): Promise<DepartementSettingsRow | undefined> {
    const rows: DepartementSettingsRow[] = await this.db.query(`SELECT code, first_response_days, office_hours FROM departement WHERE code = $1`, [code]);
    return rows[0];
  }

  /** `officeHours` null: unchanged. */
  async updateSettings(code: string, days: number, officeHours: OfficeSpan[] | null, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE departement SET first_response_days = $2, office_hours = coalesce($3::jsonb, office_hours), updated_at = $4 WHERE code = $1`,
      [code, days, officeHours === null ? null : JSON.stringify(officeHours.map((s) => ({ start: s.start, end: s.end }))), at],
    );
  }

  async labels(code: string): Promise<LabelRow[]> {
    return this.db.query(`SELECT id, name, colour FROM label WHERE departement_code = $1 ORDER BY lower(name)`, [code]);
  }

  async insertLabel(code: string, name: string, colour: string): Promise<LabelRow> {
    const rows: LabelRow[] = await this.db.query(`INSERT INTO label (departement_code, name, colour) VALUES ($1, $2, $3) RETURNING id, name, colour`, [
      code,
      name,
      colour,
    ]);
    return rows[0];
  }

  async updateLabel(code: string, id: string, name: string, colour: string): Promise<LabelRow | undefined> {
    const rows = await changedRows<LabelRow>(this.db, `UPDATE label SET name = $3, colour = $4 WHERE id = $1 AND departement_code = $2 RETURNING id, name, colour`, [
      id,
      code,
      name,
      colour,
    ]);
    return rows[0];
  }

  /** Whether a label was deleted (it goes from every thread that had it). */
  async deleteLabel(code: string, id: string): Promise<boolean> {
    const deleted = await changedRows(this.db, `DELETE FROM label WHERE id = $1 AND departement_code = $2 RETURNING id`, [id, code]);
    return deleted.length > 0;
  }

  async routingRules(code: string): Promise<RoutingRuleRow[]> {
    return this.db.query(
      `SELECT r.id, r.canton_code, cn.name AS canton_name, r.category, r.agent_id, u.display_name AS agent_name
         FROM routing_rule r JOIN app_user u ON u.id = r.agent_id LEFT JOIN canton cn ON cn.code = r.canton_code
        WHERE r.departement_code = $1 ORDER BY cn.name NULLS LAST, r.category NULLS LAST`,
      [code],
    );
  }

  async cantonExists(code: string, canton: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM canton WHERE code = $1 AND departement_code = $2`, [canton, code]);
    return rows.length > 0;
  }

  async isActiveAgent(code: string, agentId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM app_user WHERE id = $1 AND departement_code = $2 AND role IN ('AGENT', 'ADMIN') AND state = 'ACTIVE'`,
      [agentId, code],
    );
    return rows.length > 0;
  }

  async insertRoutingRule(code: string, canton: string | null, category: ThreadCategory | null, agentId: string): Promise<string> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO routing_rule (departement_code, canton_code, category, agent_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [code, canton, category, agentId],
    );
    return rows[0].id;
  }

  async deleteRoutingRule(code: string, id: string): Promise<boolean> {
    const deleted = await changedRows(this.db, `DELETE FROM routing_rule WHERE id = $1 AND departement_code = $2 RETURNING id`, [id, code]);
    return deleted.length > 0;
  }

  async templates(code: string): Promise<AnswerTemplateRow[]> {
    return this.db.query(`SELECT id, title, body, updated_at FROM answer_template WHERE departement_code = $1 ORDER BY lower(title), id`, [code]);
  }

  async insertTemplate(code: string, title: string, body: string, by: string, at: Date): Promise<AnswerTemplateRow> {
    const rows: AnswerTemplateRow[] = await this.db.query(
      `INSERT INTO answer_template (departement_code, title, body, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, title, body, updated_at`,
      [code, title, body, by, at],
    );
    return rows[0];
  }

  async updateTemplate(code: string, id: string, title: string, body: string, by: string, at: Date): Promise<AnswerTemplateRow | undefined> {
    const rows = await changedRows<AnswerTemplateRow>(
      this.db,
      `UPDATE answer_template SET title = $3, body = $4, updated_by = $5, updated_at = $6 WHERE id = $1 AND departement_code = $2
       RETURNING id, title, body, updated_at`,
      [id, code, title, body, by, at],
    );
    return rows[0];
  }

  async deleteTemplate(code: string, id: string): Promise<boolean> {
    const deleted = await changedRows(this.db, `DELETE FROM answer_template WHERE id = $1 AND departement_code = $2 RETURNING id`, [id, code]);
    return deleted.length > 0;
  }
}
