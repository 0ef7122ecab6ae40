import type { InvitationDto, MemberDto, MemberStatus, WorkspaceSummaryDto } from '@passerelle/shared/dto';
import type { InvitationRow } from './invitations.repository';

/** A seat of a commune: an active member or a live pending invitation. */
export interface MemberRow {
  id: string;
  status: 'ACTIVE' | 'PENDING';
  email: string;
  display_name: string | null;
  role: 'MAYOR' | 'COLLABORATOR';
  invited_at: Date | null;
  expires_at: Date | null;
  last_sign_in_at: Date | null;
  deletion_due_at: Date | null;
}

/** A commune of the département's list, with its workspace, its mayor and its seats. */
export interface WorkspaceSummaryRow {
  insee: string;
  name: string;
  population: number;
  eligible: boolean;
  canton: string | null;
  opened_at: Date | null;
  mayor_email: string | null;
  mayor_name: string | null;
  mayor_status: MemberStatus | null;
  /** bigint: a string. */
  seats_used: string;
  total: string;
}

export function toMember(row: MemberRow): MemberDto {
  return {
    id: row.id,
    status: row.status,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    invitedAt: row.invited_at ? new Date(row.invited_at).toISOString() : null,
    expiresAt: row.expires_at ? new Date(row.expires_at).toISOString() : null,
    lastSignInAt: row.last_sign_in_at ? new Date(row.last_sign_in_at).toISOString() : null,
    deletionDueAt: row.deletion_due_at ? new Date(row.deletion_due_at).toISOString() : null,
  };
}

/** A commune invitation as the seat it holds. */
export function invitationAsMember(row: InvitationRow): MemberRow {
  return {
    id: row.id,
    status: 'PENDING',
    email: row.email,
    display_name: null,
    role: row.role as 'MAYOR' | 'COLLABORATOR',
    invited_at: row.created_at,
    expires_at: row.expires_at,
    last_sign_in_at: null,
    deletion_due_at: null,
  };
}

export function toWorkspaceSummary(row: WorkspaceSummaryRow): WorkspaceSummaryDto {
  return {
    insee: row.insee,
    name: row.name,
    population: row.population,
    eligible: row.eligible,
    canton: row.canton ?? null,
    state: row.opened_at ? 'OPEN' : 'NONE',
    openedAt: row.opened_at ? row.opened_at.toISOString() : null,
    mayor: row.mayor_email
      ? { email: row.mayor_email, displayName: row.mayor_name ?? null, status: row.mayor_status as MemberStatus }
      : null,
    seatsUsed: Number(row.seats_used),
  };
}

/** What the invitation page shows before the invitee accepts. */
export function toInvitation(row: InvitationRow): InvitationDto {
  return {
    email: row.email,
    role: row.role,
    commune: row.commune_insee && row.commune_name ? { insee: row.commune_insee, name: row.commune_name } : null,
    departement: { code: row.departement_code, name: row.departement_name },
    invitedBy: row.invited_by_name,
    expiresAt: row.expires_at.toISOString(),
  };
}
