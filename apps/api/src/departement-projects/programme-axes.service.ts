import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DEPT_PROJECT_LIMITS, type ProgrammeAxisDto as AxisDto } from '@passerelle/shared/dto';
import type { AuthUser } from '../common/access/auth-user';
import { isUuid } from '../common/http/uuid';
import { isUniqueViolation } from '../database/pg-errors';
import { DeptProjectsException } from './departement-projects.exception';
import type { ProgrammeAxisDto, UpdateProgrammeAxisDto } from './dto/programme-axis.dto';
import { ProgrammeAxesRepository, type ProgrammeAxisRow } from './programme-axes.repository';

/** The axes of the département's programme: read by its staff, set by its admins. */
@Injectable()
export class ProgrammeAxesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ProgrammeAxesRepository,
  ) {}

  async list(user: AuthUser, code: string): Promise<AxisDto[]> {
    assertOwnDepartement(user, code);
    return (await this.repository.list(code)).map(mapAxis);
  }

  async create(user: AuthUser, code: string, input: ProgrammeAxisDto): Promise<AxisDto> {
    assertOwnDepartement(user, code);
    assertAdmin(user);
    const id = await this.write(async (tx) => {
      await this.repository.lock(tx, code);
      const { count, next } = await this.repository.count(tx, code);
      if (count >= DEPT_PROJECT_LIMITS.axes) {
        throw new DeptProjectsException('AXIS_LIMIT');
      }
      if (await this.repository.labelTaken(tx, code, input.label, null)) {
        throw new DeptProjectsException('AXIS_DUPLICATE');
      }
      return this.repository.insert(tx, code, { label: input.label, description: input.description, position: input.position ?? next });
    });
    return this.get(code, id);
  }

  async update(user: AuthUser, id: string, input: UpdateProgrammeAxisDto): Promise<AxisDto> {
    const current = await this.load(user, id);
    assertAdmin(user);
    await this.write(async (tx) => {
      await this.repository.lock(tx, current.departement_code);
      const label = input.label ?? current.label;
      if (await this.repository.labelTaken(tx, current.departement_code, label, id)) {
        throw new DeptProjectsException('AXIS_DUPLICATE');
      }
      await this.repository.update(tx, id, {
        label,
        description: input.description ?? current.description,
        position: input.position ?? current.position,
      });
    });
    return this.get(current.departement_code, id);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const current = await this.load(user, id);
    assertAdmin(user);
    await this.db.transaction((tx) => this.repository.remove(tx, id, current.departement_code));
  }

  /** An axis of the user's département, or 404 like a missing one. */
  private async load(user: AuthUser, id: string): Promise<ProgrammeAxisRow> {
    const row = isUuid(id) ? await this.repository.find(this.db.manager, id, user.departementCode) : undefined;
    if (!row) {
      throw new DeptProjectsException('AXIS_NOT_FOUND');
    }
    return row;
  }

  private async get(code: string, id: string): Promise<AxisDto> {
    const row = await this.repository.find(this.db.manager, id, code);
    if (!row) {
      throw new DeptProjectsException('AXIS_NOT_FOUND');
    }
    return mapAxis(row);
  }

  /** Two admins naming an axis alike at the same moment: the unique index decides, with the same answer. */
  private async write<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DeptProjectsException('AXIS_DUPLICATE');
      }
      throw error;
    }
  }
}

/** Staff of another département: their `:code` is simply not found. */
export function assertOwnDepartement(user: AuthUser, code: string): void {
  if (code !== user.departementCode) {
    throw new DeptProjectsException('DEPARTEMENT_NOT_FOUND');
  }
}

function assertAdmin(user: AuthUser): void {
  if (user.role !== 'ADMIN') {
    throw new DeptProjectsException('AXES_ADMIN_ONLY');
  }
}

export function mapAxis(row: ProgrammeAxisRow): AxisDto {
  return { id: row.id, label: row.label, description: row.description, position: row.position, projectCount: row.project_count };
}
