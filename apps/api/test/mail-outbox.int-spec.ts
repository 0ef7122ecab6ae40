import type { AddressInfo } from 'node:net';
import type { ApiError, FailedMailDto, HealthDto, Page } from '@passerelle/shared/dto';
import { SMTPServer } from 'smtp-server';
import { MailDispatcher } from '../src/mail/mail-dispatcher';
import { MailOutboxRepository } from '../src/mail/mail-outbox.repository';
import { MailTransport } from '../src/mail/mail-transport';
import { MailService } from '../src/mail/mail.service';
import { NotificationMailer } from '../src/notifications/notification-mailer';
import { type Session, createTeam, createUser, signIn } from './factories';
import { type TestApp, startTestApp } from './test-app';

interface OutboxRow {
  kind: string;
  departement_code: string | null;
  attempts: number;
  last_attempt_at: Date;
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
  failed_at: Date | null;
  text_body: string | null;
}

const MINUTE = 60_000;

/**
 * Delivery through a real SMTP server on 127.0.0.1 that refuses some recipients (451: try later, or 550: unknown)
 * and accepts the others. Each retry is brought forward in the table instead of waited for.
 */
describe('Mail outbox', () => {
  let smtp: SMTPServer;
  let t: TestApp;
  let dispatcher: MailDispatcher;
  /** Addresses refused with 451 (temporary) or 550 (permanent). */
  const refused = new Map<string, 451 | 550>();
  /** Every mail the server accepted: its recipients and raw message. */
  const received: { to: string[]; raw: string }[] = [];
  let admin95: Session;

  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      disableReverseLookup: true,
      logger: false,
      onRcptTo(address, _session, callback) {
        const code = refused.get(address.address);
        if (code) {
          callback(Object.assign(new Error(code === 451 ? 'Boîte pleine, réessayez plus tard' : 'Destinataire inconnu'), { responseCode: code }));
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    t = await startTestApp('valDOise', { SMTP_URL: `smtp://127.0.0.1:${port}` });
    dispatcher = t.app.get(MailDispatcher);
    await t.db.query(`INSERT INTO departement (code, name) VALUES ('45', 'Loiret') ON CONFLICT DO NOTHING`);
    admin95 = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', totpExempt: true }));
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const outboxRowTo = async (email: string): Promise<OutboxRow> => {
    const rows: OutboxRow[] = await t.db.query(`SELECT * FROM mail_outbox WHERE recipient = $1 ORDER BY created_at`, [email]);
    expect(rows).toHaveLength(1);
    return rows[0];
  };
  /** Minutes between a failed try and the next one. */
  const wait = (row: OutboxRow) => (row.next_attempt_at.getTime() - row.last_attempt_at.getTime()) / MINUTE;
  /** The next try becomes due now, instead of in a few minutes or hours. */
  const bringForward = (email: string) =>
    t.db.query(`UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient = $1 AND sent_at IS NULL AND failed_at IS NULL`, [email]);
  const receivedBy = (email: string) => received.filter((m) => m.to.includes(email));
  /** The reset link is made after the answer (same timing for known and unknown addresses): wait for its mail. */
  const askReset = async (email: string) => {
    const res = await inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
    expect(res.statusCode).toBeLessThan(300);
    for (let i = 0; i < 250; i++) {
      if ((await t.db.query(`SELECT 1 FROM mail_outbox WHERE recipient = $1`, [email])).length > 0) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no mail queued for ${email}`);
  };
  const health = async () => (await inject({ method: 'GET', url: '/api/health' })).json<HealthDto>();
  const listFailed = (session: Session) => inject({ method: 'GET', url: '/api/admin/mails/failed', headers: session.headers });
  const resend = (session: Session, id: string) => inject({ method: 'POST', url: `/api/admin/mails/${id}/resend`, headers: session.headers });

  it('is not marked sent while the server refuses it, is retried on the schedule, and is sent exactly once when accepted', async () => {
    const { mayor } = await createTeam(t.db, '95002');
    refused.set(mayor.email, 451);
    await askReset(mayor.email);
    await dispatcher.drain();

    let row = await outboxRowTo(mayor.email);
    expect(row).toMatchObject({ kind: 'PASSWORD_RESET', departement_code: '95', attempts: 1, sent_at: null, failed_at: null });
    expect(wait(row)).toBe(1);
    expect(row.last_error).toMatch(/451/);
    expect(receivedBy(mayor.email)).toHaveLength(0);
    expect((await health()).details.mail).toEqual({ pending: 1, failed: 0 });

    // Not due yet: nothing is tried.
    expect(await dispatcher.drain()).toBe(0);
    expect((await outboxRowTo(mayor.email)).attempts).toBe(1);

    await bringForward(mayor.email);
    await dispatcher.drain();
    row = await outboxRowTo(mayor.email);
    expect(row).toMatchObject({ attempts: 2, sent_at: null });
    expect(wait(row)).toBe(5);

    refused.delete(mayor.email);
    await bringForward(mayor.email);
    await dispatcher.drain();
    row = await outboxRowTo(mayor.email);
    expect(row).toMatchObject({ attempts: 3, failed_at: null, last_error: null });
    expect(row.sent_at).not.toBeNull();
    // The reset link is not kept once the mail has left.
    expect(row.text_body).toBeNull();
    const [mail] = receivedBy(mayor.email);
    expect(mail.raw).toMatch(/reinitialiser-mot-de-passe/);

    await bringForward(mayor.email);
    await dispatcher.drain();
    expect(receivedBy(mayor.email)).toHaveLength(1);
    expect((await health()).details.mail).toEqual({ pending: 0, failed: 0 });
  });

  it('gives up after the fifth retry, lists the mail for its département’s admins only, and sends it again on request', async () => {
    const { mayor } = await createTeam(t.db, '95625');
    refused.set(mayor.email, 451);
    await askReset(mayor.email);
    await dispatcher.drain();
    const waits: number[] = [];
    for (;;) {
      const row = await outboxRowTo(mayor.email);
      if (row.failed_at) {
        expect(row).toMatchObject({ attempts: 6, sent_at: null });
        break;
      }
      waits.push(wait(row));
      await bringForward(mayor.email);
      await dispatcher.drain();
    }
    expect(waits).toEqual([1, 5, 30, 120, 720]);
    expect(receivedBy(mayor.email)).toHaveLength(0);
    expect((await health()).details.mail).toEqual({ pending: 0, failed: 1 });

    const list = await listFailed(admin95);
    expect(list.statusCode).toBe(200);
    const failed = list.json<Page<FailedMailDto>>();
    expect(failed.total).toBe(1);
    expect(failed.items[0]).toMatchObject({
      kind: 'PASSWORD_RESET',
      to: mayor.email,
      subject: 'Changer votre mot de passe Passerelle',
      attempts: 6,
      lastError: expect.stringMatching(/451/),
    });
    // The list never carries the content, which holds the reset link.
    expect(list.body).not.toMatch(/reinitialiser-mot-de-passe/);
    const id = failed.items[0].id;

    const loiretAdmin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', departementCode: '45', totpExempt: true }));
    expect((await listFailed(loiretAdmin)).json<Page<FailedMailDto>>()).toMatchObject({ items: [], total: 0 });
    const elsewhere = await resend(loiretAdmin, id);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json<ApiError>().code).toBe('MAIL_NOT_FOUND');
    for (const role of ['MAYOR', 'AGENT'] as const) {
      const other = await signIn(t.app, role === 'MAYOR' ? mayor : await createUser(t.db, { role, totpExempt: true }));
      expect((await listFailed(other)).statusCode).toBe(403);
      expect((await resend(other, id)).statusCode).toBe(403);
    }
    expect((await resend(admin95, 'pas-un-identifiant')).statusCode).toBe(404);

    refused.delete(mayor.email);
    const resent = await resend(admin95, id);
    expect(resent.statusCode).toBe(204);
    await dispatcher.drain();
    expect(receivedBy(mayor.email)).toHaveLength(1);
    expect((await outboxRowTo(mayor.email)).sent_at).not.toBeNull();
    const [audit] = await t.db.query(`SELECT actor_id, departement_code FROM audit_event WHERE action = 'MAIL_RESENT' AND target_id = $1`, [id]);
    expect(audit).toMatchObject({ departement_code: '95' });
    expect((await listFailed(admin95)).json<Page<FailedMailDto>>().total).toBe(0);
    expect((await resend(admin95, id)).statusCode).toBe(404);
    expect((await health()).details.mail).toEqual({ pending: 0, failed: 0 });
  });

  it('gives up at once when the server refuses the recipient for good', async () => {
    const user = await createUser(t.db, { role: 'MAYOR', communeInsee: '95651', email: 'inconnu@vetheuil.example' });
    refused.set(user.email, 550);
    await askReset(user.email);
    await dispatcher.drain();
    const row = await outboxRowTo(user.email);
    expect(row).toMatchObject({ attempts: 1, sent_at: null });
    expect(row.failed_at).not.toBeNull();
    expect(row.last_error).toMatch(/550/);
    await t.db.query(`DELETE FROM mail_outbox WHERE recipient = $1`, [user.email]);
  });

  it('queues a mail with the transaction of its action, and sends it as soon as that commits', async () => {
    const mail = t.app.get(MailService);
    const message = { to: 'annule@test.example', subject: 'Annulé', text: 'x', html: '<p>x</p>' };
    await expect(
      t.db.transaction(async (tx) => {
        await mail.send(message, tx);
        throw new Error('the action fails');
      }),
    ).rejects.toThrow('the action fails');
    expect(await t.db.query(`SELECT 1 FROM mail_outbox WHERE recipient = $1`, [message.to])).toHaveLength(0);

    await t.db.transaction(async (tx) => {
      await mail.send({ ...message, to: 'valide@test.example', subject: 'Validé' }, tx);
    });
    // No drain: the commit itself wakes the dispatcher.
    for (let i = 0; i < 100 && receivedBy('valide@test.example').length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(receivedBy('valide@test.example')).toHaveLength(1);
  });

  it('sends each mail once when two instances work at the same time, and takes over a stopped instance’s mail once its lease ran out', async () => {
    const outbox = t.app.get(MailOutboxRepository);
    const queue = (to: string) =>
      outbox.insert({ kind: 'OTHER', to, subject: 'Essai', text: 'x', html: '<p>x</p>', headers: {}, departementCode: null });
    const addresses = Array.from({ length: 30 }, (_, i) => `instance-${i}@test.example`);
    for (const to of addresses) {
      await queue(to);
    }
    // A second API instance: its own dispatcher and SMTP connection, the same database.
    const other = new MailDispatcher(t.config, outbox, new MailTransport(t.config));
    const [mine, theirs] = await Promise.all([dispatcher.drain(), other.drain()]);
    expect(mine + theirs).toBe(30);
    expect(addresses.map((a) => receivedBy(a).length)).toEqual(addresses.map(() => 1));

    // An instance stopped after claiming a mail: the others leave it alone until the lease has run out.
    const id = await queue('orpheline@test.example');
    expect(await outbox.claim(5 * MINUTE, 100)).toEqual([expect.objectContaining({ id })]);
    expect(await dispatcher.drain()).toBe(0);
    await t.db.query(`UPDATE mail_outbox SET locked_until = now() - interval '1 second' WHERE id = $1`, [id]);
    expect(await dispatcher.drain()).toBe(1);
    expect(receivedBy('orpheline@test.example')).toHaveLength(1);
  });

  it('marks notifications queued with their mail, which is delivered once the server accepts it', async () => {
    const { mayor } = await createTeam(t.db, '95011');
    refused.set(mayor.email, 451);
    const [notification] = await t.db.query(
      `INSERT INTO notification (user_id, kind, title, link, email_state) VALUES ($1, 'AGENT_REPLY', 'Réponse du département', '/espace', 'PENDING') RETURNING id`,
      [mayor.id],
    );
    expect(await t.app.get(NotificationMailer).sendImmediate()).toBe(1);
    await dispatcher.drain();
    const [state] = await t.db.query(`SELECT email_state FROM notification WHERE id = $1`, [notification.id]);
    expect(state.email_state).toBe('QUEUED');
    expect(await outboxRowTo(mayor.email)).toMatchObject({ kind: 'NOTIFICATION', departement_code: '95', attempts: 1, sent_at: null });

    refused.delete(mayor.email);
    await bringForward(mayor.email);
    await dispatcher.drain();
    expect((await outboxRowTo(mayor.email)).sent_at).not.toBeNull();
    expect(receivedBy(mayor.email)).toHaveLength(1);
  });
});
