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
import { visibleCommune } from '../common/access/visible-commune';
import { isUuid } from '../common/http/uuid';
import type { WorkspaceListQueryDto } from './dto/workspaces.dto';
import { type InvitationRow, InvitationsService } from './invitations.service';
import { WorkspacesException } from './workspaces.exception';
import { changedRows } from '../database/changed-rows';

interface CommuneScope {
  insee: string;
  name: string;
  departement_code: string;
  eligible: boolean;
  opened_at: Date | null;
}

interface MemberRow {
  id: string;
  status: 'ACTIVE' | 'PENDING';
  email: string;
  display_name: string | null;
  role: 'MAYOR' | 'COLLABORATOR';
  invited_at: Date | null;
  expires_at: Date | null;
  last_sign_in_at: Date | null;
}

/** Members and pending invitations of a commune: together they hold its seats. */
const SEATS_SQL = `
  SELECT u.id, 'ACTIVE' AS status, u.email, u.display_name, u.role::text AS role, NULL::timestamptz AS invited_at,
         NULL::timestamptz AS expires_at, u.last_sign_in_at
    FROM app_user u WHERE u.commune_insee = $1 AND u.state = 'ACTIVE'
  UNION ALL
  SELECT i.id, 'PENDING', i.email, NULL, i.role::text, i.created_at, i.expires_at, NULL
    FROM invitation i
   WHERE i.commune_insee = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`;

/**
 * Commune workspaces: 1 mayor + 3 collaborators, pending invitations included. Every change of the seats
 * locks the workspace row first (SELECT … FOR UPDATE), so concurrent invitations are counted one after the
 * other and never exceed the free seats.
 */
@Injectable()
export class WorkspacesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
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
      await tx.query(`UPDATE invitation SET revoked_at = now() WHERE id = $1`, [invitation.id]);
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
      const [member] = isUuid(memberId)
        ? await tx.query(`SELECT id, role FROM app_user WHERE id = $1 AND commune_insee = $2 AND state = 'ACTIVE'`, [memberId, commune.insee])
        : [];
      if (!member) {
        throw new WorkspacesException('MEMBER_NOT_FOUND');
      }
      if (member.role !== 'COLLABORATOR') {
        // The mayor leaves only through "replace the mayor", so that a commune is never left without one by mistake.
        throw new WorkspacesException('FORBIDDEN');
      }
      this.assertMayActOn(user, 'COLLABORATOR');
      await tx.query(`UPDATE app_user SET state = 'DISABLED', disabled_at = now(), updated_at = now() WHERE id = $1`, [member.id]);
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
      const opened = await tx.query(
        `INSERT INTO commune_workspace (commune_insee, opened_by) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING opened_at`,
        [commune.insee, user.id],
      );
      if (opened.length === 0) {
        throw new WorkspacesException('WORKSPACE_ALREADY_OPEN');
      }
      await tx.query(`SELECT 1 FROM commune_workspace WHERE commune_insee = $1 FOR UPDATE`, [commune.insee]);
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
      return this.teamOf(tx, { ...commune, opened_at: opened[0].opened_at });
    });
  }

  /** Admin, after municipal elections: the former mayor loses access at once, the new one is invited. */
  async replaceMayor(user: AuthUser, insee: string, email: string, meta: RequestMeta): Promise<TeamDto> {
    const commune = await this.scope(user, insee);
    return this.db.transaction(async (tx) => {
      await this.lockOpenWorkspace(tx, commune);
      const former = await changedRows<{ id: string }>(
        tx,
        `UPDATE app_user SET state = 'DISABLED', disabled_at = now(), updated_at = now()
          WHERE commune_insee = $1 AND role = 'MAYOR' AND state = 'ACTIVE' RETURNING id`,
        [commune.insee],
      );
      for (const mayor of former) {
        await this.sessions.revokeAll(mayor.id, 'DISABLED', tx);
      }
      await tx.query(
        `UPDATE invitation SET revoked_at = now()
          WHERE commune_insee = $1 AND role = 'MAYOR' AND accepted_at IS NULL AND revoked_at IS NULL`,
        [commune.insee],
      );
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
    const q = query.q?.trim() || null;
    const rows = await this.db.query(
      `SELECT c.insee, c.name, c.population, c.eligible, ca.name AS canton, w.opened_at,
              mayor.email AS mayor_email, mayor.display_name AS mayor_name, mayor.status AS mayor_status,
              (SELECT count(*) FROM app_user u WHERE u.commune_insee = c.insee AND u.state = 'ACTIVE')
              + (SELECT count(*) FROM invitation i WHERE i.commune_insee = c.insee AND i.accepted_at IS NULL
                    AND i.revoked_at IS NULL AND i.expires_at > now()) AS seats_used,
              count(*) OVER () AS total
         FROM commune c
         LEFT JOIN canton ca ON ca.code = c.canton_code
         LEFT JOIN commune_workspace w ON w.commune_insee = c.insee
         LEFT JOIN LATERAL (
           SELECT u.email, u.display_name, 'ACTIVE' AS status FROM app_user u
            WHERE u.commune_insee = c.insee AND u.role = 'MAYOR' AND u.state = 'ACTIVE'
           UNION ALL
           SELECT i.email, NULL, 'PENDING' FROM invitation i
            WHERE i.commune_insee = c.insee AND i.role = 'MAYOR' AND i.accepted_at IS NULL AND i.revoked_at IS NULL
              AND i.expires_at > now()
           LIMIT 1
         ) mayor ON true
        WHERE c.departement_code = $1
          AND ($2::text IS NULL OR c.search_key LIKE '%' || search_key($2) || '%' OR c.insee = $2)
          AND ($3::text IS NULL OR ($3 = 'OPEN') = (w.commune_insee IS NOT NULL))
          AND ($4::boolean IS NULL OR c.eligible = $4)
        ORDER BY (w.commune_insee IS NULL), c.search_key
        LIMIT $5 OFFSET $6`,
      [code, q, query.state ?? null, query.eligible ?? null, query.limit, query.offset],
    );
    const items = rows.map(
      (r: Record<string, unknown>): WorkspaceSummaryDto => ({
        insee: r['insee'] as string,
        name: r['name'] as string,
        population: r['population'] as number,
        eligible: r['eligible'] as boolean,
        canton: (r['canton'] as string | null) ?? null,
        state: r['opened_at'] ? 'OPEN' : 'NONE',
        openedAt: r['opened_at'] ? (r['opened_at'] as Date).toISOString() : null,
        mayor: r['mayor_email']
          ? { email: r['mayor_email'] as string, displayName: (r['mayor_name'] as string | null) ?? null, status: r['mayor_status'] as 'ACTIVE' | 'PENDING' }
          : null,
        seatsUsed: Number(r['seats_used']),
      }),
    );
    return { items, total: rows.length > 0 ? Number(rows[0].total) : 0, limit: query.limit, offset: query.offset };
  }

  /**
   * The commune if the user may see it: their own commune for its members, any commune of their département
   * for its staff. Anything else is "not found", exactly like a commune that does not exist.
   */
  private async scope(user: AuthUser, insee: string): Promise<CommuneScope> {
    return visibleCommune<CommuneScope>(
      this.db,
      user,
      insee,
      'c.insee, c.name, c.departement_code, c.eligible, w.opened_at',
      'LEFT JOIN commune_workspace w ON w.commune_insee = c.insee',
    );
  }

  private async lockOpenWorkspace(tx: EntityManager, commune: CommuneScope): Promise<void> {
    const locked = await tx.query(`SELECT 1 FROM commune_workspace WHERE commune_insee = $1 FOR UPDATE`, [commune.insee]);
    if (locked.length === 0) {
      throw new WorkspacesException('WORKSPACE_NOT_OPEN');
    }
  }

  /** Counted under the workspace lock, pending invitations included. */
  private async assertFreeSeat(tx: EntityManager, insee: string, role: 'MAYOR' | 'COLLABORATOR'): Promise<void> {
    const seats: MemberRow[] = await tx.query(SEATS_SQL, [insee]);
    const taken = seats.filter((s) => s.role === role).length;
    if (role === 'MAYOR' && taken >= 1) {
      throw new WorkspacesException('MAYOR_SEAT_TAKEN');
    }
    if (role === 'COLLABORATOR' && (taken >= MAX_COLLABORATORS || seats.length >= WORKSPACE_SEATS)) {
      throw new WorkspacesException('NO_FREE_SEAT');
    }
  }

  private async pendingInvitation(
    tx: EntityManager,
    insee: string,
    invitationId: string,
  ): Promise<{ id: string; role: 'MAYOR' | 'COLLABORATOR'; expired: boolean }> {
    const [invitation] = isUuid(invitationId)
      ? await tx.query(
          `SELECT id, role, expires_at <= now() AS expired FROM invitation
            WHERE id = $1 AND commune_insee = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
          [invitationId, insee],
        )
      : [];
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

  private async teamOf(manager: EntityManager, commune: CommuneScope): Promise<TeamDto> {
    const rows: MemberRow[] = await manager.query(`${SEATS_SQL} ORDER BY 5 DESC, 2, 3`, [commune.insee]);
    const items = rows.map(toMember);
    return {
      commune: { insee: commune.insee, name: commune.name },
      items,
      total: items.length,
      seats: { total: WORKSPACE_SEATS, used: items.length, free: Math.max(0, WORKSPACE_SEATS - items.length) },
    };
  }
}

function invitationAsMember(row: InvitationRow): MemberRow {
  return {
    id: row.id,
    status: 'PENDING',
    email: row.email,
    display_name: null,
    role: row.role as 'MAYOR' | 'COLLABORATOR',
    invited_at: row.created_at,
    expires_at: row.expires_at,
    last_sign_in_at: null,
  };
}

function toMember(row: MemberRow): MemberDto {
  return {
    id: row.id,
    status: row.status,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    invitedAt: row.invited_at ? new Date(row.invited_at).toISOString() : null,
    expiresAt: row.expires_at ? new Date(row.expires_at).toISOString() : null,
    lastSignInAt: row.last_sign_in_at ? new Date(row.last_sign_in_at).toISOString() : null,
  };
}
