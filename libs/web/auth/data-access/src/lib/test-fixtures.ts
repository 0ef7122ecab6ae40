import type { AuthenticatedResponse, MeDto, Role } from '@passerelle/shared/dto';

/** A signed-in user of the given role, as `/api/me` describes them. */
export function aUser(role: Role, overrides: Partial<MeDto> = {}): MeDto {
  const commune = role === 'MAYOR' || role === 'COLLABORATOR' ? { insee: '95002', name: 'Ableiges' } : null;
  return {
    id: `user-${role.toLowerCase()}`,
    email: `${role.toLowerCase()}@example.fr`,
    displayName: `Utilisateur ${role}`,
    role,
    state: 'ACTIVE',
    departement: { code: '95', name: "Val-d'Oise" },
    commune,
    totpEnabled: false,
    totpRequired: role === 'ADMIN' || role === 'AGENT',
    installationAdmin: false,
    createdAt: '2026-01-01T00:00:00Z',
    lastSignInAt: null,
    ...overrides,
  };
}

export function anAuthenticatedResponse(accessToken: string, role: Role = 'MAYOR'): AuthenticatedResponse {
  return { status: 'AUTHENTICATED', accessToken, expiresIn: 900, user: aUser(role) };
}
