import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestMeta } from '../common/access/access.decorators';

export type AuditAction =
  | 'AUTH_LOGIN_SUCCEEDED'
  | 'AUTH_LOGIN_FAILED'
  | 'AUTH_TOTP_FAILED'
  | 'AUTH_ACCOUNT_LOCKED'
  | 'AUTH_LOGOUT'
  | 'SESSION_ENDED'
  | 'SESSION_REFRESH_REUSED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET_REQUESTED'
  | 'PASSWORD_RESET_COMPLETED'
  | 'TOTP_ENABLED'
  | 'TOTP_DISABLED'
  | 'TOTP_RECOVERY_CODES_RENEWED'
  | 'PROFILE_UPDATED'
  | 'DATA_EXPORTED'
  | 'WORKSPACE_OPENED'
  | 'INVITATION_CREATED'
  | 'INVITATION_RESENT'
  | 'INVITATION_REVOKED'
  | 'INVITATION_ACCEPTED'
  | 'MEMBER_REMOVED'
  | 'MAYOR_REPLACED'
  | 'AGENT_DISABLED'
  | 'DOCUMENT_DOWNLOADED'
  | 'PUBLICATION_REQUEST'
  | 'PUBLICATION_CONSENT'
  | 'PUBLICATION_APPROVE'
  | 'PUBLICATION_REJECT'
  | 'PUBLICATION_WITHDRAW'
  | 'MAIL_RESENT';

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  targetType?: string;
  targetId?: string;
  departementCode?: string | null;
  communeInsee?: string | null;
  /** Never a password, a token or a code. */
  details?: Record<string, unknown>;
}

/** Who did what, on what, from where, when (UTC). Written in the caller's transaction when it has one. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(entry: AuditEntry, meta: RequestMeta | null, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_id, action, target_type, target_id, departement_code, commune_insee, request_id, ip, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.actorId ?? null,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        entry.departementCode ?? null,
        entry.communeInsee ?? null,
        meta?.requestId ?? null,
        meta?.ip ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
    this.logger.log(`${entry.action}${entry.targetId ? ` ${entry.targetType}:${entry.targetId}` : ''} [${meta?.requestId ?? '-'}]`);
  }
}
