import type { MeDto, Role } from '@passerelle/shared/dto';

/** A row of app_user with the names of its département and commune (never sent as is: see toMe). */
export interface UserRecord {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  state: 'ACTIVE' | 'DISABLED';
  departement_code: string;
  departement_name: string;
  commune_insee: string | null;
  commune_name: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: string | null;
  totp_exempt: boolean;
  last_sign_in_at: Date | null;
  created_at: Date;
  /** Disabled by an admin (or removed from a team): a deletion pending on such an account is not cancelled by signing in. */
  disabled_at: Date | null;
  /** A deletion asked and not carried out yet: the account is `DISABLED` until then, signing in cancels it. */
  deletion_due_at: Date | null;
  /** The account was deleted: its row only keeps what the pseudonym of its writings needs. */
  deleted_at: Date | null;
}

export const USER_SELECT = `
  SELECT u.id, u.email, u.display_name, u.role, u.state, u.departement_code, d.name AS departement_name,
         u.commune_insee, c.name AS commune_name, u.password_hash, u.totp_secret, u.totp_pending_secret,
         u.totp_enabled_at, u.totp_last_step, u.totp_exempt, u.last_sign_in_at, u.created_at, u.disabled_at,
         u.deletion_due_at, u.deleted_at
    FROM app_user u
    JOIN departement d ON d.code = u.departement_code
    LEFT JOIN commune c ON c.insee = u.commune_insee`;

/**
 * The SQL twin of `maySignIn`, on an app_user alias: active, or disabled only by its own pending deletion (which
 * signing in cancels). An account disabled by an admin, or deleted, never signs in.
 */
export function maySignInSql(alias: string): string {
  return `(${alias}.state = 'ACTIVE' OR (${alias}.deletion_due_at IS NOT NULL AND ${alias}.disabled_at IS NULL AND ${alias}.deleted_at IS NULL))`;
}

/** Whether the account may sign in (see `maySignInSql`). */
export function maySignIn(user: Pick<UserRecord, 'state' | 'disabled_at' | 'deletion_due_at' | 'deleted_at'>): boolean {
  return user.state === 'ACTIVE' || (user.deletion_due_at !== null && user.disabled_at === null && user.deleted_at === null);
}

export function isStaffRole(role: Role): boolean {
  return role === 'ADMIN' || role === 'AGENT';
}

/** Agents and admins must use a second factor, except the seeded demo accounts while the demo mode is on. */
export function totpRequired(user: Pick<UserRecord, 'role' | 'totp_exempt'>, demoMode: boolean): boolean {
  return isStaffRole(user.role) && !(demoMode && user.totp_exempt);
}

/** The settings that shape a user's profile: the demo mode (second factor) and the installation's admins. */
export interface ProfileSettings {
  demoMode: boolean;
  installationAdmins: readonly string[];
}

export function toMe(user: UserRecord, settings: ProfileSettings): MeDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    state: user.state,
    departement: { code: user.departement_code, name: user.departement_name },
    commune: user.commune_insee && user.commune_name ? { insee: user.commune_insee, name: user.commune_name } : null,
    totpEnabled: user.totp_enabled_at !== null,
    totpRequired: totpRequired(user, settings.demoMode),
    installationAdmin: user.role === 'ADMIN' && settings.installationAdmins.includes(user.email.toLowerCase()),
    createdAt: user.created_at.toISOString(),
    lastSignInAt: user.last_sign_in_at?.toISOString() ?? null,
  };
}
