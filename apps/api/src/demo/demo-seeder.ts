import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OfficeSpan } from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { hashPassword } from '../auth/passwords';
import { Clock } from '../common/clock/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TerritoryImportService } from '../territory/import/territory-import.service';
import { DEMO_ACCOUNTS, DEMO_DEPARTEMENT } from './demo-accounts';
import { DEMO_PROJECTS } from './demo-projects';
import { DEMO_PUBLICATIONS } from './demo-publications';
import { seedDemoDeptProjects } from './demo-dept-projects';
import { PublicationService } from '../publication/publication.service';
import { DEMO_LABELS, DEMO_TEMPLATES, DEMO_THREADS, type DemoThread } from './demo-threads';
import { REFRESH_SEARCH_SQL } from '../threads/threads.repository';
import { parisDay, workingCalendar } from '../common/calendar/working-calendar';
import { FaqRepository } from '../faq/faq.repository';
import { FaqService } from '../faq/faq.service';
import { DEMO_FAQ } from './demo-faq';
import { DEMO_CATALOGUE } from '../simulator/engine/demo-catalogue';
import { ruleFieldsOf } from '../simulator/simulator.mapper';
import { SimulatorRepository } from '../simulator/simulator.repository';
import { ThreadFactsService } from '../indicators/thread-facts.service';
import { type DemoYearThread, demoYear } from './demo-year';

/** The demo catalogue's schemes of a département (the others are national to the installation). */
const DEMO_SCHEME_DEPARTEMENTS: Record<string, string> = { 'cd95-rural': DEMO_DEPARTEMENT };

/** The id a seeding statement reads back. */
interface IdRow {
  id: string;
}

/**
 * First start on an empty database: import the default département, then (for Val-d'Oise) the demo staff and
 * three small communes with their mayor and collaborators. The demo staff is exempt from the second factor
 * while the demo mode is on, and only then.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly territoryImport: TerritoryImportService,
    private readonly publication: PublicationService,
    private readonly faqRepository: FaqRepository,
    private readonly faq: FaqService,
    private readonly simulator: SimulatorRepository,
    private readonly threadFacts: ThreadFactsService,
    private readonly clock: Clock,
  ) {}

  /** Returns whether it seeded anything. */
  async seedOnFirstRun(): Promise<boolean> {
    const [{ count }] = await this.db.query<{ count: string }[]>(`SELECT count(*) FROM departement`);
    if (Number(count) > 0) {
      return false;
    }
    this.logger.log(`Base vide : import du département ${this.config.defaultDepartementCode}…`);
    await this.territoryImport.importDepartement(this.config.defaultDepartementCode);
    if (this.config.defaultDepartementCode !== DEMO_DEPARTEMENT) {
      await this.territoryImport.importDepartement(DEMO_DEPARTEMENT);
    }
    await this.seedAccounts();
    // The indicators read the facts: the demo's dashboard is right at once, not after the first nightly job.
    await this.threadFacts.rebuild({ departementCode: null, since: null });
    return true;
  }

  private async seedAccounts(): Promise<void> {
    const passwordHash = await hashPassword(this.config.demoPassword);
    await this.db.transaction(async (tx) => {
      const communes = [...new Set(DEMO_ACCOUNTS.map((a) => a.communeInsee).filter((c): c is string => !!c))];
      await tx.query(`INSERT INTO commune_workspace (commune_insee) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [communes]);
      for (const account of DEMO_ACCOUNTS) {
        await tx.query(
          `INSERT INTO app_user (email, display_name, role, departement_code, commune_insee, password_hash, totp_exempt)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (email) DO NOTHING`,
          [account.email, account.displayName, account.role, DEMO_DEPARTEMENT, account.communeInsee, passwordHash, account.communeInsee === null],
        );
      }
    });
    this.logger.log(`${DEMO_ACCOUNTS.length} comptes de démonstration créés (mot de passe : DEMO_PASSWORD).`);
    await this.seedProjects();
  }

  private async seedProjects(): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const p of DEMO_PROJECTS) {
        const [created] = await tx.query<{ id: string; created_by: string }[]>(
          `INSERT INTO project (commune_insee, title, summary, description, objectives, theme, status, progress, start_date, end_date,
                                project_lead, partners, latitude, longitude, address, forecast_cost_cents, final_cost_cents,
                                funding_lines, milestones, lessons, evaluation, created_by, updated_by)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, u.id, u.id
             FROM app_user u WHERE u.email = $22
           RETURNING id, created_by`,
          [
            p.communeInsee, p.title, p.summary, p.description, p.objectives, p.theme, p.status, p.progress, p.startDate, p.endDate,
            p.projectLead, p.partners, p.location?.lat ?? null, p.location?.lng ?? null, p.location?.address ?? null,
            p.forecastCostCents, p.finalCostCents, JSON.stringify(p.fundingLines), JSON.stringify(p.milestones),
            JSON.stringify(p.lessons), p.evaluation, p.authorEmail,
          ],
        );
        await tx.query(`INSERT INTO project_history (project_id, actor_id, action) VALUES ($1, $2, 'CREATED')`, [created.id, created.created_by]);
      }
    });
    this.logger.log(`${DEMO_PROJECTS.length} projets de démonstration créés.`);
    await this.seedPublications();
    await this.seedDeptProjects();
    await this.seedThreads();
    await this.seedYearOfQuestions();
    await this.seedFaq();
    await this.seedAidSchemes();
  }

  /**
   * The simulator's demo catalogue: the national schemes of the installation (DETR, DSIL, Fonds vert, LEADER) and the
   * Val-d'Oise's own aid, each with its dated version. The legal parameters are code (`LEGAL_PARAMETERS`), not rows.
   * A scheme whose code already exists is left as it is.
   */
  private async seedAidSchemes(): Promise<void> {
    let created = 0;
    await this.db.transaction(async (tx) => {
      for (const version of DEMO_CATALOGUE) {
        // The version's own id and scheme id are the catalogue's names: the database gives its own.
        const { schemeId, code, name, funder, kind, destination, validFrom, validTo } = version;
        const rule = ruleFieldsOf(version);
        const departementCode = DEMO_SCHEME_DEPARTEMENTS[schemeId] ?? null;
        if (await this.simulator.codeTaken(tx, departementCode ?? DEMO_DEPARTEMENT, code, null)) {
          continue;
        }
        const id = await this.simulator.insertScheme(tx, departementCode, {
          code,
          name,
          funder,
          kind,
          destination,
          description: '',
          audiences: ['Communes'],
          recurrence: validTo === null ? 'Permanente' : 'Annuelle',
          callForProjects: funder === 'ETAT',
          links: rule.sources.slice(0, 3),
        });
        await this.simulator.insertVersion(tx, id, { validFrom, validTo, rule }, null);
        created++;
      }
    });
    this.logger.log(`${created} dispositifs d’aide de démonstration créés.`);
  }

  /**
   * The demo FAQ, through the FAQ's own writes: written by an agent, submitted, published by the admin two months
   * ago, then archived where the entry says so. The nightly sweep then sends the entries past their date back to
   * review, as it would have. A few readings and votes so that the counters are not all zero.
   */
  private async seedFaq(): Promise<void> {
    const users = new Map(
      (await this.db.query<{ id: string; email: string }[]>(`SELECT id, email FROM app_user WHERE departement_code = $1 AND role IN ('AGENT', 'ADMIN')`, [DEMO_DEPARTEMENT])).map(
        (u) => [u.email, u.id],
      ),
    );
    const reviewer = users.get('admin@valdoise.example');
    if (!reviewer) {
      return;
    }
    const day = 24 * 3_600_000;
    const now = this.clock.now().getTime();
    await this.db.transaction(async (tx) => {
      // An entry is its own text: the repository reads the contract's fields only.
      for (const [index, text] of DEMO_FAQ.entries()) {
        const { status } = text;
        const author = users.get(text.category === 'FUNDING' ? 'agent.financements@valdoise.example' : 'agent.voirie@valdoise.example') ?? reviewer;
        const written = new Date(now - (90 - index) * day);
        const id = await this.faqRepository.insert(tx, DEMO_DEPARTEMENT, author, text, written);
        await this.faqRepository.insertRevision(tx, id, 1, text, author, written);
        if (status === 'DRAFT') {
          continue;
        }
        const submitted = new Date(written.getTime() + day);
        await this.faqRepository.setStatus(tx, id, { status: 'IN_REVIEW', submittedBy: author }, submitted);
        await this.faqRepository.insertReviewEvent(tx, id, 'SUBMITTED', author, null, submitted);
        const published = new Date(submitted.getTime() + day);
        await this.faqRepository.setStatus(tx, id, { status: 'PUBLISHED', reviewedBy: reviewer, reviewComment: null, published: true }, published);
        await this.faqRepository.insertReviewEvent(tx, id, 'PUBLISHED', reviewer, null, published);
        if (status === 'ARCHIVED') {
          const archived = new Date(published.getTime() + 20 * day);
          await this.faqRepository.setStatus(tx, id, { status: 'ARCHIVED' }, archived);
          await this.faqRepository.insertReviewEvent(tx, id, 'ARCHIVED', reviewer, null, archived);
        }
        await tx.query(`UPDATE faq_entry SET view_count = $2, helpful_yes = $3, helpful_no = $4 WHERE id = $1`, [id, 12 + ((index * 37) % 140), 3 + ((index * 7) % 19), (index * 3) % 4]);
      }
      const expired = await this.faqRepository.expire(tx, parisDay(now), new Date(now));
      for (const id of expired) {
        await this.faqRepository.insertReviewEvent(tx, id, 'EXPIRED', null, null, new Date(now));
      }
    });
    await this.faq.refreshVocabulary();
    this.logger.log(`${DEMO_FAQ.length} réponses de FAQ de démonstration créées.`);
  }

  /**
   * Completed projects of other small communes, already published (consent and review in the log, dated at
   * their completion), so that visitors find a map and a list on the first start. Their snapshot is made by the
   * publication service itself, as an approval would.
   */
  private async seedPublications(): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [reviewer] = await tx.query<IdRow[]>(`SELECT id FROM app_user WHERE email = 'agent.voirie@valdoise.example'`);
      for (const p of DEMO_PUBLICATIONS) {
        const fundingLines = (p.funding ?? []).map((f) => ({
          ...f,
          amountRequestedCents: f.amountObtainedCents,
          state: 'PAID',
          requestedOn: null,
          decidedOn: null,
        }));
        const [commune] = await tx.query<{ name: string }[]>(`SELECT name FROM commune WHERE insee = $1`, [p.communeInsee]);
        if (!commune) {
          continue;
        }
        const [created] = await tx.query<IdRow[]>(
          `INSERT INTO project (commune_insee, title, summary, description, objectives, theme, status, progress, start_date, end_date,
                                project_lead, partners, latitude, longitude, address, forecast_cost_cents, final_cost_cents,
                                funding_lines, milestones, lessons, evaluation, publication_state, publication_choices)
           SELECT c.insee, $2, $3, $4, '', $5, 'COMPLETED', 100, $6, $7, $15, '', c.latitude + $8, c.longitude + $9, NULL,
                  $10, $11, $12, '[]', $13, '', 'PUBLISHED', $14
             FROM commune c WHERE c.insee = $1
           RETURNING id`,
          [
            p.communeInsee, p.title, p.summary, p.description, p.theme, p.startDate, p.endDate, p.offset[0], p.offset[1],
            p.forecastCostCents, p.finalCostCents, JSON.stringify(fundingLines), JSON.stringify(p.lessons),
            JSON.stringify({ documentIds: [], showFunding: p.funding !== null }),
            `Commune ${ofPlace(commune.name)}`,
          ],
        );
        if (!created) {
          continue;
        }
        const at = new Date(`${p.endDate}T10:00:00Z`);
        at.setUTCDate(at.getUTCDate() + 30);
        await tx.query(`INSERT INTO project_history (project_id, actor_id, action) VALUES ($1, NULL, 'CREATED')`, [created.id]);
        await tx.query(
          `INSERT INTO publication_event (project_id, at, actor_id, action, from_state, to_state)
           VALUES ($1, $2, NULL, 'request', 'PRIVATE', 'AWAITING_REVIEW'), ($1, $3, $4, 'approve', 'AWAITING_REVIEW', 'PUBLISHED')`,
          [created.id, new Date(at.getTime() - 86_400_000), at, reviewer?.id ?? null],
        );
        await this.publication.publishSnapshot(tx, reviewer?.id ?? null, created.id, at);
      }
    });
    this.logger.log(`${DEMO_PUBLICATIONS.length} projets publiés de démonstration créés.`);
  }

  /** The département's own projects (programme axes, five projects, a year of progress reports), written in SQL. */
  private async seedDeptProjects(): Promise<void> {
    const count = await this.db.transaction((tx) => seedDemoDeptProjects(tx, this.clock.now()));
    this.logger.log(`${count} projets du Département de démonstration créés.`);
  }

  /** Labels, routing rules, templates and questions in every state, dated relative to now. */
  private async seedThreads(): Promise<void> {
    const now = this.clock.now().getTime();
    const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000);
    const calendar = workingCalendar(DEMO_DEPARTEMENT);
    await this.db.transaction(async (tx) => {
      const users = new Map<string, { id: string; role: string }>(
        (await tx.query<{ id: string; email: string; role: string }[]>(`SELECT id, email, role::text FROM app_user WHERE departement_code = $1`, [DEMO_DEPARTEMENT])).map(
          (u) => [u.email, u],
        ),
      );
      const labels = new Map<string, string>();
      for (const label of DEMO_LABELS) {
        const [row] = await tx.query<IdRow[]>(`INSERT INTO label (departement_code, name, colour) VALUES ($1, $2, $3) RETURNING id`, [DEMO_DEPARTEMENT, label.name, label.colour]);
        labels.set(label.name, row.id);
      }
      const admin = users.get('admin@valdoise.example')?.id ?? null;
      for (const template of DEMO_TEMPLATES) {
        await tx.query(`INSERT INTO answer_template (departement_code, title, body, updated_by) VALUES ($1, $2, $3, $4)`, [
          DEMO_DEPARTEMENT,
          template.title,
          template.body,
          admin,
        ]);
      }
      await tx.query(
        `INSERT INTO routing_rule (departement_code, category, agent_id) SELECT $1, 'FUNDING', id FROM app_user WHERE email = 'agent.financements@valdoise.example'`,
        [DEMO_DEPARTEMENT],
      );
      await tx.query(
        `INSERT INTO routing_rule (departement_code, canton_code, category, agent_id)
         SELECT $1, c.canton_code, 'REGULATION', u.id FROM commune c, app_user u
          WHERE c.insee = '95625' AND c.canton_code IS NOT NULL AND u.email = 'agent.voirie@valdoise.example'`,
        [DEMO_DEPARTEMENT],
      );
      for (const thread of DEMO_THREADS) {
        await this.seedThread(tx, thread, users, labels, at, (from) => calendar.addWorkingDays(from, 5));
      }
    });
    this.logger.log(`${DEMO_THREADS.length} questions de démonstration créées.`);
  }

  /**
   * A year of questions of the demo communes before now (`demoYear`), so that the indicators show delays, volumes
   * and opinions on the first start. Written in a few set-based statements (one per table), not one per row.
   */
  private async seedYearOfQuestions(): Promise<void> {
    const started = Date.now();
    const [settings] = await this.db.query<{ first_response_days: number; office_hours: OfficeSpan[] }[]>(
      `SELECT first_response_days, office_hours FROM departement WHERE code = $1`,
      [DEMO_DEPARTEMENT],
    );
    const year = demoYear({ now: this.clock.now(), calendar: workingCalendar(DEMO_DEPARTEMENT), officeHours: settings.office_hours, targetDays: settings.first_response_days });
    const threads = year.map((thread) => ({ id: randomUUID(), thread }));
    await this.db.transaction(async (tx) => {
      const users = new Map(
        (await tx.query<{ id: string; email: string }[]>(`SELECT id, email FROM app_user WHERE departement_code = $1`, [DEMO_DEPARTEMENT])).map((u) => [u.email, u.id]),
      );
      const userId = (email: string | null) => (email === null ? null : (users.get(email) ?? null));
      await tx.query(
        `INSERT INTO thread (id, commune_insee, departement_code, subject, category, state, assignee_id, created_by, created_at, last_activity_at,
                             last_public_activity_at, due_at, paused_remaining_days, waiting_since, waiting_total_ms, first_response_at,
                             first_response_ms, closed_at, closed_by, satisfaction_score, satisfaction_comment, satisfaction_by, satisfaction_at,
                             effort_score, public_message_count, note_count, version)
         SELECT r.id, r.commune_insee, c.departement_code, r.subject, r.category, r.state, r.assignee_id, r.created_by, r.created_at, r.last_activity_at,
                r.last_public_activity_at, r.due_at, r.paused_remaining_days, r.waiting_since, r.waiting_total_ms, r.first_response_at,
                r.first_response_ms, r.closed_at, r.closed_by, r.satisfaction_score, r.satisfaction_comment, r.satisfaction_by, r.satisfaction_at,
                r.effort_score, r.public_message_count, r.note_count, r.version
           FROM jsonb_to_recordset($1::jsonb) AS r(
                  id uuid, commune_insee varchar, subject text, category text, state text, assignee_id uuid, created_by uuid, created_at timestamptz,
                  last_activity_at timestamptz, last_public_activity_at timestamptz, due_at timestamptz, paused_remaining_days double precision,
                  waiting_since timestamptz, waiting_total_ms bigint, first_response_at timestamptz, first_response_ms bigint, closed_at timestamptz,
                  closed_by uuid, satisfaction_score smallint, satisfaction_comment text, satisfaction_by uuid, satisfaction_at timestamptz,
                  effort_score smallint, public_message_count int, note_count int, version int)
           -- A commune the territory no longer has is skipped, with its messages and events (joined on the thread below).
           JOIN commune c ON c.insee = r.commune_insee`,
        [JSON.stringify(threads.map(({ id, thread }) => yearThreadRecord(id, thread, userId)))],
      );
      await tx.query(
        `INSERT INTO thread_message (thread_id, author_id, author_side, body, internal, created_at)
         SELECT r.thread_id, r.author_id, r.author_side, r.body, r.internal, r.created_at
           FROM jsonb_to_recordset($1::jsonb) AS r(thread_id uuid, author_id uuid, author_side text, body text, internal boolean, created_at timestamptz)
           JOIN thread t ON t.id = r.thread_id`,
        [
          JSON.stringify(
            threads.flatMap(({ id, thread }) =>
              thread.messages.map((m) => ({ thread_id: id, author_id: userId(m.authorEmail), author_side: m.side, body: m.body, internal: m.internal, created_at: m.at })),
            ),
          ),
        ],
      );
      await tx.query(
        `INSERT INTO thread_event (thread_id, at, actor_id, kind, from_state, to_state)
         SELECT r.thread_id, r.at, r.actor_id, 'STATE_CHANGED', r.from_state, r.to_state
           FROM jsonb_to_recordset($1::jsonb) AS r(thread_id uuid, at timestamptz, actor_id uuid, from_state text, to_state text)
           JOIN thread t ON t.id = r.thread_id
          ORDER BY r.at`,
        [
          JSON.stringify(
            threads.flatMap(({ id, thread }) => thread.events.map((e) => ({ thread_id: id, at: e.at, actor_id: userId(e.actorEmail), from_state: e.from, to_state: e.to }))),
          ),
        ],
      );
      await tx.query(
        `INSERT INTO thread_label (thread_id, label_id)
         SELECT r.thread_id, l.id
           FROM jsonb_to_recordset($1::jsonb) AS r(thread_id uuid, name text)
           JOIN thread t ON t.id = r.thread_id
           JOIN label l ON l.departement_code = t.departement_code AND l.name = r.name`,
        [JSON.stringify(threads.flatMap(({ id, thread }) => thread.labels.map((name) => ({ thread_id: id, name }))))],
      );
      // The inbox's search document of each thread, as REFRESH_SEARCH_SQL writes it for one.
      await tx.query(
        `INSERT INTO thread_search (thread_id, departement_code, active, document)
         SELECT t.id, t.departement_code, t.state <> 'CLOSED',
                strip(to_tsvector('public.french_unaccent', t.subject || ' ' || coalesce(m.bodies, '')))
           FROM thread t
           LEFT JOIN (SELECT thread_id, string_agg(body, ' ' ORDER BY created_at) AS bodies FROM thread_message
                       WHERE thread_id = ANY($1::uuid[]) GROUP BY thread_id) m ON m.thread_id = t.id
          WHERE t.id = ANY($1::uuid[])`,
        [threads.map((t) => t.id)],
      );
    });
    this.logger.log(`${year.length} questions de l’année écoulée créées pour les indicateurs (${Date.now() - started} ms).`);
  }

  private async seedThread(
    tx: EntityManager,
    thread: DemoThread,
    users: Map<string, { id: string; role: string }>,
    labels: Map<string, string>,
    at: (hoursAgo: number) => Date,
    due: (from: Date) => Date,
  ): Promise<void> {
    const userId = (email: string) => users.get(email)?.id ?? null;
    const isStaff = (email: string) => ['ADMIN', 'AGENT'].includes(users.get(email)?.role ?? '');
    const [first] = thread.messages;
    const created = at(first.hoursAgo);
    const publicMessages = thread.messages.filter((m) => !m.internal);
    const firstAnswer = publicMessages.find((m) => isStaff(m.authorEmail));
    const lastPublic = at(publicMessages[publicMessages.length - 1].hoursAgo);
    const lastAny = at(Math.min(...thread.messages.map((m) => m.hoursAgo)));
    const closed = thread.closedHoursAgo === undefined ? null : at(thread.closedHoursAgo);
    const waiting = thread.waitingSinceHoursAgo === undefined ? null : at(thread.waitingSinceHoursAgo);
    const dueAt = thread.state === 'NEW' ? due(created) : thread.state === 'OPEN' ? due(lastPublic) : null;
    const [project] = thread.projectTitle
      ? await tx.query<IdRow[]>(`SELECT id FROM project WHERE commune_insee = $1 AND title = $2`, [thread.communeInsee, thread.projectTitle])
      : [];
    const [row] = await tx.query<IdRow[]>(
      `INSERT INTO thread (commune_insee, departement_code, project_id, subject, category, state, assignee_id, created_by, created_at,
                           last_activity_at, last_public_activity_at, due_at, waiting_since, first_response_at, first_response_ms,
                           closed_at, closed_by, satisfaction_score, satisfaction_comment, satisfaction_by, satisfaction_at,
                           public_message_count, note_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23) RETURNING id`,
      [
        thread.communeInsee, DEMO_DEPARTEMENT, project?.id ?? null, thread.subject, thread.category, thread.state,
        thread.assigneeEmail ? userId(thread.assigneeEmail) : null, userId(first.authorEmail), created,
        closed && closed > lastAny ? closed : lastAny, closed && closed > lastPublic ? closed : lastPublic, dueAt, waiting,
        firstAnswer ? at(firstAnswer.hoursAgo) : null, firstAnswer ? at(firstAnswer.hoursAgo).getTime() - created.getTime() : null,
        closed, closed && thread.assigneeEmail ? userId(thread.assigneeEmail) : null,
        thread.satisfaction?.score ?? null, thread.satisfaction?.comment ?? null,
        thread.satisfaction ? userId(thread.satisfaction.byEmail) : null, thread.satisfaction && closed ? new Date(closed.getTime() + 3_600_000) : null,
        publicMessages.length, thread.messages.length - publicMessages.length,
      ],
    );
    for (const message of thread.messages) {
      await tx.query(
        `INSERT INTO thread_message (thread_id, author_id, author_side, body, internal, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [row.id, userId(message.authorEmail), isStaff(message.authorEmail) ? 'DEPARTEMENT' : 'COMMUNE', message.body, message.internal ?? false, at(message.hoursAgo)],
      );
    }
    for (const [to, when] of [['WAITING_COMMUNE', waiting], ['CLOSED', closed]] as const) {
      if (when) {
        await tx.query(`INSERT INTO thread_event (thread_id, at, actor_id, kind, from_state, to_state) VALUES ($1, $2, $3, 'STATE_CHANGED', 'ANSWERED', $4)`, [
          row.id, when, thread.assigneeEmail ? userId(thread.assigneeEmail) : null, to,
        ]);
      }
    }
    for (const label of thread.labels ?? []) {
      await tx.query(`INSERT INTO thread_label (thread_id, label_id) VALUES ($1, $2)`, [row.id, labels.get(label)]);
    }
    await tx.query(REFRESH_SEARCH_SQL, [row.id]);
  }
}

/** A question of the year as a row of `thread` (people by id). */
function yearThreadRecord(id: string, thread: DemoYearThread, userId: (email: string | null) => string | null): Record<string, unknown> {
  const rating = thread.satisfaction;
  return {
    id,
    commune_insee: thread.communeInsee,
    subject: thread.subject,
    category: thread.category,
    state: thread.state,
    assignee_id: userId(thread.assigneeEmail),
    created_by: userId(thread.createdByEmail),
    created_at: thread.createdAt,
    last_activity_at: thread.lastActivityAt,
    last_public_activity_at: thread.lastPublicActivityAt,
    due_at: thread.clock.dueAt,
    paused_remaining_days: thread.clock.pausedRemainingDays,
    waiting_since: thread.clock.waitingSince,
    waiting_total_ms: thread.clock.waitingTotalMs,
    first_response_at: thread.firstResponseAt,
    first_response_ms: thread.firstResponseMs,
    closed_at: thread.closedAt,
    closed_by: userId(thread.closedByEmail),
    satisfaction_score: rating?.score ?? null,
    satisfaction_comment: rating?.comment ?? null,
    satisfaction_by: rating ? userId(rating.byEmail) : null,
    satisfaction_at: rating?.at ?? null,
    effort_score: rating?.effort ?? null,
    public_message_count: thread.messages.filter((m) => !m.internal).length,
    note_count: thread.messages.filter((m) => m.internal).length,
    version: thread.version,
  };
}
