import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@passerelle/shared/dto';
import { maySignInSql } from '../../accounts/user-record';
import { SqlParams } from '../../common/sql/sql-params';
import { changedRows } from '../../database/changed-rows';

/** An account as its deletion needs it (asked, cancelled or carried out). */
export interface DeletionSubjectRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  state: 'ACTIVE' | 'DISABLED';
  departement_code: string;
  commune_insee: string | null;
  disabled_at: Date | null;
  deletion_requested_at: Date | null;
  deletion_due_at: Date | null;
  deletion_requested_by: string | null;
  deleted_at: Date | null;
  last_sign_in_at: Date | null;
  created_at: Date;
}

/** Why an account cannot go: it holds the last seat of its kind. */
export type LastOfRole = 'LAST_MAYOR' | 'LAST_ADMIN';

const SUBJECT_COLUMNS = `u.id, u.email, u.display_name, u.role, u.state, u.departement_code, u.commune_insee, u.disabled_at,
  u.deletion_requested_at, u.deletion_due_at, u.deletion_requested_by, u.deleted_at, u.last_sign_in_at, u.created_at`;

/**
 * The SQL of account deletion requests and of the rules that can refuse them. Every change happens in the caller's
 * transaction, after `lockDepartement`: two admins of a département asking each other's deletion at the same time
 * are decided one after the other, so the département never loses its last admin.
 */
@Injectable()
export class AccountDeletionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Serialises the deletions of one département until the end of the transaction. */
  async lockDepartement(tx: EntityManager, departementCode: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`account-deletion:${departementCode}`]);
  }

  /** The département of an account (to take its lock before the account's own), whatever its state. */
  async departementOf(id: string): Promise<string | null> {
    const [row] = await this.db.query<{ departement_code: string }[]>(`SELECT departement_code FROM app_user WHERE id = $1`, [id]);
    return row?.departement_code ?? null;
  }

  /**
   * The account, locked until the end of the transaction (against sign-ins and other deletions; not against rows
   * that merely reference it, which a deletion does not change the key of). With `departementCode`, only an account
   * of that département (an admin's reach: its staff and the members of its communes); deleted accounts are found too.
   */
  async lockSubject(tx: EntityManager, id: string, departementCode: string | null): Promise<DeletionSubjectRow | null> {
    const params = new SqlParams();
    const departement = params.add(departementCode);
    const rows = await tx.query<DeletionSubjectRow[]>(
      `SELECT ${SUBJECT_COLUMNS} FROM app_user u
        WHERE u.id = ${params.add(id)} AND (${departement}::text IS NULL OR u.departement_code = ${departement})
        FOR NO KEY UPDATE`,
      params.values,
    );
    return rows[0] ?? null;
  }

  /**
   * Whether the account is the last mayor of its commune or the last admin of its département. It counts as such
   * while it may sign in (active, or waiting for a deletion that signing in cancels) and no other account of the
   * same role there is active. A mayor the département already replaced, or an admin disabled by another, does not.
   */
  async lastOfRole(tx: EntityManager, id: string): Promise<LastOfRole | null> {
    const [row] = await tx.query<{ last_mayor: boolean; last_admin: boolean }[]>(
      `SELECT u.role = 'MAYOR' AND ${maySignInSql('u')} AND NOT EXISTS (
                SELECT 1 FROM app_user o
                 WHERE o.commune_insee = u.commune_insee AND o.role = 'MAYOR' AND o.state = 'ACTIVE' AND o.id <> u.id) AS last_mayor,
              u.role = 'ADMIN' AND ${maySignInSql('u')} AND NOT EXISTS (
                SELECT 1 FROM app_user o
                 WHERE o.departement_code = u.departement_code AND o.role = 'ADMIN' AND o.state = 'ACTIVE' AND o.id <> u.id) AS last_admin
         FROM app_user u WHERE u.id = $1`,
      [id],
    );
    if (row?.last_mayor) {
      return 'LAST_MAYOR';
    }
    return row?.last_admin ? 'LAST_ADMIN' : null;
  }

  /**
   * Disables the account until `dueAt`. `disabled_at` is left as it is: it means « disabled by an admin », which
   * the account was not for this (and an account an admin did disable stays so, deletion or not).
   */
  async markRequested(tx: EntityManager, id: string, request: { at: Date; dueAt: Date; by: string }): Promise<boolean> {
    const rows = await changedRows(
      tx,
      `UPDATE app_user SET state = 'DISABLED', deletion_requested_at = $2, deletion_due_at = $3, deletion_requested_by = $4,
              updated_at = now()
        WHERE id = $1 AND deleted_at IS NULL AND deletion_due_at IS NULL RETURNING id`,
      [id, request.at, request.dueAt, request.by],
    );
    return rows.length > 0;
  }

  /** Calls a pending deletion off: the account is active again, unless an admin had disabled it. */
  async cancel(tx: EntityManager, id: string): Promise<{ state: 'ACTIVE' | 'DISABLED' } | null> {
    const [row] = await changedRows<{ state: 'ACTIVE' | 'DISABLED' }>(
      tx,
      `UPDATE app_user
          SET state = CASE WHEN disabled_at IS NULL THEN 'ACTIVE' ELSE 'DISABLED' END::user_state,
              deletion_requested_at = NULL, deletion_due_at = NULL, deletion_requested_by = NULL, updated_at = now()
        WHERE id = $1 AND deletion_due_at IS NOT NULL AND deleted_at IS NULL RETURNING state`,
      [id],
    );
    return row ?? null;
  }
}
