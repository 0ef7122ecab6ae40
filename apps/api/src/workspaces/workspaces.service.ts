import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  MAX_COLLABORATORS,
  type MemberDto,
  type Page,
  type TeamDto,
  WORKSPACE_SEATS,
  type WorkspaceSummaryDto,
} from '@passerelle/shared/dto';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import type { RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { CommuneNotFoundException } from '../common/access/visible-commune';
import { isUuid } from '../common/http/uuid';
import type { WorkspaceListQueryDto } from './dto/workspaces.dto';
import { InvitationsRepository, type PendingInvitationRow } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { invitationAsMember, toMember, toWorkspaceSummary } from './workspace.mapper';
import { WorkspacesException } from './workspaces.exception';
import { type CommuneScopeRow, WorkspacesRepository } from './workspaces.repository';

/**
 * Commune workspaces: 1 mayor + 3 collaborators, pending invitations included. Every change of the seats
 * locks the workspace row first (SELECT … FOR UPDATE), so concurrent invitations are counted one after the
 * other and never exceed the free seats.
 */
@Injectable()
export class WorkspacesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workspaces: WorkspacesRepository,
    private readonly invitationRows: InvitationsRepository,
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async team(user: AuthUser, insee: string): Promise<TeamDto> {
    const commune = await this.scope(user, insee);
    if (!commune.opened_at) {
      throw new WorkspacesException('WORKSPACE_NOT_OPEN');
    }
    return this.teamOf(this.db.manager, commune);
  }

  async invite(user: AuthUser, insee: string, email: string, role: 'MAYOR' | 'COLLABORATOR', meta: RequestMeta): Promise<MemberDto> {
    const commune = await this.scope(user, insee);
    const allowed = role === 'MAYOR' ? user.role === 'ADMIN' : user.role === 'ADMIN' || user.role === 'MAYOR';
    if (!allowed) {
      throw new WorkspacesException('FORBIDDEN');
    }
    const { row } = await this.db.transaction(async (tx) => {
      await this.lockOpenWorkspace(tx, commune);
      await this.assertFreeSeat(tx, commune.insee, role);
      const created = await this.invitations.create(tx, {
        email,
        role,
        departementCode: commune.departement_code,
        communeInsee: commune.insee,
        invitedBy: user.id,
      });
      await this.audit.record(
        { action: 'INVITATION_CREATED', actorId: user.id, targetType: 'invitation', targetId: created.row.id, departementCode: commune.departement_code, communeInsee: commune.insee, details: { role } },
        meta,
        tx,
      );
      return created;
    });
    return toMember({ ...invitationAsMember(row) });
  }

  async resendInvitation(user: AuthUser, insee: string, invitationId: string, meta: RequestMeta): Promise<MemberDto> {
    const commune = await this.scope(user, insee);
    const { row } = await this.db.transaction(async (tx) => {
      await this.lockOpenWorkspace(tx, commune);
      const invitation = await this.pendingInvitation(tx, commune.insee, invitationId);
      this.assertMayActOn(user, invitation.role);
      if (invitation.expired) {
        // An expired invitation gave its seat back (the seats count only live ones): it takes one again only if
        // one is free now, counted under the workspace lock like a new invitation.
        await this.assertFreeSeat(tx, commune.insee, invitation.role);
      }
      const renewed = await this.invitations.renew(tx, invitation.id);
      await this.audit.record(
        { action: 'INVITATION_RESENT', actorId: user.id, targetType: 'invitation', targetId: invitation.id, departementCode: commune.departement_code, communeInsee: commune.insee },
        meta,
        tx,
      );
      return renewed;
    });
    return toMember(invitationAsMember(row));
  }

  async revokeInvitation(user: AuthUser, insee: string, invitationId: string, meta: RequestMeta): Promise<void> {
    const commune = await this.scope(user, insee);
    await this.db.transaction(async (tx) => {
      await this.lockOpenWorkspace(tx, commune);
      const invitation = await this.pendingInvitation(tx, commune.insee, invitationId);
      this.assertMayActOn(user, invitation.role);
      await this.invitationRows.revoke(tx, invitation.id);
      await this.audit.record(
        { action: 'INVITATION_REVOKED', actorId: user.id, targetType: 'invitation', targetId: invitation.id, departementCode: commune.departement_code, communeInsee: commune.insee },
        meta,
        tx,
      );
    });
  }

  /** The mayor (or an admin) removes a collaborator: the account is disabled and its sessions end at once. */
  async removeMember(user: AuthUser, insee: string, memberId: string, meta: RequestMeta): Promise<void> {
    const commune = await this.scope(user, insee);
    await this.db.transaction(async (tx) => {
      await this.lockOpenWorkspace(tx, commune);
      const member = isUuid(memberId) ? await this.workspaces.activeMember(tx, commune.insee, memberId) : null;
      if (!member) {
        throw new WorkspacesException('MEMBER_NOT_FOUND');
      }
      if (member.role !== 'COLLABORATOR') {
        // The mayor leaves only through "replace the mayor", so that a commune is never left without one by mistake.
        throw new WorkspacesException('FORBIDDEN');
      }
      this.assertMayActOn(user, 'COLLABORATOR');
      await this.workspaces.disableUser(tx, member.id);
      await this.sessions.revokeAll(member.id, 'DISABLED', tx);
      await this.audit.record(
        { action: 'MEMBER_REMOVED', actorId: user.id, targetType: 'user', targetId: member.id, departementCode: commune.departement_code, communeInsee: commune.insee },
        meta,
        tx,
      );
    });
  }

  /** Admin: opens the workspace of an eligible commune of the département and invites its mayor. */
  async open(user: AuthUser, insee: string, mayorEmail: string, meta: RequestMeta): Promise<TeamDto> {
    const commune = await this.scope(user, insee);
    if (!commune.eligible) {
      throw new WorkspacesException('COMMUNE_NOT_ELIGIBLE');
    }
    return this.db.transaction(async (tx) => {
      const openedAt = await this.workspaces.open(tx, commune.insee, user.id);
      if (!openedAt) {
        throw new WorkspacesException('WORKSPACE_ALREADY_OPEN');
      }
      await this.workspaces.lock(tx, commune.insee);
      await this.invitations.create(tx, {
        email: mayorEmail,
        role: 'MAYOR',
        departementCode: commune.departement_code,
        communeInsee: commune.insee,
        invitedBy: user.id,
      });
      await this.audit.record(
        { action: 'WORKSPACE_OPENED', actorId: user.id, targetType: 'commune', targetId: commune.insee, departementCode: commune.departement_code, communeInsee: commune.insee },
        meta,
        tx,
      );
      return this.teamOf(tx, { ...commune, opened_at: openedAt });
    });
  }

  /** Admin, after municipal elections: the former mayor loses access at once, the new one is invited. */
  async replaceMayor(user: AuthUser, insee: string, email: string, meta: RequestMeta): Promise<TeamDto> {
    const commune = await this.scope(user, insee);
    return this.db.transaction(async (tx) => {
      await this.lockOpenWorkspace(tx, commune);
      const former = await this.workspaces.disableMayors(tx, commune.insee);
      for (const mayor of former) {
        await this.sessions.revokeAll(mayor.id, 'DISABLED', tx);
      }
      await this.invitationRows.revokeMayorInvitations(tx, commune.insee);
      await this.invitations.create(tx, {
        email,
        role: 'MAYOR',
        departementCode: commune.departement_code,
        communeInsee: commune.insee,
        invitedBy: user.id,
      });
      await this.audit.record(
        { action: 'MAYOR_REPLACED', actorId: user.id, targetType: 'commune', targetId: commune.insee, departementCode: commune.departement_code, communeInsee: commune.insee, details: { formerMayorId: former[0]?.id ?? null } },
        meta,
        tx,
      );
      return this.teamOf(tx, commune);
    });
  }

  async list(user: AuthUser, code: string, query: WorkspaceListQueryDto): Promise<Page<WorkspaceSummaryDto>> {
    if (code !== user.departementCode) {
      throw new WorkspacesException('DEPARTEMENT_NOT_FOUND');
    }
    const rows = await this.workspaces.list(code, {
      q: query.q?.trim() || null,
      state: query.state ?? null,
      eligible: query.eligible ?? null,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: rows.map(toWorkspaceSummary), total: rows.length > 0 ? Number(rows[0].total) : 0, limit: query.limit, offset: query.offset };
  }

  /**
   * The commune if the user may see it: their own commune for its members, any commune of their département
   * for its staff. Anything else is "not found", exactly like a commune that does not exist.
   */
  private async scope(user: AuthUser, insee: string): Promise<CommuneScopeRow> {
    const commune = await this.workspaces.findVisibleCommune(user, insee);
    if (!commune) {
      throw new CommuneNotFoundException();
    }
    return commune;
  }

  private async lockOpenWorkspace(tx: EntityManager, commune: CommuneScopeRow): Promise<void> {
    if (!(await this.workspaces.lock(tx, commune.insee))) {
      throw new WorkspacesException('WORKSPACE_NOT_OPEN');
    }
  }

  /** Counted under the workspace lock, pending invitations included. */
  private async assertFreeSeat(tx: EntityManager, insee: string, role: 'MAYOR' | 'COLLABORATOR'): Promise<void> {
    const seats = await this.workspaces.seats(tx, insee);
    const taken = seats.filter((s) => s.role === role).length;
    if (role === 'MAYOR' && taken >= 1) {
      throw new WorkspacesException('MAYOR_SEAT_TAKEN');
    }
    if (role === 'COLLABORATOR' && (taken >= MAX_COLLABORATORS || seats.length >= WORKSPACE_SEATS)) {
      throw new WorkspacesException('NO_FREE_SEAT');
    }
  }

  private async pendingInvitation(tx: EntityManager, insee: string, invitationId: string): Promise<PendingInvitationRow> {
    const invitation = isUuid(invitationId) ? await this.invitationRows.pendingInCommune(tx, insee, invitationId) : null;
    if (!invitation) {
      throw new WorkspacesException('INVITATION_NOT_FOUND');
    }
    return invitation;
  }

  /** Collaborators' seats are the mayor's business (and the admin's); the mayor's seat is the admin's only. */
  private assertMayActOn(user: AuthUser, role: 'MAYOR' | 'COLLABORATOR'): void {
    const allowed = user.role === 'ADMIN' || (role === 'COLLABORATOR' && user.role === 'MAYOR');
    if (!allowed) {
      throw new WorkspacesException('FORBIDDEN');
    }
  }

  private async teamOf(manager: EntityManager, commune: CommuneScopeRow): Promise<TeamDto> {
    const items = (await this.workspaces.seats(manager, commune.insee)).map(toMember);
    return {
      commune: { insee: commune.insee, name: commune.name },
      items,
      total: items.length,
      seats: { total: WORKSPACE_SEATS, used: items.length, free: Math.max(0, WORKSPACE_SEATS - items.length) },
    };
  }
}
