import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AgentDto, Page } from '@passerelle/shared/dto';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import type { RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import type { PageQueryDto } from '../common/pagination/page-query.dto';
import { isUuid } from '../common/http/uuid';
import { InvitationsService } from '../workspaces/invitations.service';
import { WorkspacesException } from '../workspaces/workspaces.exception';
import { changedRows } from '../database/changed-rows';

interface AgentRow {
  id: string;
  email: string;
  display_name: string | null;
  role: 'ADMIN' | 'AGENT';
  status: 'ACTIVE' | 'PENDING' | 'DISABLED';
  totp_enabled: boolean;
  last_sign_in_at: Date | null;
  invited_at: Date | null;
  total: string;
}

/** The département's agents and admins, managed by its admins. */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(admin: AuthUser, code: string, query: PageQueryDto): Promise<Page<AgentDto>> {
    this.assertOwnDepartement(admin, code);
    const rows: AgentRow[] = await this.db.query(
      `SELECT *, count(*) OVER () AS total FROM (
         SELECT u.id, u.email, u.display_name, u.role::text AS role, u.state::text AS status,
                u.totp_enabled_at IS NOT NULL AS totp_enabled, u.last_sign_in_at, NULL::timestamptz AS invited_at
           FROM app_user u WHERE u.departement_code = $1 AND u.role IN ('ADMIN', 'AGENT')
         UNION ALL
         SELECT i.id, i.email, NULL, i.role::text, 'PENDING', false, NULL, i.created_at
           FROM invitation i
          WHERE i.departement_code = $1 AND i.role IN ('ADMIN', 'AGENT') AND i.accepted_at IS NULL
            AND i.revoked_at IS NULL AND i.expires_at > now()
       ) staff
       ORDER BY (status = 'DISABLED'), role, email
       LIMIT $2 OFFSET $3`,
      [code, query.limit, query.offset],
    );
    return {
      items: rows.map(toAgent),
      total: rows.length > 0 ? Number(rows[0].total) : 0,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async invite(admin: AuthUser, code: string, email: string, role: 'ADMIN' | 'AGENT', meta: RequestMeta): Promise<AgentDto> {
    this.assertOwnDepartement(admin, code);
    const { row } = await this.db.transaction(async (tx) => {
      const created = await this.invitations.create(tx, { email, role, departementCode: code, communeInsee: null, invitedBy: admin.id });
      await this.audit.record(
        { action: 'INVITATION_CREATED', actorId: admin.id, targetType: 'invitation', targetId: created.row.id, departementCode: code, details: { role } },
        meta,
        tx,
      );
      return created;
    });
    return {
      id: row.id,
      email: row.email,
      displayName: null,
      role,
      status: 'PENDING',
      totpEnabled: false,
      lastSignInAt: null,
      invitedAt: row.created_at.toISOString(),
    };
  }

  async disable(admin: AuthUser, code: string, userId: string, meta: RequestMeta): Promise<void> {
    this.assertOwnDepartement(admin, code);
    // Ids are compared in one spelling (the controller's pipe lower-cases them; this stays true without it).
    if (userId.toLowerCase() === admin.id.toLowerCase()) {
      throw new WorkspacesException('CANNOT_DISABLE_SELF');
    }
    await this.db.transaction(async (tx) => {
      const disabled = isUuid(userId)
        ? await changedRows(
            tx,
            `UPDATE app_user SET state = 'DISABLED', disabled_at = now(), updated_at = now()
              WHERE id = $1 AND departement_code = $2 AND role IN ('ADMIN', 'AGENT') AND state = 'ACTIVE' RETURNING id`,
            [userId, code],
          )
        : [];
      if (disabled.length === 0) {
        throw new WorkspacesException('MEMBER_NOT_FOUND');
      }
      await this.sessions.revokeAll(userId, 'DISABLED', tx);
      await this.audit.record({ action: 'AGENT_DISABLED', actorId: admin.id, targetType: 'user', targetId: userId, departementCode: code }, meta, tx);
    });
  }

  private assertOwnDepartement(admin: AuthUser, code: string): void {
    if (admin.departementCode !== code) {
      throw new WorkspacesException('DEPARTEMENT_NOT_FOUND');
    }
  }
}

function toAgent(row: AgentRow): AgentDto {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    status: row.status,
    totpEnabled: row.totp_enabled,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    invitedAt: row.invited_at?.toISOString() ?? null,
  };
}
