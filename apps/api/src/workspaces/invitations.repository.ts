import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@passerelle/shared/dto';

/** An invitation with the names its mail and its page show. */
export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  departement_code: string;
  departement_name: string;
  commune_insee: string | null;
  commune_name: string | null;
  invited_by_name: string | null;
  created_at: Date;
  expires_at: Date;
}

/** What the workspace needs of one of its invitations that is neither accepted nor revoked. */
export interface PendingInvitationRow {
  id: string;
  role: 'MAYOR' | 'COLLABORATOR';
  expired: boolean;
}

/** Where an invitation's mails are counted. */
export interface InvitationMailScopeRow {
  email: string;
  departement_code: string;
  commune_insee: string | null;
}

/** An open invitation, locked while it turns into an account. */
export interface OpenInvitationRow extends InvitationMailScopeRow {
  id: string;
  role: Role;
}

/** The account, active or not, that an address already has. */
export interface AccountStateRow {
  id: string;
  state: 'ACTIVE' | 'DISABLED';
}

export interface NewInvitationRow {
  tokenHash: string;
  email: string;
  role: Role;
  departementCode: string;
  communeInsee: string | null;
  invitedBy: string | null;
  expiresAt: Date;
}

/** The account an accepted invitation creates or gives back. */
export interface InvitedAccount {
  email: string;
  displayName: string;
  role: Role;
  departementCode: string;
  communeInsee: string | null;
  passwordHash: string;
}

const INVITATION_SELECT = `
  SELECT i.id, i.email, i.role, i.departement_code, d.name AS departement_name, i.commune_insee,
         c.name AS commune_name, inviter.display_name AS invited_by_name, i.created_at, i.expires_at
    FROM invitation i
    JOIN departement d ON d.code = i.departement_code
    LEFT JOIN commune c ON c.insee = i.commune_insee
    LEFT JOIN app_user inviter ON inviter.id = i.invited_by`;

/**
 * The SQL of invitations, and of the account an accepted invitation becomes. Writes take the caller's transaction:
 * the services decide what changes together and hold the workspace lock.
 */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byId(manager: EntityManager, id: string): Promise<InvitationRow | null> {
    const rows: InvitationRow[] = await manager.query(`${INVITATION_SELECT} WHERE i.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The invitation whose link hashes to `tokenHash`, if it can still be accepted. */
  async findOpen(tokenHash: string, manager: EntityManager = this.db.manager): Promise<InvitationRow | null> {
    const rows: InvitationRow[] = await manager.query(
      `${INVITATION_SELECT} WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** As `findOpen`, locked (FOR UPDATE) so that one link makes one account. */
  async lockOpen(tx: EntityManager, tokenHash: string): Promise<OpenInvitationRow | null> {
    const rows: OpenInvitationRow[] = await tx.query(
      `SELECT id, email, role, departement_code, commune_insee FROM invitation
        WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async mailScope(tx: EntityManager, id: string): Promise<InvitationMailScopeRow | null> {
    const rows: InvitationMailScopeRow[] = await tx.query(`SELECT email, departement_code, commune_insee FROM invitation WHERE id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /** A commune's invitation that is neither accepted nor revoked (expired or not). */
  async pendingInCommune(tx: EntityManager, insee: string, id: string): Promise<PendingInvitationRow | null> {
    const rows: PendingInvitationRow[] = await tx.query(
      `SELECT id, role, expires_at <= now() AS expired FROM invitation
        WHERE id = $1 AND commune_insee = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
      [id, insee],
    );
    return rows[0] ?? null;
  }

  /** Answers the new invitation's id; a live invitation to the same address fails on its unique index. */
  async insert(tx: EntityManager, invitation: NewInvitationRow): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO invitation (token_hash, email, role, departement_code, commune_insee, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        invitation.tokenHash,
        invitation.email,
        invitation.role,
        invitation.departementCode,
        invitation.communeInsee,
        invitation.invitedBy,
        invitation.expiresAt,
      ],
    );
    return rows[0].id;
  }

  /** A new link (the old one stops working) and a new expiry. */
  async renew(tx: EntityManager, id: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await tx.query(`UPDATE invitation SET token_hash = $2, expires_at = $3 WHERE id = $1`, [id, tokenHash, expiresAt]);
  }

  async revoke(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`UPDATE invitation SET revoked_at = now() WHERE id = $1`, [id]);
  }

  /** Expired invitations to `email` are revoked, so that they no longer block the address. */
  async revokeExpired(tx: EntityManager, email: string): Promise<void> {
    await tx.query(
      `UPDATE invitation SET revoked_at = now() WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at <= now()`,
      [email],
    );
  }

  /** Every open invitation to the commune's mayor seat, expired or not. */
  async revokeMayorInvitations(tx: EntityManager, insee: string): Promise<void> {
    await tx.query(
      `UPDATE invitation SET revoked_at = now()
        WHERE commune_insee = $1 AND role = 'MAYOR' AND accepted_at IS NULL AND revoked_at IS NULL`,
      [insee],
    );
  }

  async markAccepted(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`UPDATE invitation SET accepted_at = now() WHERE id = $1`, [id]);
  }

  /** The account of `email`, whatever its state, locked until the invitation is accepted. */
  async lockAccount(tx: EntityManager, email: string): Promise<AccountStateRow | null> {
    const rows: AccountStateRow[] = await tx.query(`SELECT id, state FROM app_user WHERE email = $1 FOR UPDATE`, [email]);
    return rows[0] ?? null;
  }

  /**
   * A former member comes back: same account, fresh credentials, no second factor and no recovery codes. A
   * deletion still pending on it is called off: the person accepted to come back.
   */
  async reactivateAccount(tx: EntityManager, id: string, account: Omit<InvitedAccount, 'email'>): Promise<void> {
    await tx.query(
      `UPDATE app_user SET role = $2, departement_code = $3, commune_insee = $4, display_name = $5, password_hash = $6,
              state = 'ACTIVE', disabled_at = NULL, totp_secret = NULL, totp_pending_secret = NULL,
              totp_enabled_at = NULL, totp_last_step = NULL, deletion_requested_at = NULL, deletion_due_at = NULL,
              deletion_requested_by = NULL, inactivity_warnings = 0, inactivity_warned_at = NULL, updated_at = now()
        WHERE id = $1`,
      [id, account.role, account.departementCode, account.communeInsee, account.displayName, account.passwordHash],
    );
    await tx.query(`DELETE FROM recovery_code WHERE user_id = $1`, [id]);
  }

  /** Answers the new account's id. */
  async createAccount(tx: EntityManager, account: InvitedAccount): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO app_user (email, display_name, role, departement_code, commune_insee, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [account.email, account.displayName, account.role, account.departementCode, account.communeInsee, account.passwordHash],
    );
    return rows[0].id;
  }
}
