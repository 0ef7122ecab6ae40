import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  Page,
  PublicationQueueItemDto,
  PublicationViewsDto,
  PublicDocumentDto,
  PublicProjectDto,
  PublicationAction,
  PublicationActionInput,
  PublicationChoicesDto,
  PublicationDto,
  PublicationEventDto,
  PublicationEventKind,
  PublicationPreviewDto,
  PublicationState,
} from '@passerelle/shared/dto';
import { PUBLICATION_ACTIONS } from '@passerelle/shared/dto';
import type { RequestMeta } from '../common/access/access.decorators';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { AuditService, type AuditAction } from '../audit/audit.service';
import type { PageQueryDto } from '../common/pagination/page-query.dto';
import { Clock } from '../common/clock/clock';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import { DOCUMENT_SELECT, type DocumentRow } from '../files/document.mapper';
import { NotificationMailer } from '../notifications/notification-mailer';
import { NotificationsService } from '../notifications/notifications.service';
import { FIELD_LABELS, PROJECT_SELECT, type ProjectRow, projectInputOf } from '../projects/project.mapper';
import { type ProjectEditGuard, ProjectsService } from '../projects/projects.service';
import { canonicalJson, previewVersion } from './preview-version';
import { PublicationException, PublicationStalePreviewException } from './publication.exception';
import { slugify } from './slug';

interface PublicationRow {
  id: string;
  title: string;
  status: string;
  version: number;
  commune_insee: string;
  departement_code: string;
  publication_state: PublicationState;
  publication_choices: PublicationChoicesDto;
  publication_rejection: string | null;
  slug: string | null;
  published_at: Date | null;
  published_version: number | null;
}

type Role = 'MAYOR' | 'MEMBER' | 'STAFF' | 'NONE';

type Snapshot = Omit<PublicProjectDto, 'slug' | 'publishedAt' | 'reviewedAt'>;

/** The snapshot's parts in the commune's words, to tell the mayor what an edit changed. */
const SNAPSHOT_LABELS: Record<keyof Snapshot, string> = {
  title: FIELD_LABELS.title,
  summary: FIELD_LABELS.summary,
  description: FIELD_LABELS.description,
  objectives: FIELD_LABELS.objectives,
  theme: FIELD_LABELS.theme,
  status: FIELD_LABELS.status,
  startDate: FIELD_LABELS.startDate,
  endDate: FIELD_LABELS.endDate,
  commune: 'Commune',
  location: FIELD_LABELS.location,
  forecastCostCents: FIELD_LABELS.forecastCostCents,
  finalCostCents: FIELD_LABELS.finalCostCents,
  funding: 'Financement publié',
  lessons: FIELD_LABELS.lessons,
  photos: 'Photos',
  documents: 'Documents',
};

/** Who may take each action, from which states, to which state. */
const RULES: Record<PublicationAction, { who: readonly Role[]; from: readonly PublicationState[] }> = {
  request: { who: ['MAYOR', 'MEMBER'], from: ['PRIVATE', 'PUBLISHED'] },
  consent: { who: ['MAYOR'], from: ['AWAITING_CONSENT'] },
  approve: { who: ['STAFF'], from: ['AWAITING_REVIEW'] },
  reject: { who: ['STAFF'], from: ['AWAITING_REVIEW'] },
  withdraw: { who: ['MAYOR'], from: ['AWAITING_CONSENT', 'AWAITING_REVIEW', 'PUBLISHED'] },
};

/**
 * Publication of completed projects: the commune asks, the mayor consents, an agent reviews. Each transition is one
 * transaction that locks the project, writes the state, the public snapshot (or removes it) and the log, and
 * notifies the people concerned; the public reads the snapshot only.
 *
 * What goes online is what the mayor consented to and the agent read: the agent's approval names the preview's
 * `version` (a digest of the snapshot), and an edit by a collaborator of what would go online while the fiche waits
 * for its review sends it back to the mayor (`guardEdit`), in the edit's transaction.
 */
@Injectable()
export class PublicationService implements OnModuleInit, ProjectEditGuard {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly projects: ProjectsService,
    private readonly notifications: NotificationsService,
    private readonly mailer: NotificationMailer,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.projects.useEditGuard(this);
  }

  async get(user: AuthUser, projectId: string): Promise<PublicationDto> {
    await this.projects.loadVisible(user, projectId);
    return this.toDto(user, await this.load(this.db.manager, projectId));
  }

  /** What the public would see if the fiche were approved now, and its version; documents link to their signed-in routes. */
  async preview(user: AuthUser, projectId: string): Promise<PublicationPreviewDto> {
    await this.projects.loadVisible(user, projectId);
    return this.previewOf(this.db.manager, projectId);
  }

  private async previewOf(manager: EntityManager, projectId: string): Promise<PublicationPreviewDto> {
    const snapshot = await this.snapshot(manager, projectId);
    const [published] = await manager.query(`SELECT slug, published_at FROM project_publication WHERE project_id = $1`, [projectId]);
    const now = this.clock.now().toISOString();
    const signedIn = (d: PublicDocumentDto): PublicDocumentDto => ({
      ...d,
      contentUrl: `/api/documents/${d.id}/content`,
      thumbnailUrl: d.thumbnailUrl ? `/api/documents/${d.id}/thumbnail` : null,
    });
    return {
      ...snapshot,
      photos: snapshot.photos.map(signedIn),
      documents: snapshot.documents.map(signedIn),
      slug: published?.slug ?? slugify(`${snapshot.title} ${snapshot.commune.name}`),
      publishedAt: published?.published_at?.toISOString() ?? now,
      reviewedAt: now,
      version: previewVersion(snapshot),
    };
  }

  /** Projects of the agent's département waiting for a review, oldest request first. */
  async queue(user: AuthUser, query: PageQueryDto): Promise<Page<PublicationQueueItemDto>> {
    const rows: { id: string; title: string; theme: PublicationQueueItemDto['theme']; insee: string; name: string; requested_at: Date; republication: boolean; total: string }[] =
      await this.db.query(
        `SELECT p.id, p.title, p.theme, c.insee, c.name,
                (SELECT max(e.at) FROM publication_event e WHERE e.project_id = p.id AND e.to_state = 'AWAITING_REVIEW') AS requested_at,
                EXISTS (SELECT 1 FROM project_publication pp WHERE pp.project_id = p.id) AS republication,
                count(*) OVER () AS total
           FROM project p JOIN commune c ON c.insee = p.commune_insee
          WHERE p.publication_state = 'AWAITING_REVIEW' AND p.deleted_at IS NULL AND c.departement_code = $1
          ORDER BY requested_at ASC NULLS FIRST, p.id
          LIMIT $2 OFFSET $3`,
        [user.departementCode, query.limit, query.offset],
      );
    return {
      items: rows.map((r) => ({
        projectId: r.id,
        title: r.title,
        theme: r.theme,
        commune: { insee: r.insee, name: r.name },
        requestedAt: (r.requested_at ?? new Date(0)).toISOString(),
        republication: r.republication,
      })),
      total: rows.length ? Number(rows[0].total) : 0,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async act(user: AuthUser, projectId: string, input: PublicationActionInput, meta: RequestMeta | null = null): Promise<PublicationDto> {
    await this.projects.loadVisible(user, projectId);
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM project WHERE id = $1 FOR UPDATE`, [projectId]);
      const row = await this.load(tx, projectId);
      const rule = RULES[input.action];
      const role = roleOf(user, row);
      if (!rule.who.includes(role)) {
        throw new PublicationException(rule.who.includes('STAFF') ? 'STAFF_ONLY' : rule.who.includes('MEMBER') ? 'COMMUNE_MEMBERS_ONLY' : 'MAYOR_ONLY');
      }
      if (!rule.from.includes(row.publication_state)) {
        throw new PublicationException('TRANSITION_FORBIDDEN');
      }
      if (input.action !== 'withdraw' && row.status !== 'COMPLETED') {
        throw new PublicationException('NOT_COMPLETED');
      }
      if (input.action === 'request' && row.publication_state === 'PUBLISHED' && row.published_version === row.version) {
        throw new PublicationException('NOTHING_TO_REVIEW');
      }
      const reason = input.reason?.trim() || null;
      if (input.action === 'reject' && !reason) {
        throw new ValidationFailedException({ reason: 'Dites à la commune pourquoi le projet n’est pas publié, et ce qu’il faudrait changer.' });
      }
      // The version read: required to approve, optional to consent (the mayor's page sends the one on screen).
      const read = input.action === 'approve' || input.action === 'request' || input.action === 'consent' ? input.version : undefined;
      if (read !== undefined) {
        const current = await this.previewOf(tx, projectId);
        if (current.version !== read) {
          throw new PublicationStalePreviewException(current);
        }
      }
      // What is public is the commune's choice: only its actions carry choices (RULES keep agents out of them).
      if ((input.action === 'request' || input.action === 'consent') && input.choices) {
        await this.saveChoices(tx, row, input.choices);
      }
      const to = nextState(input.action, role, row);
      await tx.query(
        `UPDATE project SET publication_state = $2,
                publication_rejection = CASE WHEN $3 = 'reject' THEN $4 WHEN $3 = 'request' THEN NULL ELSE publication_rejection END
          WHERE id = $1`,
        [projectId, to, input.action, reason],
      );
      if (input.action === 'approve') {
        await this.publishSnapshot(tx, user.id, projectId, now);
      } else if (input.action === 'withdraw') {
        await tx.query(`DELETE FROM project_publication WHERE project_id = $1`, [projectId]);
      }
      await tx.query(
        `INSERT INTO publication_event (project_id, at, actor_id, action, from_state, to_state, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [projectId, now, user.id, input.action, row.publication_state, to, reason],
      );
      await this.notify(tx, user, row, input.action, to, reason);
      await this.audit.record(
        {
          action: `PUBLICATION_${input.action.toUpperCase()}` as AuditAction,
          actorId: user.id,
          targetType: 'project',
          targetId: projectId,
          departementCode: row.departement_code,
          communeInsee: row.commune_insee,
          details: { from: row.publication_state, to },
        },
        meta,
        tx,
      );
    });
    this.mailer.flushSoon();
    return this.get(user, projectId);
  }

  /**
   * Runs a collaborator's edit of a fiche (in its transaction, the project locked like a transition does): when the
   * fiche waits for its review and the edit changes what would go online, the request goes back to the mayor, who
   * consents to exactly what the agent approves. The mayor's own edits keep the consent: the mayor made them. Edits of
   * private fields only (evaluation, partners…) change nothing online, so they keep it too.
   */
  async guardEdit(tx: EntityManager, user: AuthUser, projectId: string, edit: () => Promise<void>): Promise<void> {
    const [locked]: { publication_state: PublicationState }[] = await tx.query(`SELECT publication_state FROM project WHERE id = $1 FOR UPDATE`, [
      projectId,
    ]);
    if (locked?.publication_state !== 'AWAITING_REVIEW' || user.role === 'MAYOR') {
      await edit();
      return;
    }
    const before = await this.snapshot(tx, projectId);
    await edit();
    const after = await this.snapshot(tx, projectId);
    const changed = (Object.keys(SNAPSHOT_LABELS) as (keyof Snapshot)[]).filter((key) => canonicalJson(before[key]) !== canonicalJson(after[key]));
    if (changed.length === 0) {
      return;
    }
    const row = await this.load(tx, projectId);
    const reason = `Modifié : ${changed.map((key) => SNAPSHOT_LABELS[key]).join(', ')}.`;
    await tx.query(`UPDATE project SET publication_state = 'AWAITING_CONSENT' WHERE id = $1`, [projectId]);
    await tx.query(
      `INSERT INTO publication_event (project_id, at, actor_id, action, from_state, to_state, reason) VALUES ($1, $2, $3, 'edit', 'AWAITING_REVIEW', 'AWAITING_CONSENT', $4)`,
      [projectId, this.clock.now(), user.id, reason],
    );
    await this.notifications.notify(tx, {
      recipients: await this.notifications.communeMembers(tx, row.commune_insee, user.id, ['MAYOR']),
      kind: 'PUBLICATION_TO_CONSENT',
      projectId,
      title: `« ${row.title} » a été modifié pendant sa relecture : votre accord est de nouveau demandé`,
      excerpt: reason,
    });
  }

  /** After an edit committed: the mayor's mail leaves now. */
  afterEdit(): void {
    this.mailer.flushSoon();
  }

  /** The snapshot the public sees, as of now: exactly what was reviewed. */
  async snapshot(tx: EntityManager, projectId: string): Promise<Snapshot> {
    const [project]: (ProjectRow & { publication_choices: PublicationChoicesDto })[] = await tx.query(
      `${PROJECT_SELECT.replace('SELECT p.id,', 'SELECT p.publication_choices, p.id,')} WHERE p.id = $1`,
      [projectId],
    );
    const [commune] = await tx.query(
      `SELECT c.insee, c.name, c.population, cn.name AS canton_name FROM commune c LEFT JOIN canton cn ON cn.code = c.canton_code WHERE c.insee = $1`,
      [project.commune_insee],
    );
    const choices = project.publication_choices;
    const documents: DocumentRow[] = await tx.query(
      `${DOCUMENT_SELECT} WHERE d.project_id = $1 AND d.deleted_at IS NULL AND d.id = ANY($2::uuid[]) ORDER BY d.uploaded_at, d.id`,
      [projectId, choices.documentIds],
    );
    const fiche = projectInputOf(project);
    const publicDocument = (d: DocumentRow): PublicDocumentDto => ({
      id: d.id,
      filename: d.filename,
      mimeType: d.mime_type,
      sizeBytes: Number(d.size_bytes),
      kind: d.kind,
      contentUrl: `/api/public/documents/${d.id}/content`,
      thumbnailUrl: d.thumbnail_key ? `/api/public/documents/${d.id}/thumbnail` : null,
    });
    return {
      title: fiche.title,
      summary: fiche.summary,
      description: fiche.description,
      objectives: fiche.objectives,
      theme: fiche.theme,
      status: fiche.status,
      startDate: fiche.startDate,
      endDate: fiche.endDate,
      commune: { insee: commune.insee, name: commune.name, population: commune.population, cantonName: commune.canton_name },
      location: fiche.location,
      forecastCostCents: fiche.forecastCostCents,
      finalCostCents: fiche.finalCostCents,
      // Public money only, and only what was obtained: amounts asked for and refusals stay the commune's.
      funding: choices.showFunding
        ? fiche.fundingLines
            .filter((f) => f.state === 'OBTAINED' || f.state === 'PAID')
            .map((f) => ({ funder: f.funder, funderName: f.funderName, scheme: f.scheme, amountObtainedCents: f.amountObtainedCents }))
        : null,
      lessons: fiche.lessons,
      photos: documents.filter((d) => d.kind === 'PHOTO').map(publicDocument),
      documents: documents.filter((d) => d.kind === 'DOCUMENT').map(publicDocument),
    };
  }

  /** Writes (or replaces) the public snapshot of the fiche as it is now; the caller holds the transaction. */
  async publishSnapshot(tx: EntityManager, reviewerId: string | null, projectId: string, now: Date): Promise<void> {
    const snapshot = await this.snapshot(tx, projectId);
    const [project] = await tx.query(
      `SELECT p.version, p.commune_insee, c.departement_code, c.canton_code FROM project p JOIN commune c ON c.insee = p.commune_insee WHERE p.id = $1`,
      [projectId],
    );
    const [existing] = await tx.query(`SELECT slug, published_at FROM project_publication WHERE project_id = $1`, [projectId]);
    const slug = existing?.slug ?? (await this.freeSlug(tx, `${snapshot.title} ${snapshot.commune.name}`));
    const year = Number((snapshot.endDate ?? now.toISOString()).slice(0, 4));
    await tx.query(
      `INSERT INTO project_publication (project_id, slug, departement_code, commune_insee, canton_code, theme, status, year, latitude, longitude,
                                        snapshot, document_ids, project_version, published_at, reviewed_at, reviewed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)
       ON CONFLICT (project_id) DO UPDATE SET theme = excluded.theme, status = excluded.status, year = excluded.year,
             latitude = excluded.latitude, longitude = excluded.longitude, snapshot = excluded.snapshot, document_ids = excluded.document_ids,
             project_version = excluded.project_version, reviewed_at = excluded.reviewed_at, reviewed_by = excluded.reviewed_by`,
      [
        projectId,
        slug,
        project.departement_code,
        project.commune_insee,
        project.canton_code,
        snapshot.theme,
        snapshot.status,
        year,
        snapshot.location?.lat ?? null,
        snapshot.location?.lng ?? null,
        JSON.stringify(snapshot),
        [...snapshot.photos, ...snapshot.documents].map((d) => d.id),
        project.version,
        existing?.published_at ?? now,
        reviewerId,
      ],
    );
  }

  /** A slug not taken yet: the title and commune, then `-2`, `-3`… */
  private async freeSlug(tx: EntityManager, text: string): Promise<string> {
    const base = slugify(text);
    const taken = new Set<string>(
      (await tx.query(`SELECT slug FROM project_publication WHERE slug = $1 OR slug LIKE $1 || '-%'`, [base])).map((r: { slug: string }) => r.slug),
    );
    let slug = base;
    for (let n = 2; taken.has(slug); n++) {
      slug = `${base}-${n}`;
    }
    return slug;
  }

  /** Only the project's own documents (not deleted) can be chosen. */
  private async saveChoices(tx: EntityManager, row: PublicationRow, choices: PublicationChoicesDto): Promise<void> {
    const ids = [...new Set(choices.documentIds)];
    const [{ count }] = await tx.query(
      `SELECT count(*) AS count FROM document WHERE project_id = $1 AND deleted_at IS NULL AND id = ANY($2::uuid[])`,
      [row.id, ids],
    );
    if (Number(count) !== ids.length) {
      throw new ValidationFailedException({ 'choices.documentIds': 'Un document choisi n’est plus dans le projet : rechargez la page.' });
    }
    await tx.query(`UPDATE project SET publication_choices = $2 WHERE id = $1`, [row.id, JSON.stringify({ documentIds: ids, showFunding: choices.showFunding })]);
  }

  private async notify(
    tx: EntityManager,
    user: AuthUser,
    row: PublicationRow,
    action: PublicationAction,
    to: PublicationState,
    reason: string | null,
  ): Promise<void> {
    const quoted = `« ${row.title} »`;
    if (to === 'AWAITING_CONSENT') {
      await this.notifications.notify(tx, {
        recipients: await this.notifications.communeMembers(tx, row.commune_insee, user.id, ['MAYOR']),
        kind: 'PUBLICATION_TO_CONSENT',
        projectId: row.id,
        title: `Publication de ${quoted} : votre accord est demandé`,
        excerpt: '',
      });
    }
    if (to === 'AWAITING_REVIEW') {
      await this.notifications.notify(tx, {
        recipients: await this.notifications.departementStaff(tx, row.departement_code),
        kind: 'PUBLICATION_TO_REVIEW',
        projectId: row.id,
        title: `Projet à relire avant publication : ${quoted}`,
        excerpt: '',
      });
    }
    const decided: Partial<Record<PublicationAction, string>> = {
      approve: `${quoted} est publié`,
      reject: `${quoted} n’est pas publié`,
      withdraw: `${quoted} n’est plus publié : l’accord a été retiré`,
    };
    const title = decided[action];
    if (title) {
      await this.notifications.notify(tx, {
        recipients: await this.notifications.communeMembers(tx, row.commune_insee, user.id),
        kind: 'PUBLICATION_DECIDED',
        projectId: row.id,
        title,
        excerpt: action === 'reject' ? (reason ?? '') : '',
      });
    }
  }

  private async load(manager: Pick<EntityManager, 'query'>, projectId: string): Promise<PublicationRow> {
    const [row] = await manager.query(
      `SELECT p.id, p.title, p.status, p.version, p.commune_insee, c.departement_code, p.publication_state, p.publication_choices,
              p.publication_rejection, pp.slug, pp.published_at, pp.project_version AS published_version
         FROM project p JOIN commune c ON c.insee = p.commune_insee
         LEFT JOIN project_publication pp ON pp.project_id = p.id
        WHERE p.id = $1`,
      [projectId],
    );
    return row;
  }

  private async toDto(user: AuthUser, row: PublicationRow): Promise<PublicationDto> {
    const events: { at: Date; action: PublicationEventKind; actor: string | null; from_state: PublicationState; to_state: PublicationState; reason: string | null }[] =
      await this.db.query(
        `SELECT e.at, e.action, u.display_name AS actor, e.from_state, e.to_state, e.reason
           FROM publication_event e LEFT JOIN app_user u ON u.id = e.actor_id
          WHERE e.project_id = $1 ORDER BY e.at DESC, e.id DESC LIMIT 50`,
        [row.id],
      );
    const role = roleOf(user, row);
    const views = await this.views(row);
    const possible = (action: PublicationAction) =>
      RULES[action].who.includes(role) &&
      RULES[action].from.includes(row.publication_state) &&
      (action === 'withdraw' || row.status === 'COMPLETED') &&
      !(action === 'request' && row.publication_state === 'PUBLISHED' && row.published_version === row.version);
    return {
      state: row.publication_state,
      choices: row.publication_choices,
      slug: row.slug,
      publishedAt: row.published_at?.toISOString() ?? null,
      pendingChanges: row.published_version !== null && row.published_version !== row.version,
      rejectionReason: row.publication_rejection,
      events: events.map(
        (e): PublicationEventDto => ({
          at: e.at.toISOString(),
          action: e.action,
          actor: e.actor,
          fromState: e.from_state,
          toState: e.to_state,
          reason: e.reason,
        }),
      ),
      can: Object.fromEntries(PUBLICATION_ACTIONS.map((a) => [a, possible(a)])) as PublicationDto['can'],
      previewVersion: previewVersion(await this.snapshot(this.db.manager, row.id)),
      views,
    };
  }

  /** The last 30 days (Paris time), days without a visit included; `null` for a project never published. */
  private async views(row: PublicationRow): Promise<PublicationViewsDto | null> {
    const daily: { day: string; count: number }[] = await this.db.query(
      `WITH today AS (SELECT ($2::timestamptz AT TIME ZONE 'Europe/Paris')::date AS d)
       SELECT to_char(s.day, 'YYYY-MM-DD') AS day, coalesce(v.count, 0)::int AS count
         FROM today, generate_series(today.d - 29, today.d, interval '1 day') AS s(day)
         LEFT JOIN project_view_day v ON v.project_id = $1 AND v.day = s.day::date
        ORDER BY s.day`,
      [row.id, this.clock.now()],
    );
    const [{ total }] = await this.db.query(`SELECT coalesce(sum(count), 0)::int AS total FROM project_view_day WHERE project_id = $1`, [row.id]);
    if (!row.slug && total === 0) {
      return null;
    }
    return { total, last30Days: daily.reduce((sum, d) => sum + d.count, 0), daily };
  }
}

function roleOf(user: AuthUser, row: Pick<PublicationRow, 'commune_insee'>): Role {
  if (isStaff(user)) {
    return 'STAFF';
  }
  if (user.communeInsee !== row.commune_insee) {
    return 'NONE';
  }
  return user.role === 'MAYOR' ? 'MAYOR' : 'MEMBER';
}

/**
 * The state after an allowed action. A mayor's request consents at once. A rejected re-review leaves the reviewed
 * version online (the project stays published); a first review rejected goes back to private.
 */
function nextState(action: PublicationAction, role: Role, row: PublicationRow): PublicationState {
  switch (action) {
    case 'request':
      return role === 'MAYOR' ? 'AWAITING_REVIEW' : 'AWAITING_CONSENT';
    case 'consent':
      return 'AWAITING_REVIEW';
    case 'approve':
      return 'PUBLISHED';
    case 'reject':
      return row.slug ? 'PUBLISHED' : 'PRIVATE';
    case 'withdraw':
      return 'PRIVATE';
  }
}
