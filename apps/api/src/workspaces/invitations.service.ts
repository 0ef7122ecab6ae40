import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type InvitationDto, ROLE_LABELS, type Role } from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';
import type { RequestMeta } from '../common/access/access.decorators';
import { hashToken, randomToken } from '../common/crypto/secret-box';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailService } from '../mail/mail.service';
import { invitationMail, invitationNotPossibleMail } from '../mail/templates/mails';
import { AttemptCounters } from '../auth/attempt-counters';
import { WorkspacesException } from './workspaces.exception';
import { isUniqueViolation } from '../database/pg-errors';

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
/** Invitation mails (first sending and resendings) to one address from one workspace, per hour. */
export const INVITATION_MAILS_PER_HOUR = 3;

export interface NewInvitation {
  email: string;
  role: Role;
  departementCode: string;
  communeInsee: string | null;
  invitedBy: string | null;
}

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

const INVITATION_SELECT = `
  SELECT i.id, i.email, i.role, i.departement_code, d.name AS departement_name, i.commune_insee,
         c.name AS commune_name, inviter.display_name AS invited_by_name, i.created_at, i.expires_at
    FROM invitation i
    JOIN departement d ON d.code = i.departement_code
    LEFT JOIN commune c ON c.insee = i.commune_insee
    LEFT JOIN app_user inviter ON inviter.id = i.invited_by`;

/** Single-use invitation links, stored hashed, valid 7 days, sent by e-mail. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly auth: AuthService,
    private readonly counters: AttemptCounters,
  ) {}

  /**
   * Creates an invitation inside the caller's transaction (which holds the workspace lock for commune seats),
   * and queues its mail in the same transaction: the mail leaves if and only if the invitation exists.
   */
  async create(tx: EntityManager, invitation: NewInvitation): Promise<{ row: InvitationRow }> {
    const email = invitation.email.trim().toLowerCase();
    const [active]: { commune_insee: string | null; departement_code: string; role: string }[] = await tx.query(
      `SELECT commune_insee, departement_code, role FROM app_user WHERE email = $1 AND state = 'ACTIVE'`,
      [email],
    );
    // Only a member the inviter can see anyway (their own commune's team, their own département's staff) is
    // answered "already a member". An account elsewhere gets an invitation like anybody, answered like anybody:
    // saying otherwise would tell the inviter who uses Passerelle; its mail explains instead (see sendMail).
    if (active && isSameWorkspace(active, invitation)) {
      throw new WorkspacesException('ALREADY_MEMBER');
    }
    await this.countMail(tx, email, invitation.departementCode, invitation.communeInsee);
    // An expired invitation no longer blocks the address.
    await tx.query(
      `UPDATE invitation SET revoked_at = now() WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at <= now()`,
      [email],
    );
    const token = randomToken();
    let id: string;
    try {
      const [inserted] = await tx.query(
        `INSERT INTO invitation (token_hash, email, role, departement_code, commune_insee, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [hashToken(token), email, invitation.role, invitation.departementCode, invitation.communeInsee, invitation.invitedBy, this.expiry()],
      );
      id = inserted.id;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new WorkspacesException('ALREADY_INVITED');
      }
      throw error;
    }
    const [row] = await tx.query(`${INVITATION_SELECT} WHERE i.id = $1`, [id]);
    await this.queueMail(tx, row, token);
    return { row };
  }

  /** A new link (the old one stops working) and a new week. */
  async renew(tx: EntityManager, invitationId: string): Promise<{ row: InvitationRow }> {
    const [current] = await tx.query(`SELECT email, departement_code, commune_insee FROM invitation WHERE id = $1`, [invitationId]);
    await this.countMail(tx, current.email, current.departement_code, current.commune_insee);
    const token = randomToken();
    await tx.query(`UPDATE invitation SET token_hash = $2, expires_at = $3 WHERE id = $1`, [invitationId, hashToken(token), this.expiry()]);
    const [row] = await tx.query(`${INVITATION_SELECT} WHERE i.id = $1`, [invitationId]);
    await this.queueMail(tx, row, token);
    return { row };
  }

  /**
   * The invitation, or, to an address that already has an account (necessarily elsewhere: see create), a mail
   * that says it cannot join with this address, without a link.
   */
  private async queueMail(tx: EntityManager, row: InvitationRow, token: string): Promise<void> {
    const label = ROLE_LABELS[row.role].toLowerCase();
    const what = row.commune_name ? `${label} de la commune ${ofPlace(row.commune_name)}` : label;
    const [elsewhere] = await tx.query(`SELECT 1 FROM app_user WHERE email = $1 AND state = 'ACTIVE'`, [row.email]);
    await this.mail.send(
      elsewhere
        ? invitationNotPossibleMail({ to: row.email, what, invitedBy: row.invited_by_name, signInUrl: `${this.config.publicUrl}/connexion` })
        : invitationMail({
            to: row.email,
            url: `${this.config.publicUrl}/invitation/${token}`,
            what,
            invitedBy: row.invited_by_name,
            expiresAt: row.expires_at,
          }),
      tx,
    );
  }

  /** Counted in the caller's transaction: a refused or failed invitation sends nothing and counts nothing. */
  private async countMail(tx: EntityManager, email: string, departementCode: string, communeInsee: string | null): Promise<void> {
    // Per workspace as well as per address: another commune's invitations to the same address must not show here.
    const { hits, resetsInSeconds } = await this.counters.hit(`invitation-mail:${departementCode}:${communeInsee ?? '-'}:${email}`, 3600, tx);
    if (hits > INVITATION_MAILS_PER_HOUR) {
      throw new WorkspacesException('INVITATION_MAIL_LIMIT', resetsInSeconds);
    }
  }

  async describe(token: string): Promise<InvitationDto> {
    const row = await this.findOpen(this.db.manager, token);
    if (!row) {
      throw new WorkspacesException('INVITATION_INVALID');
    }
    return {
      email: row.email,
      role: row.role,
      commune: row.commune_insee && row.commune_name ? { insee: row.commune_insee, name: row.commune_name } : null,
      departement: { code: row.departement_code, name: row.departement_name },
      invitedBy: row.invited_by_name,
      expiresAt: row.expires_at.toISOString(),
    };
  }

  /** The invitee becomes a user (or a former, disabled user comes back) in the seat the invitation held. */
  async accept(token: string, displayName: string, password: string, meta: RequestMeta): Promise<void> {
    const preview = await this.findOpen(this.db.manager, token);
    if (!preview) {
      throw new WorkspacesException('INVITATION_INVALID');
    }
    await this.auth.assertAcceptablePassword(password, [preview.email, displayName]);
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      if (preview.commune_insee) {
        await tx.query(`SELECT 1 FROM commune_workspace WHERE commune_insee = $1 FOR UPDATE`, [preview.commune_insee]);
      }
      const [invitation] = await tx.query(
        `SELECT id, email, role, departement_code, commune_insee FROM invitation
          WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() FOR UPDATE`,
        [hashToken(token)],
      );
      if (!invitation) {
        throw new WorkspacesException('INVITATION_INVALID');
      }
      const [existing] = await tx.query(`SELECT id, state FROM app_user WHERE email = $1 FOR UPDATE`, [invitation.email]);
      let userId: string;
      if (existing?.state === 'ACTIVE') {
        throw new WorkspacesException('ALREADY_MEMBER');
      } else if (existing) {
        // A former member comes back: same account (their history stays theirs), fresh credentials.
        await tx.query(
          `UPDATE app_user SET role = $2, departement_code = $3, commune_insee = $4, display_name = $5, password_hash = $6,
                  state = 'ACTIVE', disabled_at = NULL, totp_secret = NULL, totp_pending_secret = NULL,
                  totp_enabled_at = NULL, totp_last_step = NULL, updated_at = now()
            WHERE id = $1`,
          [existing.id, invitation.role, invitation.departement_code, invitation.commune_insee, displayName, passwordHash],
        );
        await tx.query(`DELETE FROM recovery_code WHERE user_id = $1`, [existing.id]);
        userId = existing.id;
      } else {
        const [created] = await tx.query(
          `INSERT INTO app_user (email, display_name, role, departement_code, commune_insee, password_hash)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [invitation.email, displayName, invitation.role, invitation.departement_code, invitation.commune_insee, passwordHash],
        );
        userId = created.id;
      }
      await tx.query(`UPDATE invitation SET accepted_at = now() WHERE id = $1`, [invitation.id]);
      await this.audit.record(
        {
          action: 'INVITATION_ACCEPTED',
          actorId: userId,
          targetType: 'invitation',
          targetId: invitation.id,
          departementCode: invitation.departement_code,
          communeInsee: invitation.commune_insee,
          details: { role: invitation.role },
        },
        meta,
        tx,
      );
    });
  }

  private async findOpen(manager: EntityManager, token: string): Promise<InvitationRow | null> {
    if (token.length < 20 || token.length > 200) {
      return null;
    }
    const [row] = await manager.query(
      `${INVITATION_SELECT} WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`,
      [hashToken(token)],
    );
    return row ?? null;
  }

  private expiry(): Date {
    return new Date(Date.now() + INVITATION_TTL_MS);
  }
}

function isSameWorkspace(
  account: { commune_insee: string | null; departement_code: string; role: string },
  invitation: Pick<NewInvitation, 'communeInsee' | 'departementCode'>,
): boolean {
  if (invitation.communeInsee) {
    return account.commune_insee === invitation.communeInsee;
  }
  return account.departement_code === invitation.departementCode && (account.role === 'ADMIN' || account.role === 'AGENT');
}
