import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_PROGRESS, type DeptProjectDto, type DeptProjectSummaryDto, type Page, type PublicationViewsDto } from '@passerelle/shared/dto';
import type { RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock/clock';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import { isUuid } from '../common/http/uuid';
import { slugify } from '../publication/slug';
import { DeptProjectVersionConflictException, DeptProjectsException } from './departement-projects.exception';
import { type DeptProjectRow, mapDeptProject, mapDeptProjectSummary } from './dept-project.mapper';
import { type DeptProjectFields, DeptProjectsRepository } from './dept-projects.repository';
import type { DeptProjectFieldsDto, DeptProjectListQueryDto, UpdateDeptProjectDto } from './dto/dept-project.dto';
import { assertOwnDepartement } from './programme-axes.service';

type Fiche = Omit<DeptProjectFields, 'mapPoint'>;

const BLANK: Omit<Fiche, 'title' | 'theme' | 'status' | 'progress' | 'leadId'> = {
  summary: '',
  description: '',
  objectives: '',
  resources: '',
  partners: '',
  startDate: null,
  endDate: null,
  location: null,
  axisId: null,
  forecastCostCents: null,
  finalCostCents: null,
  fundingLines: [],
  milestones: [],
  evaluation: '',
  lessons: { problems: '', differently: '', advice: '' },
};

/** How many communes around a point are tried for « which commune is under it » before the nearest centre decides. */
const COMMUNES_AROUND_A_POINT = 12;

/**
 * The département's own projects, for its staff. Any agent or admin creates one (and leads it); the lead and the
 * admins edit it; only admins name another lead or delete it. Every read names the user's département, so another
 * département's project answers 404 exactly like a missing one; commune members are refused at the route (403).
 */
@Injectable()
export class DeptProjectsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: DeptProjectsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, code: string, query: DeptProjectListQueryDto): Promise<Page<DeptProjectSummaryDto>> {
    assertOwnDepartement(user, code);
    const rows = await this.repository.search(code, {
      q: query.q?.trim() || null,
      status: query.status ?? null,
      theme: query.theme ?? null,
      axis: query.axis?.toLowerCase() ?? null,
      canton: query.canton ?? null,
      leadId: query.lead === 'me' ? user.id : null,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: rows.map(mapDeptProjectSummary), total: rows[0]?.total ?? 0, limit: query.limit, offset: query.offset };
  }

  async get(user: AuthUser, id: string): Promise<DeptProjectDto> {
    return this.toDto(user, await this.loadVisible(user, id));
  }

  async create(user: AuthUser, code: string, input: DeptProjectFieldsDto, meta: RequestMeta | null): Promise<DeptProjectDto> {
    assertOwnDepartement(user, code);
    const missing: Record<string, string> = {};
    if (!input.title) {
      missing['title'] = 'Indiquez un titre.';
    }
    if (!input.theme) {
      missing['theme'] = 'Choisissez un thème.';
    }
    if (!input.status) {
      missing['status'] = 'Choisissez un état.';
    }
    if (Object.keys(missing).length > 0) {
      throw new ValidationFailedException(missing);
    }
    // The creator leads the project; only an admin names someone else.
    if (input.leadId !== undefined && input.leadId !== user.id && user.role !== 'ADMIN') {
      throw new DeptProjectsException('LEAD_ADMIN_ONLY');
    }
    const { cantonCodes, ...given } = definedFields(input);
    const status = input.status as Fiche['status'];
    const fiche: Fiche = {
      ...BLANK,
      ...given,
      title: input.title as string,
      theme: input.theme as Fiche['theme'],
      status,
      progress: input.progress ?? DEFAULT_PROGRESS[status],
      leadId: input.leadId === undefined ? user.id : input.leadId,
    };
    const placed = await this.checkAndPlace(code, fiche, cantonCodes ?? []);
    const id = await this.db.transaction(async (tx) => {
      const created = await this.repository.insert(tx, code, user.id, { ...fiche, mapPoint: placed.mapPoint });
      await this.repository.replaceCantons(tx, created, placed.cantons);
      await this.record(tx, user, 'DEPT_PROJECT_CREATED', created, code, { title: fiche.title, leadId: fiche.leadId }, meta);
      return created;
    });
    return this.get(user, id);
  }

  /** Optimistic locking: the change applies only to the version it was made on. */
  async update(user: AuthUser, id: string, input: UpdateDeptProjectDto, meta: RequestMeta | null): Promise<DeptProjectDto> {
    const current = await this.loadVisible(user, id);
    if (!mayEdit(user, current)) {
      throw new DeptProjectsException('PROJECT_EDIT_FORBIDDEN');
    }
    const { version, ...changes } = input;
    if (changes.leadId !== undefined && changes.leadId !== current.lead_id && user.role !== 'ADMIN') {
      throw new DeptProjectsException('LEAD_ADMIN_ONLY');
    }
    if (version !== current.version) {
      throw new DeptProjectVersionConflictException(await this.toDto(user, current));
    }
    const { cantonCodes, ...given } = definedFields(changes);
    const before = ficheOf(current);
    const after: Fiche = { ...before, ...given };
    if (changes.status && changes.status !== before.status && changes.progress === undefined) {
      after.progress = DEFAULT_PROGRESS[changes.status];
    }
    const cantonsBefore = current.cantons.map((c) => c.code);
    // A point moved on a project located by it alone takes the canton under its new place.
    const locatedByPoint = cantonCodes === undefined && changes.location !== undefined && !sameJson(before.location, after.location);
    const placed = await this.checkAndPlace(current.departement_code, after, locatedByPoint ? [] : (cantonCodes ?? cantonsBefore), before);
    const changed = [
      ...(Object.keys(after) as (keyof Fiche)[]).filter((key) => !sameJson(before[key], after[key])),
      ...(sameJson([...cantonsBefore].sort(), [...placed.cantons].sort()) ? [] : ['cantonCodes']),
    ];
    if (changed.length === 0) {
      return this.toDto(user, current);
    }
    await this.db.transaction(async (tx) => {
      if (!(await this.repository.updateAtVersion(tx, id, version, user.id, { ...after, mapPoint: placed.mapPoint }))) {
        // Someone saved between our read and this write.
        throw new DeptProjectVersionConflictException(await this.toDto(user, await this.loadVisible(user, id)));
      }
      await this.repository.replaceCantons(tx, id, placed.cantons);
      await this.record(tx, user, 'DEPT_PROJECT_UPDATED', id, current.departement_code, { fields: changed }, meta);
      if (after.leadId !== before.leadId) {
        await this.record(tx, user, 'DEPT_PROJECT_LEAD_CHANGED', id, current.departement_code, { from: before.leadId, to: after.leadId }, meta);
      }
    });
    return this.get(user, id);
  }

  /** Admins only; the project leaves the public pages at once, its rows stay for the record. */
  async remove(user: AuthUser, id: string, meta: RequestMeta | null): Promise<void> {
    const current = await this.loadVisible(user, id);
    if (user.role !== 'ADMIN') {
      throw new DeptProjectsException('DELETE_ADMIN_ONLY');
    }
    await this.db.transaction(async (tx) => {
      if (await this.repository.softDelete(tx, id, user.id)) {
        await this.record(tx, user, 'DEPT_PROJECT_DELETED', id, current.departement_code, { title: current.title }, meta);
      }
    });
  }

  /** A project of the user's département, not deleted, or 404 exactly like a missing one. */
  async loadVisible(user: AuthUser, id: string, manager: Pick<EntityManager, 'query'> = this.db.manager): Promise<DeptProjectRow> {
    const row = isUuid(id) ? await this.repository.find(manager, id, user.departementCode) : undefined;
    if (!row) {
      throw new DeptProjectsException('DEPT_PROJECT_NOT_FOUND');
    }
    return row;
  }

  /** As `loadVisible`, the project's row locked for the rest of the transaction. */
  async lockVisible(user: AuthUser, id: string, tx: EntityManager): Promise<DeptProjectRow> {
    await this.repository.lock(tx, id);
    return this.loadVisible(user, id, tx);
  }

  /**
   * Approving a report of the project, inside the review's transaction: the progress of its latest published report,
   * the milestones it reached marked done, and on the first approval the public address and publication date.
   */
  async applyApprovedReport(
    tx: EntityManager,
    project: DeptProjectRow,
    report: { progress: number; milestonesReached: string[]; latest: boolean },
    now: Date,
  ): Promise<void> {
    const reached = new Set(report.milestonesReached);
    const milestones = project.milestones.map((m) => (reached.has(m.title) ? { ...m, done: true } : m));
    await this.repository.applyReport(tx, project.id, report.latest ? report.progress : null, milestones);
    if (!project.slug) {
      await this.repository.publish(tx, project.id, await this.freeSlug(tx, project.title), now);
    }
  }

  private async toDto(user: AuthUser, row: DeptProjectRow): Promise<DeptProjectDto> {
    const lead = row.lead_id === user.id;
    const admin = user.role === 'ADMIN';
    const views = lead || admin ? await this.views(row) : null;
    return mapDeptProject(row, views, { edit: lead || admin, delete: admin, report: lead || admin, setLead: admin });
  }

  /** The last 30 days (Paris time), days without a visit included; `null` before the project is public. */
  private async views(row: DeptProjectRow): Promise<PublicationViewsDto | null> {
    if (!row.published_at) {
      return null;
    }
    const [daily, total] = await Promise.all([this.repository.dailyViews(row.id, this.clock.now()), this.repository.totalViews(row.id)]);
    return { total, last30Days: daily.reduce((sum, d) => sum + d.count, 0), daily };
  }

  /**
   * Checks what the fiche points to (axis, lead, cantons, dates) and computes where it is: its cantons (those given,
   * else the one under its point) and its map point (its point, else the middle of its cantons' communes).
   * `before`: the fiche as it was, so that a lead or axis kept as it is is not checked again.
   */
  private async checkAndPlace(code: string, fiche: Fiche, cantonCodes: string[], before?: Fiche): Promise<{ cantons: string[]; mapPoint: { lat: number; lng: number } | null }> {
    const errors: Record<string, string> = {};
    for (const key of ['startDate', 'endDate'] as const) {
      const day = fiche[key];
      if (day && !isRealDay(day)) {
        errors[key] = 'Cette date n’existe pas.';
      }
    }
    if (fiche.startDate && fiche.endDate && fiche.endDate < fiche.startDate) {
      errors['endDate'] = 'La date de fin doit être postérieure à la date de début.';
    }
    fiche.milestones.forEach((m, i) => {
      if (!isRealDay(m.date)) {
        errors[`milestones.${i}.date`] = 'Cette date n’existe pas.';
      }
    });
    if (fiche.axisId && fiche.axisId !== before?.axisId && !(await this.repository.axisExists(code, fiche.axisId))) {
      errors['axisId'] = 'Cet axe n’existe pas dans le programme du département : rechargez la page.';
    }
    if (fiche.leadId && fiche.leadId !== before?.leadId && !(await this.repository.isActiveStaff(code, fiche.leadId))) {
      errors['leadId'] = 'Le chef de projet doit être un agent ou un administrateur actif du département.';
    }
    const codes = [...new Set(cantonCodes)];
    const known = codes.length > 0 ? await this.repository.existingCantons(code, codes) : [];
    if (known.length !== codes.length) {
      errors['cantonCodes'] = `Canton inconnu dans ce département : ${codes.filter((c) => !known.includes(c)).join(', ')}.`;
    }
    if (codes.length === 0 && !fiche.location) {
      errors['cantonCodes'] = 'Indiquez au moins un canton, ou placez le projet sur la carte.';
    }
    if (Object.keys(errors).length > 0) {
      throw new ValidationFailedException(errors);
    }
    const cantons = codes.length > 0 ? codes : await this.cantonUnder(code, fiche.location as { lat: number; lng: number });
    const mapPoint = fiche.location ? { lat: fiche.location.lat, lng: fiche.location.lng } : await this.repository.cantonsCentre(cantons);
    return { cantons, mapPoint };
  }

  /** The canton of the commune under the point; else of the commune whose centre is nearest. */
  private async cantonUnder(code: string, point: { lat: number; lng: number }): Promise<string[]> {
    const around = await this.repository.nearestCommunes(code, point.lat, point.lng, COMMUNES_AROUND_A_POINT);
    const under = around.find((c) => c.outline && booleanPointInPolygon([point.lng, point.lat], c.outline)) ?? around.find((c) => c.canton_code);
    if (!under?.canton_code) {
      throw new ValidationFailedException({ cantonCodes: 'Aucun canton ne correspond à ce point : choisissez le ou les cantons du projet.' });
    }
    return [under.canton_code];
  }

  /** A slug not taken yet by another département project: the title, then `-2`, `-3`… */
  private async freeSlug(tx: EntityManager, title: string): Promise<string> {
    const base = slugify(title);
    const taken = new Set(await this.repository.slugsLike(tx, base));
    let slug = base;
    for (let n = 2; taken.has(slug); n++) {
      slug = `${base}-${n}`;
    }
    return slug;
  }

  private async record(
    tx: EntityManager,
    user: AuthUser,
    action: 'DEPT_PROJECT_CREATED' | 'DEPT_PROJECT_UPDATED' | 'DEPT_PROJECT_DELETED' | 'DEPT_PROJECT_LEAD_CHANGED',
    id: string,
    code: string,
    details: Record<string, unknown>,
    meta: RequestMeta | null,
  ): Promise<void> {
    await this.audit.record({ action, actorId: user.id, targetType: 'dept_project', targetId: id, departementCode: code, details }, meta, tx);
  }
}

/** The lead and the admins of the département edit the fiche and write its reports. */
export function mayEdit(user: AuthUser, project: Pick<DeptProjectRow, 'lead_id'>): boolean {
  return user.role === 'ADMIN' || project.lead_id === user.id;
}

function ficheOf(row: DeptProjectRow): Fiche {
  return {
    title: row.title,
    summary: row.summary,
    description: row.description,
    objectives: row.objectives,
    resources: row.resources,
    partners: row.partners,
    theme: row.theme,
    status: row.status,
    progress: row.progress,
    startDate: row.start_date,
    endDate: row.end_date,
    location: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude, address: row.address } : null,
    axisId: row.axis_id,
    leadId: row.lead_id,
    forecastCostCents: row.forecast_cost_cents === null ? null : Number(row.forecast_cost_cents),
    finalCostCents: row.final_cost_cents === null ? null : Number(row.final_cost_cents),
    fundingLines: row.funding_lines,
    milestones: row.milestones,
    evaluation: row.evaluation,
    lessons: row.lessons,
  };
}

/** The fields the request gave, as plain JSON (class instances and undefined dropped). */
function definedFields(input: DeptProjectFieldsDto): Partial<Fiche> & { cantonCodes?: string[] } {
  const plain = JSON.parse(JSON.stringify(input)) as Partial<Fiche> & { cantonCodes?: string[]; version?: number };
  delete plain.version;
  return Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)) as Partial<Fiche> & { cantonCodes?: string[] };
}

/** JSON compared with sorted keys (PostgreSQL's jsonb does not keep the order). */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown) =>
    JSON.stringify(value ?? null, (_, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)))
        : v,
    );
  return canonical(a) === canonical(b);
}

export function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}
