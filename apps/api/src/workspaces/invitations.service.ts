import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type InvitationDto, ROLE_LABELS, type Role } from '@passerelle/shared/dto';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';
import type { RequestMeta } from '../common/access/access.decorators';
import { hashToken, randomToken } from '../common/crypto/secret-box';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailService } from '../mail/mail.service';
import { invitationMail, ofPlace } from '../mail/templates/mails';
import { WorkspacesException } from './workspaces.exception';
import { isUniqueViolation } from '../database/pg-errors';

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

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
  ) {}

  /**
   * Creates an invitation inside the caller's transaction (which holds the workspace lock for commune seats).
   * Returns the token to mail once the transaction has committed.
   */
  async create(tx: EntityManager, invitation: NewInvitation): Promise<{ row: InvitationRow; token: string }> {
    const email = invitation.email.trim().toLowerCase();
    const [active] = await tx.query(`SELECT 1 FROM app_user WHERE email = $1 AND state = 'ACTIVE'`, [email]);
    if (active) {
      throw new WorkspacesException('ALREADY_MEMBER');
    }
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
    return { row, token };
  }

  /** A new link (the old one stops working) and a new week. */
  async renew(tx: EntityManager, invitationId: string): Promise<{ row: InvitationRow; token: string }> {
    const token = randomToken();
    await tx.query(`UPDATE invitation SET token_hash = $2, expires_at = $3 WHERE id = $1`, [invitationId, hashToken(token), this.expiry()]);
    const [row] = await tx.query(`${INVITATION_SELECT} WHERE i.id = $1`, [invitationId]);
    return { row, token };
  }

  sendMail(row: InvitationRow, token: string): void {
    const label = ROLE_LABELS[row.role].toLowerCase();
    this.mail.send(
      invitationMail({
        to: row.email,
        url: `${this.config.publicUrl}/invitation/${token}`,
        what: row.commune_name ? `${label} de la commune ${ofPlace(row.commune_name)}` : label,
        invitedBy: row.invited_by_name,
        expiresAt: row.expires_at,
      }),
    );
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
