/** Département staff: ADMIN and AGENT. Commune members: MAYOR and COLLABORATOR. */
export const ROLES = ['ADMIN', 'AGENT', 'MAYOR', 'COLLABORATOR'] as const;
export type Role = (typeof ROLES)[number];
export const DEPARTEMENT_ROLES: readonly Role[] = ['ADMIN', 'AGENT'];
export const COMMUNE_ROLES: readonly Role[] = ['MAYOR', 'COLLABORATOR'];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Administrateur du département',
  AGENT: 'Agent du département',
  MAYOR: 'Maire',
  COLLABORATOR: 'Collaborateur',
};

export type UserState = 'INVITED' | 'ACTIVE' | 'DISABLED';

/** A commune workspace: 1 mayor + 3 collaborators, pending invitations included. */
export const WORKSPACE_SEATS = 4;
export const MAX_COLLABORATORS = 3;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export interface MeDto {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  state: UserState;
  departement: { code: string; name: string };
  /** The commune of a mayor or collaborator; `null` for département staff. */
  commune: { insee: string; name: string } | null;
  totpEnabled: boolean;
  /** Agents and admins must have a second factor (waived for the demo accounts in demo mode only). */
  totpRequired: boolean;
  /** An admin of the installation (`INSTALLATION_ADMINS`): also keeps the simulator's national aid schemes. */
  installationAdmin: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface UpdateMeRequest {
  displayName: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

// --- Sign-in -------------------------------------------------------------------------------------------------

export interface LoginRequest {
  email: string;
  password: string;
}

/** Signed in: the access token lives in memory only; the refresh token is an HttpOnly cookie. */
export interface AuthenticatedResponse {
  status: 'AUTHENTICATED';
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: MeDto;
  /**
   * `true` when this sign-in cancelled the deletion of the account that its owner (or an admin on their request)
   * had asked for: the account is active again. Absent otherwise.
   */
  deletionCancelled?: boolean;
}

/** Password accepted; a TOTP code (or a recovery code) is needed to finish, with this short-lived challenge. */
export interface TotpRequiredResponse {
  status: 'TOTP_REQUIRED';
  challengeToken: string;
}

/** Password accepted; agents and admins without a second factor must enrol one before they get in. */
export interface TotpEnrolmentRequiredResponse {
  status: 'TOTP_ENROLMENT_REQUIRED';
  challengeToken: string;
}

export type LoginResponse = AuthenticatedResponse | TotpRequiredResponse | TotpEnrolmentRequiredResponse;

export interface LoginTotpRequest {
  challengeToken: string;
  /** 6-digit code of the authenticator app, or one of the recovery codes. */
  code: string;
}

/** Second factor set-up: show the QR code (or the secret for manual entry), then confirm with a first code. */
export interface TotpSetupDto {
  otpauthUri: string;
  /** SVG image of the QR code, as a `data:image/svg+xml;base64,…` URL. */
  qrCodeDataUrl: string;
  secret: string;
}

export interface TotpEnrolmentStartRequest {
  challengeToken: string;
}

export interface TotpConfirmRequest {
  code: string;
}

export interface TotpEnrolmentConfirmRequest {
  challengeToken: string;
  code: string;
}

/** Shown once: each code replaces the authenticator app for one sign-in. */
export interface RecoveryCodesDto {
  recoveryCodes: string[];
}

/** Enrolment at sign-in ends signed in, with the recovery codes to keep. */
export interface TotpEnrolmentCompletedResponse extends AuthenticatedResponse {
  recoveryCodes: string[];
}

export interface DisableTotpRequest {
  password: string;
}

export interface PasswordResetRequest {
  email: string;
}

/** `POST /auth/password-reset/check`: 204 while the link can be used, 404 `TOKEN_INVALID` otherwise. */
export interface PasswordResetCheckRequest {
  token: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export interface SessionDto {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

// --- Invitations and teams -------------------------------------------------------------------------------------

/** What the invitation page shows before the invitee chooses a name and a password. */
export interface InvitationDto {
  email: string;
  role: Role;
  commune: { insee: string; name: string } | null;
  departement: { code: string; name: string };
  invitedBy: string | null;
  expiresAt: string;
}

export interface AcceptInvitationRequest {
  displayName: string;
  password: string;
}

export interface CreateInvitationRequest {
  email: string;
  /** A mayor invites collaborators; an admin invites the mayor (opening the workspace). */
  role: 'MAYOR' | 'COLLABORATOR';
}

export type MemberStatus = 'ACTIVE' | 'PENDING';

/** A seat of the workspace: a member, or an invitation still pending (which holds a seat too). */
export interface MemberDto {
  /** User id for a member, invitation id for a pending invitation. */
  id: string;
  status: MemberStatus;
  email: string;
  displayName: string | null;
  role: 'MAYOR' | 'COLLABORATOR';
  invitedAt: string | null;
  /** For a pending invitation. */
  expiresAt: string | null;
  lastSignInAt: string | null;
  /** A member whose account deletion was asked: deleted then unless they sign in before (« Suppression prévue le … »). */
  deletionDueAt: string | null;
}

export interface TeamDto {
  commune: { insee: string; name: string };
  items: MemberDto[];
  total: number;
  seats: { total: number; used: number; free: number };
}

export interface OpenWorkspaceRequest {
  mayorEmail: string;
}

export interface ReplaceMayorRequest {
  email: string;
}

export type WorkspaceState = 'NONE' | 'OPEN';

/** A commune as the département's admin page lists it: is its workspace open, who is in it. */
export interface WorkspaceSummaryDto {
  insee: string;
  name: string;
  population: number;
  eligible: boolean;
  canton: string | null;
  state: WorkspaceState;
  openedAt: string | null;
  mayor: { displayName: string | null; email: string; status: MemberStatus } | null;
  seatsUsed: number;
}

export interface WorkspaceListQuery {
  q?: string;
  state?: WorkspaceState;
  eligible?: boolean;
  limit?: number;
  offset?: number;
}

export interface AgentDto {
  id: string;
  email: string;
  displayName: string | null;
  role: 'ADMIN' | 'AGENT';
  status: MemberStatus | 'DISABLED';
  totpEnabled: boolean;
  lastSignInAt: string | null;
  invitedAt: string | null;
  /** An account whose deletion was asked: deleted then unless its owner signs in before (« Suppression prévue le … »). */
  deletionDueAt: string | null;
}

export interface CreateAgentInvitationRequest {
  email: string;
  role: 'ADMIN' | 'AGENT';
}

/** A mail written to disk when no SMTP server is configured (demo mode only: `GET /api/dev/mails`). */
export interface DevMailDto {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
}

/**
 * Name of a cookie readable by scripts that only says "a session may exist" (value `1`, no secret): the front
 * end asks for a refresh at start only when it is there, so anonymous visits cost no request.
 */
export const SESSION_HINT_COOKIE = 'passerelle_session';
