import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import { Client } from 'pg';
import {
  DELETED_AGENT_LABEL,
  DELETED_MEMBER_LABEL,
  RETENTION_RULES,
  type CommuneFileDto,
  type RetentionPolicyDto,
  type RetentionRuleResult,
  type RetentionRunDto,
  type ThreadDto,
} from '@passerelle/shared/dto';
import { runCliCommand } from '../src/cli-command';
import { Clock } from '../src/common/clock/clock';
import { JobsService } from '../src/jobs/jobs.service';
import { MailDispatcher } from '../src/mail/mail-dispatcher';
import { RETENTION_QUEUE, RetentionService } from '../src/privacy/retention/retention.service';
import { type Session, type TestUser, createTeam, createUser, lastMailTo, signIn } from './factories';
import { type TestApp, startTestApp, testConfig } from './test-app';
import { createTestDatabase, type TestDatabase } from './test-database';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The key of the run's advisory lock (retention.service.ts). */
const RETENTION_LOCK_KEY = 727_318_018;

/** Every table a rule may change: a fingerprint of all their rows (the admin's own RETENTION_RUN audit entries aside). */
const WATCHED = [
  'app_user',
  'notification',
  'notification_preference',
  'user_session',
  'refresh_token',
  'password_reset',
  'recovery_code',
  'invitation',
  'mail_outbox',
  'data_export',
  'thread',
  'thread_message',
  'thread_event',
  'thread_fact',
  'document',
];

function withoutRunId(run: RetentionRunDto): RetentionRuleResult[] {
  return run.results;
}

describe('Retention (the periods of personal data, applied by a job)', () => {
  let t: TestApp;
  let now: Date;
  let clock: jest.SpyInstance<Date, []>;
  let admin: Session;
  let agentUser: TestUser;
  let agent: Session;
  let mayorUser: TestUser;
  let mayor: Session;

  const ago = (ms: number) => new Date(now.getTime() - ms);
  const at = (when: Date) => clock.mockReturnValue(when);
  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const startRun = async (session: Session, dryRun: boolean) => {
    const res = await inject({ method: 'POST', url: '/api/retention/runs', headers: session.headers, payload: { dryRun } });
    expect(res.statusCode).toBe(201);
    return res.json<RetentionRunDto>();
  };
  const result = (run: RetentionRunDto, rule: RetentionRuleResult['rule']) => run.results.find((r) => r.rule === rule);
  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => t.db.query(sql, params);
  const devMailDir = () => join(t.config.dataDir, 'mail');
  const devMailFile = (when: Date, id: string) => `${when.toISOString().replace(/[:.]/g, '-')}-${id}.json`;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
    now = new Date(Math.floor(Date.now() / 1000) * 1000);
    clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(now);
    admin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', totpExempt: true }));
    agentUser = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    agent = await signIn(t.app, agentUser);
    const team = await createTeam(t.db, '95002', 1);
    mayorUser = team.mayor;
    mayor = await signIn(t.app, mayorUser);
  });
  afterAll(async () => {
    clock?.mockRestore();
    await t?.close();
  });

  describe('who may see and start the runs', () => {
    it('shows the configured periods to the admins only', async () => {
      const res = await inject({ method: 'GET', url: '/api/retention/policies', headers: admin.headers });
      expect(res.statusCode).toBe(200);
      const policies = res.json<RetentionPolicyDto[]>();
      expect(policies.map((p) => p.rule)).toEqual([...RETENTION_RULES]);
      expect(policies.find((p) => p.rule === 'AUDIT_EVENTS')).toEqual({ rule: 'AUDIT_EVENTS', label: 'Journal de sécurité et d’activité', days: 365 });
      expect(policies.find((p) => p.rule === 'INACTIVE_ACCOUNTS')?.days).toBe(730);
      expect(policies.find((p) => p.rule === 'SESSIONS_AND_LINKS')?.days).toBe(30);
      for (const url of ['/api/retention/policies', '/api/retention/runs']) {
        expect((await inject({ method: 'GET', url, headers: agent.headers })).statusCode).toBe(403);
        expect((await inject({ method: 'GET', url, headers: mayor.headers })).statusCode).toBe(403);
        expect((await inject({ method: 'GET', url })).statusCode).toBe(401);
      }
    });

    it('lets only an admin start a run, audited, and lists the runs newest first', async () => {
      for (const session of [agent, mayor]) {
        expect((await inject({ method: 'POST', url: '/api/retention/runs', headers: session.headers, payload: { dryRun: true } })).statusCode).toBe(403);
      }
      expect((await inject({ method: 'POST', url: '/api/retention/runs', payload: { dryRun: true } })).statusCode).toBe(401);
      for (const payload of [{}, { dryRun: 'oui' }, { dryRun: true, trigger: 'SCHEDULE' }]) {
        expect((await inject({ method: 'POST', url: '/api/retention/runs', headers: admin.headers, payload })).statusCode).toBe(400);
      }

      at(ago(HOUR));
      const first = await startRun(admin, true);
      at(now);
      const second = await startRun(admin, true);
      expect(second).toMatchObject({ dryRun: true, trigger: 'ADMIN', error: null, finishedAt: now.toISOString() });
      expect(second.results.map((r) => r.rule)).toEqual([...RETENTION_RULES]);

      const runs = (await inject({ method: 'GET', url: '/api/retention/runs', headers: admin.headers })).json<RetentionRunDto[]>();
      expect(runs.map((r) => r.id)).toEqual([second.id, first.id]);
      const limited = await inject({ method: 'GET', url: '/api/retention/runs?limit=1', headers: admin.headers });
      expect(limited.json<RetentionRunDto[]>().map((r) => r.id)).toEqual([second.id]);
      expect((await inject({ method: 'GET', url: '/api/retention/runs?limit=101', headers: admin.headers })).statusCode).toBe(400);

      const audited = await query<{ target_id: string; details: { dryRun: boolean } }>(
        `SELECT target_id, details FROM audit_event WHERE action = 'RETENTION_RUN' ORDER BY id`,
      );
      expect(audited.map((a) => [a.target_id, a.details.dryRun])).toEqual([
        [first.id, true],
        [second.id, true],
      ]);
    });

    it('refuses a second run while one holds the lock, on this instance or another', async () => {
      const other = new Client({ connectionString: t.database.url });
      await other.connect();
      try {
        await other.query('SELECT pg_advisory_lock($1)', [RETENTION_LOCK_KEY]);
        const res = await inject({ method: 'POST', url: '/api/retention/runs', headers: admin.headers, payload: { dryRun: false } });
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({ code: 'RUN_IN_PROGRESS' });
      } finally {
        await other.end();
      }
      expect((await inject({ method: 'POST', url: '/api/retention/runs', headers: admin.headers, payload: { dryRun: true } })).statusCode).toBe(201);
    });
  });

  describe('each rule on backdated rows', () => {
    const ids: Record<string, string> = {};
    let oldThread: string;
    let recentThread: string;
    let warnedUser: TestUser;
    let member: TestUser;
    let dry: RetentionRunDto;
    let real: RetentionRunDto;

    /** A question asked, answered with an attachment, noted, assigned, closed and rated; its closing moved back by `closedAgo`. */
    async function closedQuestion(subject: string, closedAgo: number): Promise<string> {
      // A minute between the steps, so that the messages come in order.
      const step = (minutes: number) => at(new Date(now.getTime() - (10 - minutes) * 60_000));
      step(0);
      const asked = await inject({
        method: 'POST',
        url: '/api/communes/95002/threads',
        headers: mayor.headers,
        payload: { subject, category: 'FUNDING', body: `Question de la commune : ${subject}` },
      });
      expect(asked.statusCode).toBe(201);
      const id = asked.json<ThreadDto>().id;
      expect((await inject({ method: 'PUT', url: `/api/threads/${id}/assignee`, headers: agent.headers, payload: { assigneeId: agentUser.id } })).statusCode).toBe(200);
      step(1);
      expect((await inject({ method: 'POST', url: `/api/threads/${id}/messages`, headers: agent.headers, payload: { body: 'Note : à suivre.', internal: true } })).statusCode).toBe(201);
      step(2);
      const answered = await inject({ method: 'POST', url: `/api/threads/${id}/messages`, headers: agent.headers, payload: { body: 'Réponse du département.', nextState: 'CLOSED' } });
      expect(answered.json<ThreadDto>().state).toBe('CLOSED');
      const [answer] = await query<{ id: string }>(`SELECT id FROM thread_message WHERE thread_id = $1 AND author_side = 'DEPARTEMENT' AND NOT internal`, [id]);
      await t.db.query(
        `INSERT INTO document (commune_insee, filename, kind, message_id, mime_type, sha256, size_bytes, storage_key, uploaded_by)
         VALUES ('95002', 'reponse.pdf', 'DOCUMENT', $1, 'application/pdf', repeat('a', 64), 10, $2, $3)`,
        [answer.id, `test/${id}.pdf`, agentUser.id],
      );
      step(3);
      expect((await inject({ method: 'POST', url: `/api/threads/${id}/satisfaction`, headers: mayor.headers, payload: { score: 4, comment: 'Merci.' } })).statusCode).toBe(201);
      const closedAt = ago(closedAgo);
      await t.db.query(
        `UPDATE thread SET created_at = $2::timestamptz - interval '2 days', closed_at = $2, satisfaction_at = $2::timestamptz + interval '1 minute' WHERE id = $1`,
        [id, closedAt],
      );
      at(now);
      return id;
    }

    async function fingerprint(): Promise<Record<string, string | null>> {
      const prints: Record<string, string | null> = {};
      for (const table of WATCHED) {
        const [row] = await query<{ md5: string | null }>(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS md5 FROM ${table} x`);
        prints[table] = row.md5;
      }
      const [audit] = await query<{ md5: string | null }>(
        `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS md5 FROM audit_event x WHERE action <> 'RETENTION_RUN'`,
      );
      prints['audit_event'] = audit.md5;
      prints['dev mails'] = readdirSync(devMailDir()).sort().join('|');
      return prints;
    }

    beforeAll(async () => {
      const days = t.config.privacy;
      const insert = async (name: string, sql: string, params: unknown[]) => {
        const [row] = await query<{ id: string }>(sql, params);
        ids[name] = row.id;
      };
      const audit = (name: string, when: Date) => insert(name, `INSERT INTO audit_event (action, at) VALUES ('TEST_EVENT', $1) RETURNING id::text`, [when]);
      await audit('auditOld', ago(days.auditDays * DAY + HOUR));
      await audit('auditRecent', ago(days.auditDays * DAY - HOUR));

      const notification = (name: string, when: Date) =>
        insert(
          name,
          `INSERT INTO notification (user_id, kind, title, link, email_state, created_at) VALUES ($1, 'AGENT_REPLY', 'Réponse', '/', 'NONE', $2) RETURNING id`,
          [mayorUser.id, when],
        );
      await notification('notificationOld', ago(days.notificationDays * DAY + HOUR));
      await notification('notificationRecent', ago(days.notificationDays * DAY - HOUR));

      member = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95002' });
      const session = (name: string, expires: Date, revoked: Date | null) =>
        insert(name, `INSERT INTO user_session (user_id, expires_at, revoked_at, created_at) VALUES ($1, $2, $3, $4) RETURNING id`, [
          member.id,
          expires,
          revoked,
          ago(90 * DAY),
        ]);
      await session('sessionExpiredOld', ago(30 * DAY + HOUR), null);
      await session('sessionExpiredRecent', ago(30 * DAY - HOUR), null);
      await session('sessionRevokedOld', new Date(now.getTime() + DAY), ago(30 * DAY + HOUR));
      await t.db.query(`INSERT INTO refresh_token (token_hash, session_id, expires_at, used_at) VALUES ('rotated-old', $1, $2, $3)`, [
        ids['sessionRevokedOld'],
        ago(29 * DAY),
        ago(31 * DAY),
      ]);
      const reset = (name: string, expires: Date, used: Date | null) =>
        insert(name, `INSERT INTO password_reset (token_hash, user_id, expires_at, used_at) VALUES ($1, $2, $3, $4) RETURNING token_hash AS id`, [
          `reset-${name}`,
          member.id,
          expires,
          used,
        ]);
      await reset('resetExpiredOld', ago(30 * DAY + HOUR), null);
      await reset('resetUsedRecent', ago(30 * DAY - 2 * HOUR), ago(30 * DAY - HOUR));
      const invitation = (name: string, expires: Date, accepted: Date | null, revoked: Date | null) =>
        insert(
          name,
          `INSERT INTO invitation (token_hash, email, role, departement_code, expires_at, accepted_at, revoked_at, created_at)
           VALUES ($1, $2, 'AGENT', '95', $3, $4, $5, $3::timestamptz - interval '7 days') RETURNING id`,
          [`invitation-${name}`, `${name.toLowerCase()}@test.example`, expires, accepted, revoked],
        );
      await invitation('invitationExpiredOld', ago(30 * DAY + HOUR), null, null);
      await invitation('invitationAcceptedOld', ago(30 * DAY + HOUR), ago(35 * DAY), null);
      await invitation('invitationRevokedRecent', new Date(now.getTime() + DAY), null, ago(30 * DAY - HOUR));

      mkdirSync(devMailDir(), { recursive: true });
      for (const [name, when] of [
        ['devMailOld', ago(days.devMailDays * DAY + HOUR)],
        ['devMailRecent', ago(days.devMailDays * DAY - HOUR)],
      ] as const) {
        ids[name] = devMailFile(when, `00000000-0000-4000-8000-00000000000${name === 'devMailOld' ? 1 : 2}`);
        writeFileSync(join(devMailDir(), ids[name]), '{}');
      }

      oldThread = await closedQuestion('Subvention pour le lavoir', days.closedThreadAuthorDays * DAY + HOUR);
      recentThread = await closedQuestion('Travaux de l’école', days.closedThreadAuthorDays * DAY - HOUR);

      // Deletions asked: one past its grace period, one due in an hour.
      for (const [name, due] of [
        ['deletionDue', ago(HOUR)],
        ['deletionNotYet', new Date(now.getTime() + HOUR)],
      ] as const) {
        const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95002' });
        await t.db.query(
          `UPDATE app_user SET state = 'DISABLED', deletion_requested_at = $2::timestamptz - interval '30 days', deletion_due_at = $2, deletion_requested_by = id WHERE id = $1`,
          [user.id, due],
        );
        ids[name] = user.id;
      }

      const dataExport = (name: string, status: string, requested: Date, expires: Date | null) =>
        insert(name, `INSERT INTO data_export (user_id, status, requested_at, ready_at, expires_at) VALUES ($1, $2, $3, $3, $4) RETURNING id`, [
          member.id,
          status,
          requested,
          expires,
        ]);
      await dataExport('exportExpired', 'READY', ago(7 * DAY + HOUR), ago(HOUR));
      await dataExport('exportReady', 'READY', ago(7 * DAY - HOUR), new Date(now.getTime() + HOUR));
      await dataExport('exportFailedOld', 'FAILED', ago(31 * DAY), null);

      // Nobody signed in to this account for 700 days: 30 days before its deletion, it is warned.
      warnedUser = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95002' });
      await t.db.query(`UPDATE app_user SET created_at = $2, last_sign_in_at = $3 WHERE id = $1`, [warnedUser.id, ago(800 * DAY), ago(700 * DAY)]);

      await t.app.get(MailDispatcher).drain();
    });

    it('counts in a dry run what the real run then does, changing nothing and sending no mail', async () => {
      at(now);
      const before = await fingerprint();
      dry = await startRun(admin, true);
      expect(await fingerprint()).toEqual(before);
      expect(dry.error).toBeNull();
      expect(result(dry, 'AUDIT_EVENTS')).toEqual({ rule: 'AUDIT_EVENTS', count: 1, warned: 0, capped: false });
      expect(result(dry, 'NOTIFICATIONS')).toMatchObject({ count: 1 });
      expect(result(dry, 'SESSIONS_AND_LINKS')).toMatchObject({ count: 4 });
      expect(result(dry, 'DEV_MAILS')).toMatchObject({ count: 1 });
      expect(result(dry, 'CLOSED_THREAD_AUTHORS')).toMatchObject({ count: 1 });
      expect(result(dry, 'INACTIVE_ACCOUNTS')).toMatchObject({ count: 0, warned: 1 });
      expect(result(dry, 'ACCOUNT_DELETIONS')).toMatchObject({ count: 1 });
      expect(result(dry, 'DATA_EXPORTS')).toMatchObject({ count: 2 });

      real = await startRun(admin, false);
      expect(real).toMatchObject({ dryRun: false, trigger: 'ADMIN', error: null });
      expect(withoutRunId(real)).toEqual(withoutRunId(dry));
      const [recorded] = await query<{ dry_run: boolean; actor_id: string; results: RetentionRuleResult[] }>(
        `SELECT dry_run, actor_id, results FROM retention_run WHERE id = $1`,
        [real.id],
      );
      expect(recorded).toMatchObject({ dry_run: false, results: real.results });
    });

    it('AUDIT_EVENTS and NOTIFICATIONS: the rows just past their period go, those just before stay', async () => {
      const audit = await query<{ id: string }>(`SELECT id::text FROM audit_event WHERE action = 'TEST_EVENT'`);
      expect(audit.map((r) => r.id)).toEqual([ids['auditRecent']]);
      const notifications = await query<{ id: string }>(`SELECT id FROM notification WHERE id = ANY($1::uuid[])`, [[ids['notificationOld'], ids['notificationRecent']]]);
      expect(notifications.map((r) => r.id)).toEqual([ids['notificationRecent']]);
    });

    it('SESSIONS_AND_LINKS: sessions, reset links and unaccepted invitations ended 30 days ago go, with their refresh tokens', async () => {
      const sessions = await query<{ id: string }>(`SELECT id FROM user_session WHERE user_id = $1 ORDER BY expires_at`, [member.id]);
      expect(sessions.map((r) => r.id)).toEqual([ids['sessionExpiredRecent']]);
      expect(await query(`SELECT 1 FROM refresh_token WHERE token_hash = 'rotated-old'`)).toEqual([]);
      const resets = await query<{ token_hash: string }>(`SELECT token_hash FROM password_reset WHERE user_id = $1`, [member.id]);
      expect(resets.map((r) => r.token_hash)).toEqual([ids['resetUsedRecent']]);
      const invitations = await query<{ id: string }>(`SELECT id FROM invitation WHERE email LIKE 'invitation%@test.example' ORDER BY email`);
      expect(invitations.map((r) => r.id).sort()).toEqual([ids['invitationAcceptedOld'], ids['invitationRevokedRecent']].sort());
    });

    it('ACCOUNT_DELETIONS: an account whose grace period ended is deleted, one still in it is not', async () => {
      const rows = await query<{ id: string; deleted_at: Date | null }>(`SELECT id, deleted_at FROM app_user WHERE id = ANY($1::uuid[])`, [
        [ids['deletionDue'], ids['deletionNotYet']],
      ]);
      expect(Object.fromEntries(rows.map((r) => [r.id, r.deleted_at]))).toEqual({ [ids['deletionDue']]: now, [ids['deletionNotYet']]: null });
    });

    it('DATA_EXPORTS: an export past its link expires, an old failed one is forgotten', async () => {
      const rows = await query<{ id: string; status: string }>(`SELECT id, status FROM data_export WHERE user_id = $1`, [member.id]);
      expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [ids['exportExpired']]: 'EXPIRED', [ids['exportReady']]: 'READY' });
    });

    it('DEV_MAILS: the mails written to disk before the period go', () => {
      const files = readdirSync(devMailDir());
      expect(files).toContain(ids['devMailRecent']);
      expect(files).not.toContain(ids['devMailOld']);
    });

    it('INACTIVE_ACCOUNTS: warns by e-mail, in French, with the day of the deletion and how to keep the account', async () => {
      const [row] = await query<{ inactivity_warnings: number; inactivity_warned_at: Date }>(
        `SELECT inactivity_warnings, inactivity_warned_at FROM app_user WHERE id = $1`,
        [warnedUser.id],
      );
      expect(row).toEqual({ inactivity_warnings: 1, inactivity_warned_at: now });
      const mail = await lastMailTo(t.app, warnedUser.email);
      expect(mail.subject).toBe('Votre compte Passerelle inactif sera supprimé');
      // Due 30 days from now (730 days after the last sign-in).
      const day = new Date(ago(700 * DAY).getTime() + 730 * DAY).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
      expect(mail.text).toContain(`Votre compte sera supprimé à partir du ${day}.`);
      expect(mail.text).toContain('Pour garder votre compte, il suffit de vous connecter avant cette date.');
      expect(mail.text).toContain(`${t.config.publicUrl}/connexion`);
    });

    it('CLOSED_THREAD_AUTHORS: an old closed question keeps its content, its authors read as pseudonyms; a recent one is untouched', async () => {
      const [thread] = await query<Record<string, unknown>>(
        `SELECT created_by, closed_by, satisfaction_by, assignee_id, authors_pseudonymised_at FROM thread WHERE id = $1`,
        [oldThread],
      );
      expect(thread).toEqual({ created_by: null, closed_by: null, satisfaction_by: null, assignee_id: null, authors_pseudonymised_at: now });
      expect(await query(`SELECT 1 FROM thread_message WHERE thread_id = $1 AND author_id IS NOT NULL`, [oldThread])).toEqual([]);
      expect(await query(`SELECT 1 FROM thread_event WHERE thread_id = $1 AND (actor_id IS NOT NULL OR details ? 'assigneeId')`, [oldThread])).toEqual([]);
      expect(
        await query(`SELECT 1 FROM document d JOIN thread_message m ON m.id = d.message_id WHERE m.thread_id = $1 AND d.uploaded_by IS NOT NULL`, [oldThread]),
      ).toEqual([]);
      expect(await query(`SELECT first_responder_id FROM thread_fact WHERE thread_id = $1`, [oldThread])).toEqual([{ first_responder_id: null }]);

      const seen = (await inject({ method: 'GET', url: `/api/threads/${oldThread}`, headers: mayor.headers })).json<ThreadDto>();
      expect(seen.createdBy).toBe(DELETED_MEMBER_LABEL);
      expect(seen.satisfaction).toMatchObject({ score: 4, comment: 'Merci.', answeredBy: DELETED_MEMBER_LABEL });
      expect(seen.messages.map((m) => [m.body, m.author])).toEqual([
        ['Question de la commune : Subvention pour le lavoir', { id: null, displayName: DELETED_MEMBER_LABEL, side: 'COMMUNE' }],
        ['Réponse du département.', { id: null, displayName: DELETED_AGENT_LABEL, side: 'DEPARTEMENT' }],
      ]);
      expect(seen.messages[1].attachments.map((a) => [a.filename, a.uploadedBy])).toEqual([['reponse.pdf', DELETED_AGENT_LABEL]]);
      const staff = (await inject({ method: 'GET', url: `/api/threads/${oldThread}`, headers: agent.headers })).json<ThreadDto>();
      expect(staff.messages.map((m) => [m.internal, m.author.displayName])).toEqual([
        [false, DELETED_MEMBER_LABEL],
        [true, DELETED_AGENT_LABEL],
        [false, DELETED_AGENT_LABEL],
      ]);
      expect(staff.staff?.assignee).toBeNull();

      const recent = (await inject({ method: 'GET', url: `/api/threads/${recentThread}`, headers: agent.headers })).json<ThreadDto>();
      const [mayorName] = await query<{ display_name: string }>(`SELECT display_name FROM app_user WHERE id = $1`, [mayorUser.id]);
      expect(recent.createdBy).toBe(mayorName.display_name);
      expect(recent.messages.map((m) => m.author.id)).toEqual([mayorUser.id, agentUser.id, agentUser.id]);
      expect(recent.staff?.assignee?.id).toBe(agentUser.id);
      expect(recent.messages[2].attachments[0].uploadedBy).not.toBe(DELETED_AGENT_LABEL);

      const file = (await inject({ method: 'GET', url: '/api/communes/95002/file', headers: agent.headers })).json<CommuneFileDto>();
      const created = file.timeline.filter((e) => e.kind === 'THREAD_CREATED' && e.link?.id === oldThread);
      expect(created.map((e) => e.actor)).toEqual([DELETED_MEMBER_LABEL]);
    });

    it('does a pseudonymised question only once', async () => {
      // Before the recent question's turn (in an hour).
      at(new Date(now.getTime() + HOUR / 2));
      const again = await startRun(admin, true);
      expect(result(again, 'CLOSED_THREAD_AUTHORS')).toMatchObject({ count: 0 });
      at(now);
    });
  });

  describe('INACTIVE_ACCOUNTS over several runs', () => {
    const service = () => t.app.get(RetentionService);
    const state = async (user: TestUser) =>
      (
        await query<{ warnings: number; deleted: boolean }>(`SELECT inactivity_warnings AS warnings, deleted_at IS NOT NULL AS deleted FROM app_user WHERE id = $1`, [
          user.id,
        ])
      )[0];
    const runAt = async (daysFromNow: number) => {
      at(new Date(now.getTime() + daysFromNow * DAY));
      return service().run({ dryRun: false, trigger: 'SCHEDULE', actorId: null });
    };
    const mailsTo = async (user: TestUser) =>
      (await query<{ subject: string }>(`SELECT subject FROM mail_outbox WHERE recipient = $1 ORDER BY created_at`, [user.email])).map((m) => m.subject);

    it('warns 30 and 7 days before, deletes only after both and a week after the last, even when the job skipped', async () => {
      const days = t.config.privacy.inactiveAccountDays;
      // On time: its deletion is due in 30 days, and the job runs every day.
      const onTime = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95625' });
      await createTeam(t.db, '95625');
      await t.db.query(`UPDATE app_user SET created_at = $2, last_sign_in_at = $2 WHERE id = $1`, [onTime.id, ago((days - 30) * DAY + 2 * HOUR)]);
      // Late: due 70 days ago, and never warned (the job did not run): it gets both warnings first.
      const late = await createUser(t.db, { role: 'AGENT', totpExempt: true });
      await t.db.query(`UPDATE app_user SET created_at = $2 WHERE id = $1`, [late.id, ago((days + 70) * DAY)]);
      // Disabled by an admin: warned too, told to ask the département.
      const disabled = await createUser(t.db, { role: 'AGENT', totpExempt: true });
      await t.db.query(`UPDATE app_user SET state = 'DISABLED', disabled_at = $2, created_at = $2 WHERE id = $1`, [disabled.id, ago((days - 20) * DAY)]);

      await runAt(0);
      expect(await state(onTime)).toEqual({ warnings: 1, deleted: false });
      expect(await state(late)).toEqual({ warnings: 1, deleted: false });
      expect(await state(disabled)).toEqual({ warnings: 1, deleted: false });
      const lateMail = await lastMailTo(t.app, late.email);
      const inTwoWeeks = new Date(now.getTime() + 14 * DAY).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
      expect(lateMail.text).toContain(`Votre compte sera supprimé à partir du ${inTwoWeeks}.`);
      expect((await lastMailTo(t.app, disabled.email)).text).toContain('demandez au département de le réactiver');

      const nextDay = await runAt(1);
      expect(nextDay.results.find((r) => r.rule === 'INACTIVE_ACCOUNTS')).toMatchObject({ count: 0, warned: 0 });

      await runAt(7);
      expect(await state(late)).toEqual({ warnings: 2, deleted: false });
      expect(await state(onTime)).toEqual({ warnings: 1, deleted: false });

      await runAt(13);
      expect(await state(late)).toEqual({ warnings: 2, deleted: false });

      const fortnight = await runAt(14);
      expect(await state(late)).toMatchObject({ deleted: true });
      expect(fortnight.results.find((r) => r.rule === 'INACTIVE_ACCOUNTS')?.count).toBe(1);

      await runAt(23);
      expect(await state(onTime)).toEqual({ warnings: 2, deleted: false });
      expect(await mailsTo(onTime)).toEqual(['Votre compte Passerelle inactif sera supprimé', 'Dernier rappel : votre compte Passerelle sera supprimé']);
      await runAt(29);
      expect(await state(onTime)).toEqual({ warnings: 2, deleted: false });
      await runAt(30);
      expect(await state(onTime)).toMatchObject({ deleted: true });
      // Its address went with it, from the outbox too.
      expect(await mailsTo(onTime)).toEqual([]);
      at(now);
    });

    it('keeps the last mayor of a commune, whose deletion is refused until someone replaces them, and goes on with the others', async () => {
      const { mayor: lastMayor } = await createTeam(t.db, '95040');
      const other = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95040' });
      for (const user of [lastMayor, other]) {
        await t.db.query(
          `UPDATE app_user SET deletion_requested_at = $2::timestamptz - interval '30 days', deletion_due_at = $2, deletion_requested_by = id WHERE id = $1`,
          [user.id, ago(HOUR)],
        );
      }
      at(now);
      const run = await service().run({ dryRun: false, trigger: 'SCHEDULE', actorId: null });
      expect(run.results.find((r) => r.rule === 'ACCOUNT_DELETIONS')).toMatchObject({ count: 1 });
      expect(await state(lastMayor)).toMatchObject({ deleted: false });
      expect(await state(other)).toMatchObject({ deleted: true });
      expect(run.error).toBeNull();
    });

    it('leaves an account alone once its owner signed in again', async () => {
      const days = t.config.privacy.inactiveAccountDays;
      const back = await createUser(t.db, { role: 'AGENT', totpExempt: true });
      await t.db.query(`UPDATE app_user SET created_at = $2 WHERE id = $1`, [back.id, ago((days - 10) * DAY)]);
      await runAt(0);
      expect(await state(back)).toEqual({ warnings: 1, deleted: false });
      await signIn(t.app, back);
      expect(await state(back)).toEqual({ warnings: 0, deleted: false });
      await runAt(10);
      expect(await state(back)).toEqual({ warnings: 0, deleted: false });
      at(now);
    });
  });
});

describe('Retention: the cap per run', () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp('valDOise', { RETENTION_MAX_PER_RUN: '2' });
    user = await createUser(t.db, { role: 'AGENT', totpExempt: true });
  });
  afterAll(() => t?.close());

  it('stops each rule at the cap, says so, and the next runs go on', async () => {
    const old = new Date(Date.now() - 400 * DAY);
    for (let i = 0; i < 5; i++) {
      await t.db.query(`INSERT INTO audit_event (action, at) VALUES ('TEST_EVENT', $1)`, [old]);
    }
    for (let i = 0; i < 3; i++) {
      await t.db.query(`INSERT INTO user_session (user_id, expires_at, created_at) VALUES ($1, $2, $2)`, [user.id, old]);
    }
    const service = t.app.get(RetentionService);
    const run = async (dryRun = false) => {
      const done = await service.run({ dryRun, trigger: 'CLI', actorId: null });
      return [done.results.find((r) => r.rule === 'AUDIT_EVENTS'), done.results.find((r) => r.rule === 'SESSIONS_AND_LINKS')].map((r) => [r?.count, r?.capped]);
    };
    const left = async () =>
      (await t.db.query(`SELECT (SELECT count(*) FROM audit_event WHERE action = 'TEST_EVENT')::int AS audit, (SELECT count(*) FROM user_session)::int AS sessions`))[0];

    expect(await run(true)).toEqual([
      [2, true],
      [2, true],
    ]);
    expect(await left()).toEqual({ audit: 5, sessions: 3 });
    expect(await run()).toEqual([
      [2, true],
      [2, true],
    ]);
    expect(await left()).toEqual({ audit: 3, sessions: 1 });
    expect(await run()).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(await run()).toEqual([
      [1, false],
      [0, false],
    ]);
    expect(await left()).toEqual({ audit: 0, sessions: 0 });
  });
});

describe('Retention: the nightly job', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('valDOise', { NOTIFICATION_INTERVAL_SECONDS: '1' });
  });
  afterAll(() => t?.close());

  it('runs every night at 4:40, Paris time, and once when an instance starts', async () => {
    expect(await t.app.get(JobsService).schedules()).toContainEqual({ queue: RETENTION_QUEUE, cron: '40 4 * * *', timezone: 'Europe/Paris' });
    for (let attempt = 0; attempt < 100; attempt++) {
      const runs = await t.db.query(`SELECT trigger, dry_run FROM retention_run WHERE finished_at IS NOT NULL`);
      if (runs.length > 0) {
        expect(runs).toEqual([{ trigger: 'SCHEDULE', dry_run: false }]);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no run at start');
  }, 30_000);
});

/** `node dist/apps/api/cli.js retention [--dry-run]`. */
describe('CLI retention', () => {
  let database: TestDatabase;
  let client: Client;
  const quiet: LoggerService = { log: () => undefined, warn: () => undefined, error: () => undefined };

  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCliCommand(['retention', ...args], testConfig({ DATABASE_URL: database.url }), {
      logger: quiet,
      nestLogger: quiet,
      stdout: (l) => out.push(l),
      stderr: (l) => err.push(l),
    });
    return { code, out, err };
  };
  const oldEvents = async () => (await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM audit_event WHERE action = 'TEST_EVENT'`)).rows[0].count;

  beforeAll(async () => {
    database = await createTestDatabase('valDOise');
    client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(`INSERT INTO audit_event (action, at) VALUES ('TEST_EVENT', now() - interval '400 days'), ('TEST_EVENT', now() - interval '400 days')`);
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('prints in French what a dry run would do, and changes nothing', async () => {
    const { code, out, err } = await cli('--dry-run');
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out[0]).toBe('Durées de conservation, essai à blanc : voici ce qui serait fait (rien n’a été changé).');
    expect(out).toContain('  Journal de sécurité et d’activité : 2 à traiter');
    expect(out).toHaveLength(1 + RETENTION_RULES.length);
    expect(await oldEvents()).toBe(2);
  }, 60_000);

  it('applies the periods and records the run', async () => {
    const { code, out } = await cli();
    expect(code).toBe(0);
    expect(out[0]).toBe('Durées de conservation appliquées :');
    expect(out).toContain('  Journal de sécurité et d’activité : 2 traité(s)');
    expect(await oldEvents()).toBe(0);
    const runs = await client.query(`SELECT trigger, dry_run, finished_at IS NOT NULL AS finished FROM retention_run ORDER BY started_at`);
    expect(runs.rows).toEqual([
      { trigger: 'CLI', dry_run: true, finished: true },
      { trigger: 'CLI', dry_run: false, finished: true },
    ]);
  }, 60_000);

  it('refuses an unknown option before touching the database', async () => {
    const { code, out, err } = await cli('--all');
    expect({ code, out, err }).toEqual({ code: 2, out: [], err: ['Option invalide « --all » : retention [--dry-run]'] });
  });
});
