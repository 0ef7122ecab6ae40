import type { AgentDto } from '@passerelle/shared/dto';

/** An agent or admin of the département, or a live invitation to become one. */
export interface AgentRow {
  id: string;
  email: string;
  display_name: string | null;
  role: 'ADMIN' | 'AGENT';
  status: 'ACTIVE' | 'PENDING' | 'DISABLED';
  totp_enabled: boolean;
  last_sign_in_at: Date | null;
  invited_at: Date | null;
  deletion_due_at: Date | null;
}

export function toAgent(row: AgentRow): AgentDto {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    status: row.status,
    totpEnabled: row.totp_enabled,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    invitedAt: row.invited_at?.toISOString() ?? null,
    deletionDueAt: row.deletion_due_at?.toISOString() ?? null,
  };
}
