import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DEFAULT_PROGRESS,
  type Outline,
  type Page,
  type ProjectChangeDto,
  type ProjectDto,
  type ProjectHistoryEntryDto,
  type ProjectSummaryDto,
} from '@passerelle/shared/dto';
import { isUuid } from '../common/http/uuid';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { visibleCommune } from '../common/access/visible-commune';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import type { PageQueryDto } from '../common/pagination/page-query.dto';
import { mapDocument } from '../files/document.mapper';
import type { ProjectFieldsDto } from './dto/project-input.dto';
import type { ProjectListQueryDto } from './dto/project-requests.dto';
import { FIELD_LABELS, type ProjectRow, mapHistoryEntry, mapProject, mapProjectSummary, projectInputOf } from './project.mapper';
import { ProjectVersionConflictException, ProjectsException } from './projects.exception';
import { type ProjectFields as Fields, type ProjectFilters, ProjectsRepository } from './projects.repository';

const BLANK: Omit<Fields, 'title' | 'theme' | 'status' | 'progress'> = {
  summary: '',
  description: '',
  objectives: '',
  startDate: null,
  endDate: null,
  projectLead: '',
  partners: '',
  location: null,
  forecastCostCents: null,
  finalCostCents: null,
  fundingLines: [],
  milestones: [],
  lessons: { problems: '', differently: '', advice: '' },
  evaluation: '',
};

/**
 * What another feature does around an edit of a fiche, inside the edit's transaction: publication sends a fiche
 * waiting for its review back to the mayor. Registered at start-up (`useEditGuard`), because publication depends on
 * projects and not the reverse.
 */
export interface ProjectEditGuard {
  guardEdit(tx: EntityManager, user: AuthUser, projectId: string, edit: () => Promise<void>): Promise<void>;
  /** After the edit committed, e.g. to send the mails it queued. */
  afterEdit(): void;
}

/**
 * The commune's fiches projet. Commune members write them; the département's staff read every project of
 * their communes. Visibility is part of each query, so another tenant's project is simply not found (404).
 */
@Injectable()
export class ProjectsService {
  private editGuard: ProjectEditGuard | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ProjectsRepository,
  ) {}

  useEditGuard(guard: ProjectEditGuard): void {
    this.editGuard = guard;
  }

  async list(user: AuthUser, insee: string, query: ProjectListQueryDto): Promise<Page<ProjectSummaryDto>> {
    await this.visibleCommune(user, insee);
    return this.page(await this.repository.searchInCommune(insee, filtersOf(query)), query);
  }

  async listForDepartement(user: AuthUser, code: string, query: ProjectListQueryDto): Promise<Page<ProjectSummaryDto>> {
    if (!isStaff(user) || code !== user.departementCode) {
      throw new ProjectsException('DEPARTEMENT_NOT_FOUND');
    }
    const rows = await this.repository.searchInDepartement({ code, commune: query.commune ?? null, canton: query.canton ?? null }, filtersOf(query));
    return this.page(rows, query);
  }

  async get(user: AuthUser, id: string): Promise<ProjectDto> {
    return this.toDto(user, await this.loadVisible(user, id));
  }

  async create(user: AuthUser, insee: string, input: ProjectFieldsDto): Promise<ProjectDto> {
    const commune = await this.visibleCommune(user, insee);
    this.assertCommuneMember(user, insee);
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
    const status = input.status as Fields['status'];
    const fields: Fields = {
      ...BLANK,
      ...definedFields(input),
      title: input.title as string,
      theme: input.theme as Fields['theme'],
      status,
      progress: input.progress ?? DEFAULT_PROGRESS[status],
    };
    this.assertCoherent(fields, commune.outline);
    const id = await this.db.transaction(async (tx) => {
      const created = await this.repository.insert(tx, insee, user.id, fields);
      await this.recordHistory(tx, created, user.id, 'CREATED', []);
      return created;
    });
    return this.get(user, id);
  }

  /** Optimistic locking: the change applies only to the version it was made on. */
  async update(user: AuthUser, id: string, input: ProjectFieldsDto & { version: number }): Promise<ProjectDto> {
    const current = await this.loadVisible(user, id);
    this.assertCommuneMember(user, current.commune_insee);
    const { version, ...changes } = input;
    if (version !== current.version) {
      throw new ProjectVersionConflictException(await this.toDto(user, current));
    }
    const before = projectInputOf(current);
    const after: Fields = { ...before, ...definedFields(changes) };
    if (changes.status && changes.status !== before.status && changes.progress === undefined) {
      after.progress = DEFAULT_PROGRESS[changes.status];
    }
    const diff = differences(before, after);
    if (diff.length === 0) {
      return this.toDto(user, current);
    }
    this.assertCoherent(after, (await this.repository.communeOutline(current.commune_insee)) ?? null);
    await this.db.transaction(async (tx) => {
      const edit = async () => {
        if (!(await this.repository.updateAtVersion(tx, id, version, user.id, after))) {
          // Someone saved between our read and this write.
          throw new ProjectVersionConflictException(await this.toDto(user, await this.loadVisible(user, id)));
        }
        await this.recordHistory(tx, id, user.id, 'UPDATED', diff);
      };
      await (this.editGuard ? this.editGuard.guardEdit(tx, user, id, edit) : edit());
    });
    this.editGuard?.afterEdit();
    return this.get(user, id);
  }

  /** Only the mayor deletes; the project disappears but its history stays. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const current = await this.loadVisible(user, id);
    this.assertCommuneMember(user, current.commune_insee);
    if (user.role !== 'MAYOR') {
      throw new ProjectsException('MAYOR_ONLY');
    }
    await this.db.transaction(async (tx) => {
      await this.repository.softDelete(tx, id, user.id);
      // A deleted project leaves the public portal in the same transaction.
      await this.repository.deletePublication(tx, id);
      await this.recordHistory(tx, id, user.id, 'DELETED', []);
    });
  }

  async history(user: AuthUser, id: string, query: PageQueryDto): Promise<Page<ProjectHistoryEntryDto>> {
    await this.loadVisible(user, id);
    const rows = await this.repository.history(id, query.limit, query.offset);
    return {
      items: rows.map(mapHistoryEntry),
      total: rows.length > 0 ? Number(rows[0].total) : 0,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** A project the user may see (not deleted), or 404 exactly like a project that does not exist. */
  async loadVisible(user: AuthUser, id: string): Promise<ProjectRow> {
    if (!isUuid(id)) {
      throw new ProjectsException('PROJECT_NOT_FOUND');
    }
    const row = await this.repository.findVisible(user, id);
    if (!row) {
      throw new ProjectsException('PROJECT_NOT_FOUND');
    }
    return row;
  }

  /** Writing is the commune's: its members only; staff read. */
  assertCommuneMember(user: AuthUser, insee: string): void {
    if (isStaff(user) || user.communeInsee !== insee) {
      throw new ProjectsException('READ_ONLY');
    }
  }

  async recordHistory(tx: EntityManager, projectId: string, actorId: string, action: ProjectHistoryEntryDto['action'], changes: ProjectChangeDto[]): Promise<void> {
    await this.repository.insertHistory(tx, projectId, actorId, action, changes);
  }

  private async toDto(user: AuthUser, row: ProjectRow): Promise<ProjectDto> {
    const documents = await this.repository.documents(row.id);
    const member = !isStaff(user) && user.communeInsee === row.commune_insee;
    return mapProject(row, documents.map(mapDocument), { edit: member, upload: member, delete: member && user.role === 'MAYOR' });
  }

  private async visibleCommune(user: AuthUser, insee: string): Promise<{ insee: string; outline: Outline | null }> {
    return visibleCommune(this.db, user, insee, 'c.insee, c.outline');
  }

  private page(rows: (ProjectRow & { total: string })[], query: ProjectListQueryDto): Page<ProjectSummaryDto> {
    return {
      items: rows.map(mapProjectSummary),
      total: rows.length > 0 ? Number(rows[0].total) : 0,
      limit: query.limit,
      offset: query.offset,
    };
  }

  private assertCoherent(fields: Fields, outline: Outline | null): void {
    const errors: Record<string, string> = {};
    for (const key of ['startDate', 'endDate'] as const) {
      const day = fields[key];
      if (day && !isRealDay(day)) {
        errors[key] = 'Cette date n’existe pas.';
      }
    }
    if (fields.startDate && fields.endDate && fields.endDate < fields.startDate) {
      errors['endDate'] = 'La date de fin doit être postérieure à la date de début.';
    }
    fields.milestones.forEach((m, i) => {
      if (!isRealDay(m.date)) {
        errors[`milestones.${i}.date`] = 'Cette date n’existe pas.';
      }
    });
    if (fields.location && outline && !booleanPointInPolygon([fields.location.lng, fields.location.lat], outline)) {
      errors['location'] = 'L’emplacement doit se trouver dans la commune : cliquez à l’intérieur de son contour.';
    }
    if (Object.keys(errors).length > 0) {
      throw new ValidationFailedException(errors);
    }
  }
}

function filtersOf(query: ProjectListQueryDto): ProjectFilters {
  return { status: query.status ?? null, theme: query.theme ?? null, q: query.q?.trim() || null, limit: query.limit, offset: query.offset };
}

/** The fields the request gave, as plain JSON (class instances and undefined dropped). */
function definedFields(input: ProjectFieldsDto): Partial<Fields> {
  const plain = JSON.parse(JSON.stringify(input)) as Partial<Fields>;
  return Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)) as Partial<Fields>;
}

/** Field-by-field changes; JSON is compared with sorted keys (PostgreSQL's jsonb does not keep the order). */
export function differences(before: Fields, after: Fields): ProjectChangeDto[] {
  return (Object.keys(FIELD_LABELS) as (keyof Fields)[])
    .filter((field) => canonical(before[field]) !== canonical(after[field]))
    .map((field) => ({ field, label: FIELD_LABELS[field], before: before[field] ?? null, after: after[field] ?? null }));
}

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}
