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
import type { DocumentRow } from '../files/document.mapper';
import { NotificationMailer } from '../notifications/notification-mailer';
import { NotificationsService } from '../notifications/notifications.service';
import { FIELD_LABELS, projectInputOf } from '../projects/project.mapper';
import { type ProjectEditGuard, ProjectsService } from '../projects/projects.service';
import { canonicalJson, previewVersion } from './preview-version';
import { PublicationException, PublicationStalePreviewException } from './publication.exception';
import { PublicationRepository, type PublicationRow } from './publication.repository';
import { slugify } from './slug';

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
    private readonly repository: PublicationRepository,
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
    return this.toDto(user, await this.repository.load(this.db.manager, projectId));
  }

  /** What the public would see if the fiche were approved now, and its version; documents link to their signed-in routes. */
  async preview(user: AuthUser, projectId: string): Promise<PublicationPreviewDto> {
    await this.projects.loadVisible(user, projectId);
    return this.previewOf(this.db.manager, projectId);
  }

  private async previewOf(manager: EntityManager, projectId: string): Promise<PublicationPreviewDto> {
    const snapshot = await this.snapshot(manager, projectId);
    const published = await this.repository.findPublished(manager, projectId);
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
    const rows = await this.repository.queue(user.departementCode, query.limit, query.offset);
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
      await this.repository.lockProject(tx, projectId);
      const row = await this.repository.load(tx, projectId);
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
      await this.repository.updateState(tx, projectId, to, input.action, reason);
      if (input.action === 'approve') {
        await this.publishSnapshot(tx, user.id, projectId, now);
      } else if (input.action === 'withdraw') {
        await this.repository.deletePublication(tx, projectId);
      }
      await this.repository.insertEvent(tx, { projectId, at: now, actorId: user.id, action: input.action, from: row.publication_state, to, reason });
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
    if ((await this.repository.lockState(tx, projectId)) !== 'AWAITING_REVIEW' || user.role === 'MAYOR') {
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
    const row = await this.repository.load(tx, projectId);
    const reason = `Modifié : ${changed.map((key) => SNAPSHOT_LABELS[key]).join(', ')}.`;
    await this.repository.backToConsent(tx, projectId);
    await this.repository.insertEditEvent(tx, projectId, this.clock.now(), user.id, reason);
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
    const project = await this.repository.snapshotProject(tx, projectId);
    const commune = await this.repository.snapshotCommune(tx, project.commune_insee);
    const choices = project.publication_choices;
    const documents = await this.repository.chosenDocuments(tx, projectId, choices.documentIds);
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
    const project = await this.repository.publicationTarget(tx, projectId);
    const existing = await this.repository.findPublished(tx, projectId);
    const slug = existing?.slug ?? (await this.freeSlug(tx, `${snapshot.title} ${snapshot.commune.name}`));
    const year = Number((snapshot.endDate ?? now.toISOString()).slice(0, 4));
    await this.repository.upsertPublication(tx, {
      projectId,
      slug,
      departementCode: project.departement_code,
      communeInsee: project.commune_insee,
      cantonCode: project.canton_code,
      theme: snapshot.theme,
      status: snapshot.status,
      year,
      latitude: snapshot.location?.lat ?? null,
      longitude: snapshot.location?.lng ?? null,
      snapshot: JSON.stringify(snapshot),
      documentIds: [...snapshot.photos, ...snapshot.documents].map((d) => d.id),
      projectVersion: project.version,
      publishedAt: existing?.published_at ?? now,
      reviewerId,
    });
  }

  /** A slug not taken yet: the title and commune, then `-2`, `-3`… */
  private async freeSlug(tx: EntityManager, text: string): Promise<string> {
    const base = slugify(text);
    const taken = new Set<string>(await this.repository.slugsLike(tx, base));
    let slug = base;
    for (let n = 2; taken.has(slug); n++) {
      slug = `${base}-${n}`;
    }
    return slug;
  }

  /** Only the project's own documents (not deleted) can be chosen. */
  private async saveChoices(tx: EntityManager, row: PublicationRow, choices: PublicationChoicesDto): Promise<void> {
    const ids = [...new Set(choices.documentIds)];
    if ((await this.repository.countProjectDocuments(tx, row.id, ids)) !== ids.length) {
      throw new ValidationFailedException({ 'choices.documentIds': 'Un document choisi n’est plus dans le projet : rechargez la page.' });
    }
    await this.repository.saveChoices(tx, row.id, { documentIds: ids, showFunding: choices.showFunding });
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

  private async toDto(user: AuthUser, row: PublicationRow): Promise<PublicationDto> {
    const events = await this.repository.events(row.id);
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
    const daily = await this.repository.dailyViews(row.id, this.clock.now());
    const total = await this.repository.totalViews(row.id);
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
