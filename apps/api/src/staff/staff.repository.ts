import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { maySignInSql } from '../accounts/user-record';
import { changedRows } from '../database/changed-rows';
import type { AgentRow } from './staff.mapper';

/** The SQL of a département's staff: its agents and admins, and the invitations to join them. */
@Injectable()
export class StaffRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Members (disabled last) and live invitations, by role and e-mail. A deleted account is no longer one of them
   * (what it wrote shows a pseudonym); one waiting for its deletion is, disabled, with the date.
   */
  list(departementCode: string, limit: number, offset: number): Promise<(AgentRow & { total: string })[]> {
    return this.db.query(
      `SELECT *, count(*) OVER () AS total FROM (
         SELECT u.id, u.email, u.display_name, u.role::text AS role, u.state::text AS status,
                u.totp_enabled_at IS NOT NULL AS totp_enabled, u.last_sign_in_at, NULL::timestamptz AS invited_at,
                u.deletion_due_at
           FROM app_user u WHERE u.departement_code = $1 AND u.role IN ('ADMIN', 'AGENT') AND u.deleted_at IS NULL
         UNION ALL
         SELECT i.id, i.email, NULL, i.role::text, 'PENDING', false, NULL, i.created_at, NULL
           FROM invitation i
          WHERE i.departement_code = $1 AND i.role IN ('ADMIN', 'AGENT') AND i.accepted_at IS NULL
            AND i.revoked_at IS NULL AND i.expires_at > now()
       ) staff
       ORDER BY (status = 'DISABLED'), role, email
       LIMIT $2 OFFSET $3`,
      [departementCode, limit, offset],
    );
  }

  /**
   * Disables an active agent or admin of the département (or one waiting for their account's deletion, which then
   * no longer stops by signing in); false when there is none such.
   */
  async disable(tx: EntityManager, userId: string, departementCode: string): Promise<boolean> {
    const disabled = await changedRows(
      tx,
      `UPDATE app_user u SET state = 'DISABLED', disabled_at = now(), updated_at = now()
        WHERE u.id = $1 AND u.departement_code = $2 AND u.role IN ('ADMIN', 'AGENT') AND ${maySignInSql('u')} RETURNING u.id`,
      [userId, departementCode],
    );
    return disabled.length > 0;
  }
}
