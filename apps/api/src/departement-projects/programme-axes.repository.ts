import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { changedRows } from '../database/changed-rows';

export interface ProgrammeAxisRow {
  id: string;
  departement_code: string;
  label: string;
  description: string;
  position: number;
  project_count: number;
}

const AXIS_SELECT = `
  SELECT a.id, a.departement_code, a.label, a.description, a.position,
         (SELECT count(*)::int FROM dept_project p WHERE p.axis_id = a.id AND p.deleted_at IS NULL) AS project_count
    FROM programme_axis a`;

/** The axes of a département's programme; every read is scoped by the département. */
@Injectable()
export class ProgrammeAxesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(departementCode: string): Promise<ProgrammeAxisRow[]> {
    return this.db.query(`${AXIS_SELECT} WHERE a.departement_code = $1 ORDER BY a.position, a.label`, [departementCode]);
  }

  async find(manager: Pick<EntityManager, 'query'>, id: string, departementCode: string): Promise<ProgrammeAxisRow | undefined> {
    const rows: ProgrammeAxisRow[] = await manager.query(`${AXIS_SELECT} WHERE a.id = $1 AND a.departement_code = $2`, [id, departementCode]);
    return rows[0];
  }

  /** Serialises the changes of one département's axes (the limit and the next position are counted under it). */
  async lock(tx: EntityManager, departementCode: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('programme_axis:' || $1))`, [departementCode]);
  }

  async count(tx: EntityManager, departementCode: string): Promise<{ count: number; next: number }> {
    const [row]: { count: number; next: number }[] = await tx.query(
      `SELECT count(*)::int AS count, coalesce(max(position) + 1, 0)::int AS next FROM programme_axis WHERE departement_code = $1`,
      [departementCode],
    );
    return row;
  }

  async labelTaken(tx: EntityManager, departementCode: string, label: string, except: string | null): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM programme_axis WHERE departement_code = $1 AND lower(label) = lower($2) AND ($3::uuid IS NULL OR id <> $3)`,
      [departementCode, label, except],
    );
    return rows.length > 0;
  }

  async insert(tx: EntityManager, departementCode: string, axis: { label: string; description: string; position: number }): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO programme_axis (departement_code, label, description, position) VALUES ($1, $2, $3, $4) RETURNING id`,
      [departementCode, axis.label, axis.description, axis.position],
    );
    return row.id;
  }

  async update(tx: EntityManager, id: string, axis: { label: string; description: string; position: number }): Promise<void> {
    await tx.query(`UPDATE programme_axis SET label = $2, description = $3, position = $4 WHERE id = $1`, [id, axis.label, axis.description, axis.position]);
  }

  /** Its projects keep going, without an axis (`ON DELETE SET NULL`). */
  async remove(tx: EntityManager, id: string, departementCode: string): Promise<boolean> {
    return (await changedRows(tx, `DELETE FROM programme_axis WHERE id = $1 AND departement_code = $2 RETURNING id`, [id, departementCode])).length > 0;
  }
}
