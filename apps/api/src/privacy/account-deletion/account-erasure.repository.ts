import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlParams } from '../../common/sql/sql-params';

/** A deleted account's row keeps only what the pseudonym of its writings needs (id, role, commune, département). */
export interface ErasedAccount {
  id: string;
  email: string;
  displayName: string;
  at: Date;
}

/**
 * Free text where the département's people copied a name or an address, or where the application did (mails,
 * notifications, events): `<table>.<column>` is rewritten in the rows of one département (`$dep`), the pattern's
 * matches replaced by the pseudonym. Projects, FAQ entries and aid schemes are the communes' and the département's
 * own documents and are not rewritten.
 */
const TEXT_COPIES: { table: string; columns: string[]; jsonb?: boolean; scope: string }[] = [
  { table: 'thread_message x', columns: ['body'], scope: 'EXISTS (SELECT 1 FROM thread t WHERE t.id = x.thread_id AND t.departement_code = $dep)' },
  {
    table: 'message_revision x',
    columns: ['body'],
    scope: 'EXISTS (SELECT 1 FROM thread_message m JOIN thread t ON t.id = m.thread_id WHERE m.id = x.message_id AND t.departement_code = $dep)',
  },
  { table: 'thread x', columns: ['subject', 'satisfaction_comment'], scope: 'x.departement_code = $dep' },
  { table: 'thread_event x', columns: ['details'], jsonb: true, scope: 'EXISTS (SELECT 1 FROM thread t WHERE t.id = x.thread_id AND t.departement_code = $dep)' },
  {
    table: 'project_history x',
    columns: ['changes'],
    jsonb: true,
    scope: 'EXISTS (SELECT 1 FROM project p JOIN commune c ON c.insee = p.commune_insee WHERE p.id = x.project_id AND c.departement_code = $dep)',
  },
  {
    table: 'publication_event x',
    columns: ['reason'],
    scope: 'EXISTS (SELECT 1 FROM project p JOIN commune c ON c.insee = p.commune_insee WHERE p.id = x.project_id AND c.departement_code = $dep)',
  },
  { table: 'faq_entry x', columns: ['review_comment'], scope: 'x.departement_code = $dep' },
  { table: 'faq_review_event x', columns: ['comment'], scope: 'EXISTS (SELECT 1 FROM faq_entry e WHERE e.id = x.entry_id AND e.departement_code = $dep)' },
  { table: 'notification x', columns: ['title', 'excerpt'], scope: 'EXISTS (SELECT 1 FROM app_user u WHERE u.id = x.user_id AND u.departement_code = $dep)' },
  { table: 'mail_outbox x', columns: ['subject', 'text_body', 'html_body', 'last_error'], scope: '(x.departement_code = $dep OR x.departement_code IS NULL)' },
  { table: 'mail_outbox x', columns: ['headers'], jsonb: true, scope: '(x.departement_code = $dep OR x.departement_code IS NULL)' },
];

/**
 * The SQL of an account's deletion (`AccountErasureService`), all in the caller's transaction, which holds the
 * account's row lock.
 */
@Injectable()
export class AccountErasureRepository {
  /** Addresses the account was used from (sessions, audit log), for the sign-in counters kept per address and account. */
  async knownAddresses(tx: EntityManager, id: string, email: string): Promise<string[]> {
    const rows = await tx.query<{ ip: string }[]>(
      `SELECT ip FROM user_session WHERE user_id = $1 AND ip IS NOT NULL
       UNION
       SELECT ip FROM audit_event WHERE ip IS NOT NULL AND (actor_id = $1 OR target_id = $1::text OR strpos(lower(details::text), $2) > 0)
       LIMIT 1000`,
      [id, email],
    );
    return rows.map((r) => r.ip);
  }

  /** The stored files of the account's « Télécharger mes données » archives. */
  async exportFiles(tx: EntityManager, id: string): Promise<string[]> {
    const rows = await tx.query<{ storage_key: string }[]>(`SELECT storage_key FROM data_export WHERE user_id = $1 AND storage_key IS NOT NULL`, [id]);
    return rows.map((r) => r.storage_key);
  }

  /**
   * What is the account's alone and serves nobody once it is gone: sessions (their refresh tokens follow), second
   * factor recovery codes, reset links, preferences, notifications, read marks, export archives, the routing rules
   * that sent it questions, the invitations and the mails addressed to it, the attempt counters of its address.
   */
  async deleteOwnRows(tx: EntityManager, id: string, email: string, counterDigests: string[]): Promise<void> {
    for (const table of ['user_session', 'recovery_code', 'password_reset', 'notification_preference', 'notification', 'thread_read', 'data_export']) {
      await tx.query(`DELETE FROM ${table} WHERE user_id = $1`, [id]);
    }
    await tx.query(`DELETE FROM routing_rule WHERE agent_id = $1`, [id]);
    await tx.query(`DELETE FROM invitation WHERE email = $1`, [email]);
    await tx.query(`DELETE FROM mail_outbox WHERE lower(recipient) = $1`, [email]);
    await tx.query(`DELETE FROM attempt_counter WHERE key = ANY($1::text[])`, [counterDigests]);
  }

  /**
   * The audit log keeps what happened, when, and the ids; the rows about the account (as actor or target, or whose
   * details name its address, like failed sign-ins) lose their address (IP) and their details.
   */
  async scrubAudit(tx: EntityManager, id: string, email: string): Promise<void> {
    await tx.query(
      `UPDATE audit_event SET ip = NULL, details = '{}'::jsonb
        WHERE actor_id = $1 OR target_id = $1::text OR strpos(lower(details::text), $2) > 0`,
      [id, email],
    );
  }

  /** Replaces the matches of `pattern` (see `personalTextPattern`) with `label` in the département's copies (`TEXT_COPIES`). */
  async scrubTextCopies(tx: EntityManager, departementCode: string, pattern: string, label: string): Promise<void> {
    for (const copy of TEXT_COPIES) {
      const params = new SqlParams();
      const p = params.add(pattern);
      const replacement = params.add(copy.jsonb ? JSON.stringify(label).slice(1, -1) : label);
      const scope = copy.scope.replace(/\$dep/g, params.add(departementCode));
      const alias = copy.table.split(' ')[1];
      const value = (column: string) => (copy.jsonb ? `${alias}.${column}::text` : `${alias}.${column}`);
      const sets = copy.columns.map((column) => {
        const replaced = `regexp_replace(${value(column)}, ${p}, ${replacement}, 'gi')`;
        return `${column} = ${copy.jsonb ? `(${replaced})::jsonb` : replaced}`;
      });
      const matches = copy.columns.map((column) => `${value(column)} ~* ${p}`).join(' OR ');
      await tx.query(`UPDATE ${copy.table} SET ${sets.join(', ')} WHERE (${matches}) AND ${scope}`, params.values);
    }
  }

  /**
   * The row stays for the pseudonym: its address becomes one that cannot receive mail (and frees the real one for a
   * new account), its name the pseudonym; credentials, second factor and the deletion's own dates go.
   */
  async emptyAccount(tx: EntityManager, account: { id: string; label: string; at: Date }): Promise<void> {
    await tx.query(
      `UPDATE app_user
          SET email = 'supprime-' || id::text || '@invalide.invalid', display_name = $2, password_hash = NULL,
              totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL, totp_exempt = false,
              state = 'DISABLED', deleted_at = $3, deletion_requested_at = NULL, deletion_due_at = NULL,
              deletion_requested_by = NULL, inactivity_warnings = 0, inactivity_warned_at = NULL, last_sign_in_at = NULL,
              updated_at = now()
        WHERE id = $1`,
      [account.id, account.label, account.at],
    );
  }
}
