import type { Role } from '@passerelle/shared/dto';

/** The signed-in user of a request, as the access guard loaded it (session checked on every request). */
export interface AuthUser {
  id: string;
  sessionId: string;
  email: string;
  role: Role;
  departementCode: string;
  /** Set for mayors and collaborators only. */
  communeInsee: string | null;
}

export function isStaff(user: Pick<AuthUser, 'role'>): boolean {
  return user.role === 'ADMIN' || user.role === 'AGENT';
}
