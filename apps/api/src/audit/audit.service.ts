import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestMeta } from '../common/access/access.decorators';
import { AuditRepository } from './audit.repository';

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
  | 'DEPT_PROJECT_CREATED'
  | 'DEPT_PROJECT_UPDATED'
  | 'DEPT_PROJECT_DELETED'
  | 'DEPT_PROJECT_LEAD_CHANGED'
  | 'DEPT_REPORT_APPROVE'
  | 'DEPT_REPORT_REJECT'
  | 'MAIL_RESENT'
  | 'AID_GRANTS_IMPORTED'
  | 'AID_GRANT_IMPORT_DELETED'
  | 'DATA_EXPORT_REQUESTED'
  | 'DATA_EXPORT_DOWNLOADED'
  | 'ACCOUNT_DELETION_REQUESTED'
  | 'ACCOUNT_DELETION_CANCELLED'
  | 'ACCOUNT_DELETED'
  | 'RETENTION_RUN';

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

  constructor(private readonly events: AuditRepository) {}

  async record(entry: AuditEntry, meta: RequestMeta | null, manager?: EntityManager): Promise<void> {
    await this.events.insert(
      {
        actorId: entry.actorId ?? null,
        action: entry.action,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        departementCode: entry.departementCode ?? null,
        communeInsee: entry.communeInsee ?? null,
        requestId: meta?.requestId ?? null,
        ip: meta?.ip ?? null,
        details: entry.details ?? {},
      },
      manager,
    );
    this.logger.log(`${entry.action}${entry.targetId ? ` ${entry.targetType}:${entry.targetId}` : ''} [${meta?.requestId ?? '-'}]`);
  }
}
