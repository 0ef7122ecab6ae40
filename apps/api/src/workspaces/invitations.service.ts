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
import { UsersRepository } from '../accounts/users.repository';
import { isUniqueViolation } from '../database/pg-errors';
import { type InvitationRow, InvitationsRepository } from './invitations.repository';
import { toInvitation } from './workspace.mapper';
import { WorkspacesException } from './workspaces.exception';
import { WorkspacesRepository } from './workspaces.repository';

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
/** Invitation mails (first sending and resendings) to one address from one workspace, per hour. */
export const INVITATION_MAILS_PER_HOUR = 3;

/** The counter of invitation mails to an address from one workspace (a commune's, or the département's staff). */
export function invitationMailKey(departementCode: string, communeInsee: string | null, email: string): string {
  return `invitation-mail:${departementCode}:${communeInsee ?? '-'}:${email}`;
}

export interface NewInvitation {
  email: string;
  role: Role;
  departementCode: string;
  communeInsee: string | null;
  invitedBy: string | null;
}

/** Single-use invitation links, stored hashed, valid 7 days, sent by e-mail. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly users: UsersRepository,
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
    const active = await this.users.activeByEmail(email, tx);
    // Only a member the inviter can see anyway (their own commune's team, their own département's staff) is
    // answered "already a member". An account elsewhere gets an invitation like anybody, answered like anybody:
    // saying otherwise would tell the inviter who uses Passerelle; its mail explains instead (see sendMail).
    if (active && isSameWorkspace(active, invitation)) {
      throw new WorkspacesException('ALREADY_MEMBER');
    }
    await this.countMail(tx, email, invitation.departementCode, invitation.communeInsee);
    // An expired invitation no longer blocks the address.
    await this.invitations.revokeExpired(tx, email);
    const token = randomToken();
    let id: string;
    try {
      id = await this.invitations.insert(tx, {
        tokenHash: hashToken(token),
        email,
        role: invitation.role,
        departementCode: invitation.departementCode,
        communeInsee: invitation.communeInsee,
        invitedBy: invitation.invitedBy,
        expiresAt: this.expiry(),
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new WorkspacesException('ALREADY_INVITED');
      }
      throw error;
    }
    return { row: await this.queueMail(tx, id, token) };
  }

  /** A new link (the old one stops working) and a new week. */
  async renew(tx: EntityManager, invitationId: string): Promise<{ row: InvitationRow }> {
    const current = await this.invitations.mailScope(tx, invitationId);
    if (!current) {
      // The caller found it pending under the workspace lock a moment ago, in this transaction.
      throw new Error(`Invitation ${invitationId} vanished while renewed`);
    }
    await this.countMail(tx, current.email, current.departement_code, current.commune_insee);
    const token = randomToken();
    await this.invitations.renew(tx, invitationId, hashToken(token), this.expiry());
    return { row: await this.queueMail(tx, invitationId, token) };
  }

  /**
   * The invitation, or, to an address that already has an account (necessarily elsewhere: see create), a mail
   * that says it cannot join with this address, without a link. Answers the invitation as it now stands.
   */
  private async queueMail(tx: EntityManager, invitationId: string, token: string): Promise<InvitationRow> {
    const row = await this.invitations.byId(tx, invitationId);
    if (!row) {
      throw new Error(`Invitation ${invitationId} vanished while its mail was queued`);
    }
    const label = ROLE_LABELS[row.role].toLowerCase();
    const what = row.commune_name ? `${label} de la commune ${ofPlace(row.commune_name)}` : label;
    const elsewhere = await this.users.activeByEmail(row.email, tx);
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
    return row;
  }

  /** Counted in the caller's transaction: a refused or failed invitation sends nothing and counts nothing. */
  private async countMail(tx: EntityManager, email: string, departementCode: string, communeInsee: string | null): Promise<void> {
    // Per workspace as well as per address: another commune's invitations to the same address must not show here.
    const { hits, resetsInSeconds } = await this.counters.hit(invitationMailKey(departementCode, communeInsee, email), 3600, tx);
    if (hits > INVITATION_MAILS_PER_HOUR) {
      throw new WorkspacesException('INVITATION_MAIL_LIMIT', resetsInSeconds);
    }
  }

  async describe(token: string): Promise<InvitationDto> {
    const row = await this.findOpen(this.db.manager, token);
    if (!row) {
      throw new WorkspacesException('INVITATION_INVALID');
    }
    return toInvitation(row);
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
        await this.workspaces.lock(tx, preview.commune_insee);
      }
      const invitation = await this.invitations.lockOpen(tx, hashToken(token));
      if (!invitation) {
        throw new WorkspacesException('INVITATION_INVALID');
      }
      const existing = await this.invitations.lockAccount(tx, invitation.email);
      const account = {
        displayName,
        role: invitation.role,
        departementCode: invitation.departement_code,
        communeInsee: invitation.commune_insee,
        passwordHash,
      };
      let userId: string;
      if (existing?.state === 'ACTIVE') {
        throw new WorkspacesException('ALREADY_MEMBER');
      } else if (existing) {
        // A former member comes back: same account (their history stays theirs), fresh credentials.
        await this.invitations.reactivateAccount(tx, existing.id, account);
        userId = existing.id;
      } else {
        userId = await this.invitations.createAccount(tx, { email: invitation.email, ...account });
      }
      await this.invitations.markAccepted(tx, invitation.id);
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
    return this.invitations.findOpen(hashToken(token), manager);
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
