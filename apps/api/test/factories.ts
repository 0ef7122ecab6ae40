import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AuthenticatedResponse, DevMailDto, LoginResponse, Page, Role } from '@passerelle/shared/dto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../src/auth/passwords';

export const PASSWORD = 'lavoir ciboulette trombone 42';
let hashed: Promise<string> | null = null;
let counter = 0;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  communeInsee: string | null;
}

/** A user straight in the database (the invitation flow has tests of its own). */
export async function createUser(
  db: DataSource,
  options: { role: Role; communeInsee?: string | null; departementCode?: string; email?: string; totpExempt?: boolean },
): Promise<TestUser> {
  hashed ??= hashPassword(PASSWORD);
  const email = options.email ?? `${options.role.toLowerCase()}-${++counter}-${Date.now()}@test.example`;
  const communeInsee = options.communeInsee ?? null;
  const [row] = await db.query(
    `INSERT INTO app_user (email, display_name, role, departement_code, commune_insee, password_hash, totp_exempt)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [email, `Test ${options.role} ${counter}`, options.role, options.departementCode ?? '95', communeInsee, await hashed, options.totpExempt ?? false],
  );
  return { id: row.id, email, password: PASSWORD, role: options.role, communeInsee };
}

export async function openWorkspace(db: DataSource, insee: string): Promise<void> {
  await db.query(`INSERT INTO commune_workspace (commune_insee) VALUES ($1) ON CONFLICT DO NOTHING`, [insee]);
}

/** A commune workspace with its mayor and `collaborators` collaborators. */
export async function createTeam(db: DataSource, insee: string, collaborators = 0): Promise<{ mayor: TestUser; collaborators: TestUser[] }> {
  await openWorkspace(db, insee);
  const mayor = await createUser(db, { role: 'MAYOR', communeInsee: insee });
  const members: TestUser[] = [];
  for (let i = 0; i < collaborators; i++) {
    members.push(await createUser(db, { role: 'COLLABORATOR', communeInsee: insee }));
  }
  return { mayor, collaborators: members };
}

export interface Session {
  accessToken: string;
  refreshCookie: string;
  headers: { authorization: string };
}

export async function signIn(app: NestFastifyApplication, user: { email: string; password: string }): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
  const body = res.json<LoginResponse>();
  if (res.statusCode !== 200 || body.status !== 'AUTHENTICATED') {
    throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  }
  return sessionFrom(res);
}

export function sessionFrom(res: { json<T>(): T; cookies: { name: string; value: string }[] }): Session {
  const body = res.json<AuthenticatedResponse>();
  const cookie = res.cookies.find((c) => c.name === 'passerelle_refresh');
  if (!cookie) {
    throw new Error('no refresh cookie');
  }
  return { accessToken: body.accessToken, refreshCookie: cookie.value, headers: { authorization: `Bearer ${body.accessToken}` } };
}

/** The newest mail written for this address (demo mode, no SMTP). */
export async function lastMailTo(app: NestFastifyApplication, email: string): Promise<DevMailDto> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const res = await app.inject({ method: 'GET', url: '/api/dev/mails?limit=100' });
    const mail = res.json<Page<DevMailDto>>().items.find((m) => m.to === email);
    if (mail) {
      return mail;
    }
    // Mails leave without being awaited by the request that asked for them.
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no mail to ${email}`);
}

export function tokenFromMail(mail: DevMailDto, path: 'invitation' | 'reinitialiser-mot-de-passe'): string {
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) {
    throw new Error(`no ${path} link in: ${mail.text}`);
  }
  return match[1];
}

export const BOUNDARY = '----passerelle-test-boundary';

/** A one-file multipart body, as a browser sends an upload. */
export function multipart(filename: string, content: Buffer, declaredType = 'application/octet-stream') {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${declaredType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}
