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
import { toAgent } from './staff.mapper';
import { StaffRepository } from './staff.repository';

/** The département's agents and admins, managed by its admins. */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly staff: StaffRepository,
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(admin: AuthUser, code: string, query: PageQueryDto): Promise<Page<AgentDto>> {
    this.assertOwnDepartement(admin, code);
    const rows = await this.staff.list(code, query.limit, query.offset);
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
      deletionDueAt: null,
    };
  }

  async disable(admin: AuthUser, code: string, userId: string, meta: RequestMeta): Promise<void> {
    this.assertOwnDepartement(admin, code);
    // Ids are compared in one spelling (the controller's pipe lower-cases them; this stays true without it).
    if (userId.toLowerCase() === admin.id.toLowerCase()) {
      throw new WorkspacesException('CANNOT_DISABLE_SELF');
    }
    await this.db.transaction(async (tx) => {
      const disabled = isUuid(userId) && (await this.staff.disable(tx, userId, code));
      if (!disabled) {
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
