import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Secret, TOTP } from 'otpauth';
import {
  type AccountDeletionDto,
  type AgentDto,
  type ApiError,
  type AuthenticatedResponse,
  DELETED_AGENT_LABEL,
  DELETED_MEMBER_LABEL,
  type LoginResponse,
  type MeDto,
  type Page,
  type ProjectDto,
  type ProjectHistoryEntryDto,
  type RecoveryCodesDto,
  type TeamDto,
  type ThreadDto,
  type TotpSetupDto,
} from '@passerelle/shared/dto';
import { digest } from '../src/auth/attempt-counters';
import { accountKey } from '../src/auth/sign-in-limits';
import { quoteIdentifier } from '../src/database/embedded';
import { FileStorage } from '../src/files/file-storage';
import { NotificationMailer } from '../src/notifications/notification-mailer';
import { AccountErasureService } from '../src/privacy/account-deletion/account-erasure.service';
import { PASSWORD, type Session, type TestUser, createTeam, createUser, lastMailTo, multipart, sessionFrom, signIn, tokenFromMail } from './factories';
import { type TestApp, startTestApp } from './test-app';

const codeFor = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A name and an address found nowhere else, so that any trace of them left in the database is theirs. */
const NAME = 'Gwendoline Quistrebert-Ozanne';
const EMAIL = 'g.quistrebert.ozanne@mairie-ableiges.example';
const NEW_PASSWORD = 'girouette pistache escabeau 77';

describe('Account deletion (RGPD): asked, cancelled by signing in, carried out with pseudonyms', () => {
  let t: TestApp;
  let erasure: AccountErasureService;
  let mayor: Session;
  let agent: Session;
  let admin: Session;
  let adminUser: TestUser;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
    erasure = t.app.get(AccountErasureService);
    mayor = await signIn(t.app, (await createTeam(t.db, '95002')).mayor);
    agent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
    adminUser = await createUser(t.db, { role: 'ADMIN', totpExempt: true });
    admin = await signIn(t.app, adminUser);
    // Another département, for its admins.
    await t.db.query(`INSERT INTO departement (code, name) VALUES ('45', 'Loiret') ON CONFLICT DO NOTHING`);
  });
  afterAll(() => t.close());

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const askDeletion = (session: Session, password: string) => inject({ method: 'POST', url: '/api/me/deletion', headers: session.headers, payload: { password } });
  const adminDeletion = (session: Session, userId: string, reason = 'À la demande de la personne, courriel du 3 mars.') =>
    inject({ method: 'POST', url: `/api/users/${userId}/deletion`, headers: session.headers, payload: { reason } });
  const userRow = async (id: string) =>
    (
      await t.db.query(
        `SELECT email, display_name, role, commune_insee, departement_code, state, disabled_at, deleted_at, deletion_requested_at, deletion_due_at,
                deletion_requested_by, password_hash, totp_secret, inactivity_warnings, inactivity_warned_at
           FROM app_user WHERE id = $1`,
        [id],
      )
    )[0];
  /** The grace period is over. */
  const backdateDeletion = (id: string) =>
    t.db.query(`UPDATE app_user SET deletion_requested_at = now() - interval '31 days', deletion_due_at = now() - interval '1 day' WHERE id = $1`, [id]);
  const passwordLogin = (email: string, password = PASSWORD) => inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

  describe('a commune member who worked in Passerelle', () => {
    let memberId: string;
    let session: Session;
    let recoveryCodes: string[];
    let projectId: string;
    let threadId: string;
    let exportKey: string;

    beforeAll(async () => {
      // Invited by the mayor, like every member: the invitation and its mail hold the address.
      expect((await inject({ method: 'POST', url: '/api/communes/95002/invitations', headers: mayor.headers, payload: { email: EMAIL, role: 'COLLABORATOR' } })).statusCode).toBe(201);
      const token = tokenFromMail(await lastMailTo(t.app, EMAIL), 'invitation');
      expect((await inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: NAME, password: PASSWORD } })).statusCode).toBe(204);
      await signIn(t.app, { email: EMAIL, password: PASSWORD });
      session = await signIn(t.app, { email: EMAIL, password: PASSWORD });
      memberId = (await inject({ method: 'GET', url: '/api/me', headers: session.headers })).json<MeDto>().id;

      // A second factor, with its recovery codes.
      const secret = (await inject({ method: 'POST', url: '/api/me/totp/setup', headers: session.headers })).json<TotpSetupDto>().secret;
      const confirmed = await inject({ method: 'POST', url: '/api/me/totp/confirm', headers: session.headers, payload: { code: codeFor(secret) } });
      recoveryCodes = confirmed.json<RecoveryCodesDto>().recoveryCodes;
      expect(recoveryCodes.length).toBeGreaterThan(3);

      const prefs = await inject({
        method: 'PUT',
        url: '/api/me/notification-preferences',
        headers: session.headers,
        payload: { preferences: [{ kind: 'THREAD_CLOSED', email: 'DIGEST' }] },
      });
      expect(prefs.statusCode).toBe(200);

      // A project with its history and a document.
      const project = await inject({
        method: 'POST',
        url: '/api/communes/95002/projects',
        headers: session.headers,
        payload: { title: 'Réfection du lavoir', theme: 'CULTURE_PATRIMOINE', status: 'IN_PROGRESS' },
      });
      projectId = project.json<ProjectDto>().id;
      expect((await inject({ method: 'PATCH', url: `/api/projects/${projectId}`, headers: session.headers, payload: { version: 1, summary: 'Toiture et bassin' } })).statusCode).toBe(200);
      const upload = multipart('devis-lavoir.pdf', PDF, 'application/pdf');
      const uploaded = await inject({ method: 'POST', url: `/api/projects/${projectId}/documents`, headers: { ...session.headers, ...upload.headers }, payload: upload.payload });
      expect(uploaded.statusCode).toBe(201);

      // A question, answered by an agent who names the member and writes their address; the member signs a message.
      const thread = await inject({
        method: 'POST',
        url: '/api/communes/95002/threads',
        headers: session.headers,
        payload: { subject: 'Calendrier du lavoir', category: 'NEXT_STEPS', body: 'Quand pouvons-nous commencer les travaux ?' },
      });
      expect(thread.statusCode).toBe(201);
      threadId = thread.json<ThreadDto>().id;
      const reply = await inject({
        method: 'POST',
        url: `/api/threads/${threadId}/messages`,
        headers: agent.headers,
        payload: { body: `Bonjour ${NAME}, la réponse vous est aussi envoyée à ${EMAIL}.` },
      });
      expect(reply.statusCode).toBe(201);
      const signed = await inject({ method: 'POST', url: `/api/threads/${threadId}/messages`, headers: session.headers, payload: { body: 'Merci, nous attendons.' } });
      expect(signed.statusCode).toBe(201);
      const messageId = signed.json<ThreadDto>().messages.at(-1)?.id;
      const edited = await inject({ method: 'PATCH', url: `/api/messages/${messageId}`, headers: session.headers, payload: { body: `Merci, nous attendons.\n\n${NAME}, secrétaire de mairie` } });
      expect(edited.statusCode).toBe(200);
      // Edited again: the signed version is kept as a revision.
      expect((await inject({ method: 'PATCH', url: `/api/messages/${messageId}`, headers: session.headers, payload: { body: `Merci, nous attendons.\n\n${NAME}` } })).statusCode).toBe(200);
      await read(session, threadId);
      // The notifications' mails (to the mayor as well: they quote the agent's reply); one to the mayor that could
      // not be delivered keeps its content, HTML included.
      await t.app.get(NotificationMailer).sendImmediate();
      await t.db.query(
        `INSERT INTO mail_outbox (kind, recipient, subject, text_body, html_body, departement_code, attempts, failed_at, last_error)
         VALUES ('NOTIFICATION', 'maire@ableiges.example', 'Le département a répondu', $1, $2, '95', 5, now(), '550 boîte pleine')`,
        [`« Bonjour ${NAME}, écrivez à ${EMAIL} »`, `<p>« Bonjour ${NAME} »</p>`],
      );

      // A failed sign-in (audited with the address), a reset link, and a « Télécharger mes données » archive with its file.
      expect((await passwordLogin(EMAIL, 'pas le bon mot de passe')).statusCode).toBe(401);
      expect((await inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: EMAIL } })).statusCode).toBe(202);
      await waitFor(async () => (await t.db.query(`SELECT 1 FROM password_reset WHERE user_id = $1`, [memberId])).length > 0);
      const storage = t.app.get(FileStorage, { strict: false });
      const id = randomUUID();
      exportKey = `${id.slice(0, 2)}/${id}`;
      const temporary = await storage.temporaryPath(id);
      await writeFile(temporary, 'PK archive');
      await storage.keep(temporary, exportKey);
      await t.db.query(`INSERT INTO data_export (user_id, status, ready_at, expires_at, storage_key, size_bytes) VALUES ($1, 'READY', now(), now() + interval '7 days', $2, 10)`, [
        memberId,
        exportKey,
      ]);

      // Everything above left rows about the member.
      for (const table of ['user_session', 'recovery_code', 'notification_preference', 'notification', 'thread_read', 'password_reset', 'data_export']) {
        expect([table, (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [memberId]))[0].n]).not.toEqual([table, 0]);
      }
      expect(await traces()).not.toEqual([]);
    });

    const read = async (s: Session, id: string) => (await inject({ method: 'GET', url: `/api/threads/${id}`, headers: s.headers })).json<ThreadDto>();

    it('refuses a wrong password, as a password change does', async () => {
      const wrong = await askDeletion(session, 'pas le bon mot de passe');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json<ApiError>()).toMatchObject({ code: 'VALIDATION_FAILED', errors: { password: 'Le mot de passe est incorrect.' } });
      expect((await userRow(memberId)).state).toBe('ACTIVE');
      expect((await inject({ method: 'POST', url: '/api/me/deletion', headers: session.headers, payload: { password: PASSWORD, role: 'ADMIN' } })).statusCode).toBe(400);
    });

    it('disables the account at once: every session ends, the date is mailed, the team shows it', async () => {
      const before = Date.now();
      const res = await askDeletion(session, PASSWORD);
      expect(res.statusCode).toBe(201);
      const deletion = res.json<AccountDeletionDto>();
      expect(deletion).toMatchObject({ userId: memberId, requestedBy: 'SELF' });
      const days = (Date.parse(deletion.dueAt) - Date.parse(deletion.requestedAt)) / 86_400_000;
      expect(days).toBe(30);
      expect(Date.parse(deletion.requestedAt)).toBeGreaterThanOrEqual(before - 1000);

      const row = await userRow(memberId);
      expect(row).toMatchObject({ state: 'DISABLED', disabled_at: null, deletion_requested_by: memberId, deleted_at: null });
      expect(row.deletion_due_at.toISOString()).toBe(deletion.dueAt);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1 AND revoked_at IS NULL`, [memberId]))[0].n).toBe(0);
      expect((await inject({ method: 'GET', url: '/api/me', headers: session.headers })).statusCode).toBe(401);
      const refresh = await inject({ method: 'POST', url: '/api/auth/refresh', cookies: { passerelle_refresh: session.refreshCookie } });
      expect(refresh.statusCode).toBe(401);
      const [audit] = await t.db.query(`SELECT actor_id, details FROM audit_event WHERE action = 'ACCOUNT_DELETION_REQUESTED' AND target_id = $1`, [memberId]);
      expect(audit).toMatchObject({ actor_id: memberId, details: { by: 'SELF', dueAt: deletion.dueAt } });

      const mail = await lastMailTo(t.app, EMAIL);
      expect(mail.subject).toBe('Suppression de votre compte Passerelle');
      const day = new Date(deletion.dueAt).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
      expect(mail.text).toContain(`Votre compte sera supprimé le`);
      expect(mail.text).toContain(day);
      expect(mail.text).toContain('Pour annuler, reconnectez-vous avant cette date');
      expect(mail.text).toContain(`« ${DELETED_MEMBER_LABEL} »`);

      const team = (await inject({ method: 'GET', url: '/api/communes/95002/members', headers: mayor.headers })).json<TeamDto>();
      expect(team.items.find((m) => m.id === memberId)).toMatchObject({ status: 'ACTIVE', deletionDueAt: deletion.dueAt });
      expect(team.items.find((m) => m.role === 'MAYOR')?.deletionDueAt).toBeNull();
    });

    it('is cancelled by signing in again, second factor included: active again, and the answer says so', async () => {
      await t.db.query(`UPDATE app_user SET inactivity_warnings = 1, inactivity_warned_at = now() WHERE id = $1`, [memberId]);
      const password = await passwordLogin(EMAIL);
      expect(password.statusCode).toBe(200);
      const challenge = password.json<LoginResponse>();
      expect(challenge.status).toBe('TOTP_REQUIRED');
      // The password alone does not cancel it.
      expect((await userRow(memberId)).state).toBe('DISABLED');

      const res = await inject({
        method: 'POST',
        url: '/api/auth/login/totp',
        payload: { challengeToken: 'challengeToken' in challenge ? challenge.challengeToken : '', code: recoveryCodes[0] },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<AuthenticatedResponse>();
      expect(body).toMatchObject({ status: 'AUTHENTICATED', deletionCancelled: true, user: { id: memberId, state: 'ACTIVE' } });
      expect(await userRow(memberId)).toMatchObject({
        state: 'ACTIVE',
        deletion_requested_at: null,
        deletion_due_at: null,
        deletion_requested_by: null,
        inactivity_warnings: 0,
        inactivity_warned_at: null,
      });
      expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'ACCOUNT_DELETION_CANCELLED' AND target_id = $1`, [memberId]))[0].n).toBe(1);
      session = sessionFrom(res);
      expect((await inject({ method: 'GET', url: '/api/me', headers: session.headers })).statusCode).toBe(200);

      // The next sign-in has nothing to cancel.
      const again = await passwordLogin(EMAIL);
      const next = await inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challengeToken: again.json<{ challengeToken: string }>().challengeToken, code: recoveryCodes[1] } });
      expect(next.statusCode).toBe(200);
      expect(next.json<AuthenticatedResponse>().deletionCancelled).toBeUndefined();
    });

    it('after the grace period, deletes the account: its writings stay, under « Ancien membre de la commune »', async () => {
      expect((await askDeletion(session, PASSWORD)).statusCode).toBe(201);
      // A failed sign-in while it waits: counted against the address, audited with it.
      expect((await passwordLogin(EMAIL, 'encore le mauvais mot de passe')).statusCode).toBe(401);
      expect((await t.db.query(`SELECT 1 FROM attempt_counter WHERE key = $1`, [digest(accountKey(EMAIL))])).length).toBe(1);

      // Not before its date.
      expect(await erasure.erase(memberId, new Date())).toBe('NOT_DUE');
      expect((await userRow(memberId)).deleted_at).toBeNull();

      await backdateDeletion(memberId);
      expect(await erasure.erase(memberId, new Date())).toBe('ERASED');

      const row = await userRow(memberId);
      expect(row).toMatchObject({
        email: `supprime-${memberId}@invalide.invalid`,
        display_name: DELETED_MEMBER_LABEL,
        role: 'COLLABORATOR',
        commune_insee: '95002',
        departement_code: '95',
        state: 'DISABLED',
        password_hash: null,
        totp_secret: null,
        deletion_due_at: null,
      });
      expect(row.deleted_at).toBeInstanceOf(Date);
      // (Checked before anyone tries the address again: an unknown address is counted too.)
      expect(await t.db.query(`SELECT 1 FROM attempt_counter WHERE key = $1`, [digest(accountKey(EMAIL))])).toEqual([]);

      // The question keeps its messages, signed with the pseudonym, and the agent's reply no longer names them.
      const thread = await read(agent, threadId);
      expect(thread.messages.map((m) => [m.author.side, m.author.displayName])).toEqual([
        ['COMMUNE', DELETED_MEMBER_LABEL],
        ['DEPARTEMENT', expect.not.stringContaining(DELETED_MEMBER_LABEL)],
        ['COMMUNE', DELETED_MEMBER_LABEL],
      ]);
      expect(thread.messages[0].body).toBe('Quand pouvons-nous commencer les travaux ?');
      expect(thread.messages[1].body).toBe(`Bonjour ${DELETED_MEMBER_LABEL}, la réponse vous est aussi envoyée à ${DELETED_MEMBER_LABEL}.`);
      expect(thread.messages[2].body).toBe(`Merci, nous attendons.\n\n${DELETED_MEMBER_LABEL}`);
      const revisions = await inject({ method: 'GET', url: `/api/messages/${thread.messages[2].id}/revisions`, headers: agent.headers });
      expect(revisions.json<{ body: string }[]>().map((r) => r.body)).toEqual(
        expect.arrayContaining([`Merci, nous attendons.\n\n${DELETED_MEMBER_LABEL}, secrétaire de mairie`]),
      );

      // The project, its document and its history, likewise.
      const project = (await inject({ method: 'GET', url: `/api/projects/${projectId}`, headers: mayor.headers })).json<ProjectDto>();
      expect(project).toMatchObject({ createdBy: DELETED_MEMBER_LABEL, updatedBy: DELETED_MEMBER_LABEL });
      expect(project.documents.map((d) => [d.filename, d.uploadedBy])).toEqual([['devis-lavoir.pdf', DELETED_MEMBER_LABEL]]);
      const history = (await inject({ method: 'GET', url: `/api/projects/${projectId}/history`, headers: mayor.headers })).json<Page<ProjectHistoryEntryDto>>();
      expect(history.items.length).toBeGreaterThanOrEqual(3);
      expect(new Set(history.items.map((h) => h.actor))).toEqual(new Set([DELETED_MEMBER_LABEL]));

      // Gone from the team, and its seat freed.
      const team = (await inject({ method: 'GET', url: '/api/communes/95002/members', headers: mayor.headers })).json<TeamDto>();
      expect(team.items.map((m) => m.id)).not.toContain(memberId);
      expect(team.seats.used).toBe(1);

      // What was the member's alone is deleted, stored files included.
      for (const table of ['user_session', 'recovery_code', 'notification_preference', 'notification', 'thread_read', 'password_reset', 'data_export']) {
        expect([table, (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [memberId]))[0].n]).toEqual([table, 0]);
      }
      expect(await t.db.query(`SELECT 1 FROM invitation WHERE email = $1`, [EMAIL])).toEqual([]);
      expect(await t.db.query(`SELECT 1 FROM mail_outbox WHERE recipient = $1`, [EMAIL])).toEqual([]);
      await expect(t.app.get(FileStorage, { strict: false }).open(exportKey)).rejects.toMatchObject({ code: 'ENOENT' });

      // The audit log keeps what happened and the ids, without addresses or details.
      const audit = await t.db.query(`SELECT action, ip, details FROM audit_event WHERE actor_id = $1 OR target_id = $1::text ORDER BY id`, [memberId]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(
        expect.arrayContaining(['INVITATION_ACCEPTED', 'AUTH_LOGIN_SUCCEEDED', 'AUTH_LOGIN_FAILED', 'TOTP_ENABLED', 'ACCOUNT_DELETION_REQUESTED', 'ACCOUNT_DELETION_CANCELLED', 'ACCOUNT_DELETED']),
      );
      expect(audit.filter((a: { ip: string | null }) => a.ip !== null)).toEqual([]);
      expect(audit.filter((a: { action: string; details: object }) => a.action !== 'ACCOUNT_DELETED' && Object.keys(a.details).length > 0)).toEqual([]);
      expect(audit.at(-1)).toMatchObject({ action: 'ACCOUNT_DELETED', details: { cause: 'REQUESTED' } });

      // And no trace of the name or the address in any text column of any table.
      expect(await traces()).toEqual([]);

      // It can never sign in again (these attempts are new events, logged like any attempt with an unknown address).
      expect((await passwordLogin(EMAIL)).json<ApiError>().code).toBe('INVALID_CREDENTIALS');
      expect((await passwordLogin(row.email)).statusCode).toBe(401);
    });

    it('answers ERASED again for an account already deleted, changing nothing', async () => {
      const before = await userRow(memberId);
      expect(await erasure.erase(memberId, new Date())).toBe('ERASED');
      expect(await userRow(memberId)).toEqual(before);
    });
  });

  describe('the last mayor of a commune', () => {
    let mayorUser: TestUser;
    let mayorSession: Session;

    beforeAll(async () => {
      mayorUser = (await createTeam(t.db, '95625', 1)).mayor;
      mayorSession = await signIn(t.app, mayorUser);
    });

    it('cannot go until the département names another mayor, by any path', async () => {
      const own = await askDeletion(mayorSession, PASSWORD);
      expect(own.statusCode).toBe(409);
      expect(own.json<ApiError>()).toMatchObject({ code: 'ACCOUNT_DELETION_LAST_MAYOR', message: expect.stringMatching(/le département n’a pas désigné un autre maire/) });
      expect((await adminDeletion(admin, mayorUser.id)).json<ApiError>().code).toBe('ACCOUNT_DELETION_LAST_MAYOR');
      expect((await userRow(mayorUser.id)).state).toBe('ACTIVE');
      expect((await inject({ method: 'GET', url: '/api/me', headers: mayorSession.headers })).statusCode).toBe(200);

      // Nobody signed in for years: the retention job's deletion refuses too, and leaves the account as it was.
      await t.db.query(`UPDATE app_user SET created_at = now() - interval '5 years', last_sign_in_at = now() - interval '3 years' WHERE id = $1`, [mayorUser.id]);
      const before = await userRow(mayorUser.id);
      expect(await erasure.erase(mayorUser.id, new Date())).toBe('LAST_MAYOR');
      expect(await userRow(mayorUser.id)).toEqual(before);
    });

    it('once replaced, can be deleted by the admin; disabled by the replacement, signing in cancels nothing', async () => {
      expect((await inject({ method: 'POST', url: '/api/communes/95625/mayor', headers: admin.headers, payload: { email: 'nouveau.maire@us.example' } })).statusCode).toBe(201);
      const res = await adminDeletion(admin, mayorUser.id);
      expect(res.statusCode).toBe(201);
      expect(res.json<AccountDeletionDto>().requestedBy).toBe('ADMIN');
      const row = await userRow(mayorUser.id);
      expect(row.state).toBe('DISABLED');
      expect(row.disabled_at).toBeInstanceOf(Date);
      const mail = await lastMailTo(t.app, mayorUser.email);
      expect(mail.text).toContain('À votre demande, le département a demandé la suppression de votre compte');
      expect(mail.text).toContain('Pour annuler, adressez-vous au département');
      expect((await passwordLogin(mayorUser.email)).statusCode).toBe(401);
      expect((await userRow(mayorUser.id)).deletion_due_at).not.toBeNull();

      await backdateDeletion(mayorUser.id);
      expect(await erasure.erase(mayorUser.id, new Date())).toBe('ERASED');
      expect((await userRow(mayorUser.id)).display_name).toBe(DELETED_MEMBER_LABEL);
    });
  });

  describe('the last admin of a département', () => {
    it('cannot go while no other admin is active there', async () => {
      const first = await createUser(t.db, { role: 'ADMIN', departementCode: '45', totpExempt: true });
      const firstSession = await signIn(t.app, first);
      expect((await askDeletion(firstSession, PASSWORD)).json<ApiError>()).toMatchObject({
        code: 'ACCOUNT_DELETION_LAST_ADMIN',
        message: expect.stringMatching(/dernier administrateur actif du département/),
      });

      const second = await createUser(t.db, { role: 'ADMIN', departementCode: '45', totpExempt: true });
      const secondSession = await signIn(t.app, second);
      expect((await askDeletion(firstSession, PASSWORD)).statusCode).toBe(201);
      // The first one is on their way out (and could still come back): the second one is now the last.
      expect((await askDeletion(secondSession, PASSWORD)).json<ApiError>().code).toBe('ACCOUNT_DELETION_LAST_ADMIN');

      // The retention job re-checks at its time: the first goes (the second stays active), the second cannot.
      await backdateDeletion(first.id);
      expect(await erasure.erase(first.id, new Date())).toBe('ERASED');
      await t.db.query(`UPDATE app_user SET created_at = now() - interval '5 years', last_sign_in_at = now() - interval '3 years' WHERE id = $1`, [second.id]);
      expect(await erasure.erase(second.id, new Date())).toBe('LAST_ADMIN');
      expect((await userRow(second.id)).deleted_at).toBeNull();
    });
  });

  describe('the admin path', () => {
    let collaborator: TestUser;

    beforeAll(async () => {
      collaborator = (await createTeam(t.db, '95651', 1)).collaborators[0];
    });

    it('is for the admins of the person’s département only, never for one’s own account', async () => {
      expect((await adminDeletion(agent, collaborator.id)).statusCode).toBe(403);
      expect((await adminDeletion(mayor, collaborator.id)).statusCode).toBe(403);
      const loiretAdmin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', departementCode: '45', totpExempt: true }));
      const elsewhere = await adminDeletion(loiretAdmin, collaborator.id);
      expect(elsewhere.statusCode).toBe(404);
      expect(elsewhere.json<ApiError>().code).toBe('USER_NOT_FOUND');
      expect((await adminDeletion(admin, randomUUID())).statusCode).toBe(404);
      expect((await adminDeletion(admin, 'pas-un-identifiant')).statusCode).toBe(404);
      expect((await inject({ method: 'DELETE', url: `/api/users/${collaborator.id}/deletion`, headers: loiretAdmin.headers })).statusCode).toBe(404);
      const own = await adminDeletion(admin, adminUser.id.toUpperCase());
      expect(own.statusCode).toBe(409);
      expect(own.json<ApiError>().code).toBe('ACCOUNT_DELETION_OWN_ACCOUNT');
      for (const reason of ['', '   ', 'x'.repeat(501)]) {
        const invalid = await adminDeletion(admin, collaborator.id, reason);
        expect(invalid.statusCode).toBe(400);
        expect(invalid.json<ApiError>().errors?.['reason']).toBeDefined();
      }
      expect((await inject({ method: 'POST', url: `/api/users/${collaborator.id}/deletion`, headers: admin.headers, payload: { reason: 'ok', dueAt: '2020-01-01' } })).statusCode).toBe(400);
      expect((await userRow(collaborator.id)).state).toBe('ACTIVE');
    });

    it('is audited with the reason, mailed to the person, and can be cancelled by the admin', async () => {
      const reason = 'À la demande de la personne, courriel du 3 mars.';
      const res = await adminDeletion(admin, collaborator.id, reason);
      expect(res.statusCode).toBe(201);
      expect(res.json<AccountDeletionDto>()).toMatchObject({ userId: collaborator.id, requestedBy: 'ADMIN' });
      const [audit] = await t.db.query(`SELECT actor_id, target_type, details FROM audit_event WHERE action = 'ACCOUNT_DELETION_REQUESTED' AND target_id = $1`, [collaborator.id]);
      expect(audit).toMatchObject({ actor_id: adminUser.id, target_type: 'user', details: { by: 'ADMIN', reason } });
      expect(await userRow(collaborator.id)).toMatchObject({ state: 'DISABLED', disabled_at: null, deletion_requested_by: adminUser.id });
      expect((await lastMailTo(t.app, collaborator.email)).text).toContain('reconnectez-vous avant cette date');
      expect((await adminDeletion(admin, collaborator.id)).json<ApiError>().code).toBe('ACCOUNT_DELETION_ALREADY_REQUESTED');

      expect((await inject({ method: 'DELETE', url: `/api/users/${collaborator.id}/deletion`, headers: agent.headers })).statusCode).toBe(403);
      expect((await inject({ method: 'DELETE', url: `/api/users/${collaborator.id}/deletion`, headers: admin.headers })).statusCode).toBe(204);
      expect(await userRow(collaborator.id)).toMatchObject({ state: 'ACTIVE', deletion_due_at: null });
      const [cancelled] = await t.db.query(`SELECT actor_id, details FROM audit_event WHERE action = 'ACCOUNT_DELETION_CANCELLED' AND target_id = $1`, [collaborator.id]);
      expect(cancelled).toMatchObject({ actor_id: adminUser.id, details: { by: 'ADMIN' } });
      const again = await inject({ method: 'DELETE', url: `/api/users/${collaborator.id}/deletion`, headers: admin.headers });
      expect(again.statusCode).toBe(404);
      expect(again.json<ApiError>().code).toBe('ACCOUNT_DELETION_NOT_REQUESTED');
      expect((await signIn(t.app, collaborator)).accessToken).toBeTruthy();
    });

    it('lets a person waiting for deletion choose a new password; the sign-in that follows cancels the deletion', async () => {
      expect((await adminDeletion(admin, collaborator.id)).statusCode).toBe(201);
      expect((await inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: collaborator.email } })).statusCode).toBe(202);
      const mail = await waitForMail(collaborator.email, 'Changer votre mot de passe Passerelle');
      const token = tokenFromMail(mail, 'reinitialiser-mot-de-passe');
      expect((await inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: NEW_PASSWORD } })).statusCode).toBe(204);
      expect((await userRow(collaborator.id)).state).toBe('DISABLED');
      const res = await passwordLogin(collaborator.email, NEW_PASSWORD);
      expect(res.json<AuthenticatedResponse>()).toMatchObject({ status: 'AUTHENTICATED', deletionCancelled: true });
      expect((await userRow(collaborator.id)).state).toBe('ACTIVE');
    });

    it('deletes an agent the same way: their answers show « Ancien agent du département », the staff list forgets them', async () => {
      const leaving = await createUser(t.db, { role: 'AGENT', totpExempt: true });
      const leavingSession = await signIn(t.app, leaving);
      const member = await signIn(t.app, { email: collaborator.email, password: NEW_PASSWORD });
      const thread = (
        await inject({ method: 'POST', url: '/api/communes/95651/threads', headers: member.headers, payload: { subject: 'Voirie', category: 'FUNDING', body: 'Quelle aide ?' } })
      ).json<ThreadDto>();
      expect((await inject({ method: 'POST', url: `/api/threads/${thread.id}/messages`, headers: leavingSession.headers, payload: { body: 'La DETR, dossier avant mars.' } })).statusCode).toBe(201);
      await t.db.query(`INSERT INTO routing_rule (departement_code, category, agent_id) VALUES ('95', 'FUNDING', $1)`, [leaving.id]);

      const res = await adminDeletion(admin, leaving.id);
      expect(res.statusCode).toBe(201);
      const due = res.json<AccountDeletionDto>().dueAt;
      const staff = (await inject({ method: 'GET', url: '/api/departements/95/agents?limit=100', headers: admin.headers })).json<Page<AgentDto>>();
      expect(staff.items.find((a) => a.id === leaving.id)).toMatchObject({ status: 'DISABLED', deletionDueAt: due });
      expect(staff.items.find((a) => a.id === adminUser.id)?.deletionDueAt).toBeNull();
      expect((await inject({ method: 'GET', url: '/api/me', headers: leavingSession.headers })).statusCode).toBe(401);

      await backdateDeletion(leaving.id);
      expect(await erasure.erase(leaving.id, new Date())).toBe('ERASED');
      const seen = (await inject({ method: 'GET', url: `/api/threads/${thread.id}`, headers: member.headers })).json<ThreadDto>();
      expect(seen.messages.map((m) => [m.author.displayName, m.body])).toEqual([
        [expect.any(String), 'Quelle aide ?'],
        [DELETED_AGENT_LABEL, 'La DETR, dossier avant mars.'],
      ]);
      const after = (await inject({ method: 'GET', url: '/api/departements/95/agents?limit=100', headers: admin.headers })).json<Page<AgentDto>>();
      expect(after.items.map((a) => a.id)).not.toContain(leaving.id);
      expect(await t.db.query(`SELECT 1 FROM routing_rule WHERE agent_id = $1`, [leaving.id])).toEqual([]);
    });
  });

  /** Every column of a text type, of every table of the schema (none left out), that holds the name or the address. */
  async function traces(): Promise<string[]> {
    const columns = await t.db.query<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public'
          AND (data_type IN ('text', 'character varying', 'character', 'jsonb') OR (data_type = 'ARRAY' AND udt_name = '_text'))
        ORDER BY table_name, column_name`,
    );
    expect(columns.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      const column = `lower(${quoteIdentifier(column_name)}::text)`;
      const [row] = await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ${quoteIdentifier(table_name)} WHERE strpos(${column}, $1) > 0 OR strpos(${column}, $2) > 0 OR strpos(${column}, $3) > 0`,
        [NAME.toLowerCase(), EMAIL, 'quistrebert'],
      );
      if (row.n > 0) {
        found.push(`${table_name}.${column_name}`);
      }
    }
    return found;
  }

  async function waitForMail(email: string, subject: string) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const mail = await lastMailTo(t.app, email);
      if (mail.subject === subject) {
        return mail;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no mail « ${subject} » to ${email}`);
  }
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await condition()) {
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('never happened');
}
