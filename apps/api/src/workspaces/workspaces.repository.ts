import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceState } from '@passerelle/shared/dto';
import type { AuthUser } from '../common/access/auth-user';
import { findVisibleCommune } from '../common/access/visible-commune';
import { maySignInSql } from '../accounts/user-record';
import { SqlParams } from '../common/sql/sql-params';
import { changedRows } from '../database/changed-rows';
import type { MemberRow, WorkspaceSummaryRow } from './workspace.mapper';

/** A member holding a seat: active, or waiting for a deletion of their account that signing in would cancel. */
const SEAT_HOLDER = maySignInSql('u');

/** What the workspace rules need of a commune. */
export interface CommuneScopeRow {
  insee: string;
  name: string;
  departement_code: string;
  eligible: boolean;
  opened_at: Date | null;
}

/** A member of a commune holding a seat (see `SEAT_HOLDER`). */
export interface CommuneMemberRow {
  id: string;
  role: 'MAYOR' | 'COLLABORATOR';
}

/** The filters and page of the département's list of workspaces. */
export interface WorkspaceFilters {
  q: string | null;
  state: WorkspaceState | null;
  eligible: boolean | null;
  limit: number;
  offset: number;
}

/**
 * The SQL of commune workspaces and their seats. Writes and locks take the caller's transaction: the service holds
 * the workspace lock while it counts the seats.
 */
@Injectable()
export class WorkspacesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The commune if the user may see it (tenancy in the query), with its workspace's opening. */
  findVisibleCommune(user: AuthUser, insee: string): Promise<CommuneScopeRow | null> {
    return findVisibleCommune<CommuneScopeRow>(
      this.db,
      user,
      insee,
      'c.insee, c.name, c.departement_code, c.eligible, w.opened_at',
      'LEFT JOIN commune_workspace w ON w.commune_insee = c.insee',
    );
  }

  /** Locks the commune's workspace (FOR UPDATE); false when it is not open. */
  async lock(tx: EntityManager, insee: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM commune_workspace WHERE commune_insee = $1 FOR UPDATE`, [insee]);
    return rows.length > 0;
  }

  /** Opens the workspace and answers when; null when it was open already. */
  async open(tx: EntityManager, insee: string, openedBy: string): Promise<Date | null> {
    const rows: { opened_at: Date }[] = await tx.query(
      `INSERT INTO commune_workspace (commune_insee, opened_by) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING opened_at`,
      [insee, openedBy],
    );
    return rows[0]?.opened_at ?? null;
  }

  /**
   * Members and live pending invitations of a commune: together they hold its seats. A member waiting for the
   * deletion of their account keeps their seat (signing in cancels the deletion) and shows its date. Pending first,
   * then by status and e-mail (the team page's order).
   */
  seats(manager: EntityManager, insee: string): Promise<MemberRow[]> {
    return manager.query(
      `SELECT u.id, 'ACTIVE' AS status, u.email, u.display_name, u.role::text AS role, NULL::timestamptz AS invited_at,
              NULL::timestamptz AS expires_at, u.last_sign_in_at, u.deletion_due_at
         FROM app_user u WHERE u.commune_insee = $1 AND ${SEAT_HOLDER}
       UNION ALL
       SELECT i.id, 'PENDING', i.email, NULL, i.role::text, i.created_at, i.expires_at, NULL, NULL
         FROM invitation i
        WHERE i.commune_insee = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
        ORDER BY 5 DESC, 2, 3`,
      [insee],
    );
  }

  async activeMember(tx: EntityManager, insee: string, userId: string): Promise<CommuneMemberRow | null> {
    const rows: CommuneMemberRow[] = await tx.query(
      `SELECT u.id, u.role FROM app_user u WHERE u.id = $1 AND u.commune_insee = $2 AND ${SEAT_HOLDER}`,
      [userId, insee],
    );
    return rows[0] ?? null;
  }

  async disableUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.query(`UPDATE app_user SET state = 'DISABLED', disabled_at = now(), updated_at = now() WHERE id = $1`, [userId]);
  }

  /** Disables the commune's active mayor(s) and answers their ids. */
  disableMayors(tx: EntityManager, insee: string): Promise<{ id: string }[]> {
    return changedRows<{ id: string }>(
      tx,
      `UPDATE app_user SET state = 'DISABLED', disabled_at = now(), updated_at = now()
        WHERE commune_insee = $1 AND role = 'MAYOR' AND state = 'ACTIVE' RETURNING id`,
      [insee],
    );
  }

  /** The département's communes, open workspaces first, each with its mayor (or invited mayor) and seats used. */
  list(departementCode: string, filters: WorkspaceFilters): Promise<WorkspaceSummaryRow[]> {
    const params = new SqlParams();
    const code = params.add(departementCode);
    const q = params.add(filters.q);
    const state = params.add(filters.state);
    const eligible = params.add(filters.eligible);
    return this.db.query(
      `SELECT c.insee, c.name, c.population, c.eligible, ca.name AS canton, w.opened_at,
              mayor.email AS mayor_email, mayor.display_name AS mayor_name, mayor.status AS mayor_status,
              (SELECT count(*) FROM app_user u WHERE u.commune_insee = c.insee AND ${SEAT_HOLDER})
              + (SELECT count(*) FROM invitation i WHERE i.commune_insee = c.insee AND i.accepted_at IS NULL
                    AND i.revoked_at IS NULL AND i.expires_at > now()) AS seats_used,
              count(*) OVER () AS total
         FROM commune c
         LEFT JOIN canton ca ON ca.code = c.canton_code
         LEFT JOIN commune_workspace w ON w.commune_insee = c.insee
         LEFT JOIN LATERAL (
           SELECT u.email, u.display_name, 'ACTIVE' AS status FROM app_user u
            WHERE u.commune_insee = c.insee AND u.role = 'MAYOR' AND u.state = 'ACTIVE'
           UNION ALL
           SELECT i.email, NULL, 'PENDING' FROM invitation i
            WHERE i.commune_insee = c.insee AND i.role = 'MAYOR' AND i.accepted_at IS NULL AND i.revoked_at IS NULL
              AND i.expires_at > now()
           LIMIT 1
         ) mayor ON true
        WHERE c.departement_code = ${code}
          AND (${q}::text IS NULL OR c.search_key LIKE '%' || search_key(${q}) || '%' OR c.insee = ${q})
          AND (${state}::text IS NULL OR (${state} = 'OPEN') = (w.commune_insee IS NOT NULL))
          AND (${eligible}::boolean IS NULL OR c.eligible = ${eligible})
        ORDER BY (w.commune_insee IS NULL), c.search_key
        LIMIT ${params.add(filters.limit)} OFFSET ${params.add(filters.offset)}`,
      params.values,
    );
  }
}
