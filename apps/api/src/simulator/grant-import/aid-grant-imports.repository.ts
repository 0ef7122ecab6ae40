import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AidGrantImportRejectedLine, AidGrantImportScheme } from '@passerelle/shared/dto';
import { SqlParams } from '../../common/sql/sql-params';
import { changedRows } from '../../database/changed-rows';
import type { GrantFileRow } from './grant-file';

export interface AidGrantImportRow {
  id: string;
  scheme: AidGrantImportScheme;
  file_name: string;
  years: number[];
  kept_count: number;
  other_departement_count: number;
  rejected_count: number;
  rejected: AidGrantImportRejectedLine[];
  imported_at: Date;
  imported_by_name: string | null;
}

export interface NewAidGrantImport {
  departementCode: string;
  scheme: AidGrantImportScheme;
  fileName: string;
  years: number[];
  keptCount: number;
  otherDepartementCount: number;
  rejectedCount: number;
  rejected: AidGrantImportRejectedLine[];
  importedBy: string;
}

/** Kept lines are written this many at a time (each batch is one statement of nine arrays). */
const RECORDS_PER_INSERT = 5_000;

type Db = DataSource | EntityManager;

/** The imports of the State's DETR / DSIL open data and their kept lines, always within one département. */
@Injectable()
export class AidGrantImportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async departementName(code: string): Promise<string | undefined> {
    const rows: { name: string }[] = await this.db.query(`SELECT name FROM departement WHERE code = $1`, [code]);
    return rows[0]?.name;
  }

  /** One import at a time per département, so that two replacing the same year cannot both keep their lines. */
  async lock(tx: EntityManager, departementCode: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('aid-grant-import:' || $1))`, [departementCode]);
  }

  /** Removes the département's lines of these (scheme, year) pairs; answers how many went. */
  async deleteRecords(tx: EntityManager, departementCode: string, keys: readonly { scheme: AidGrantImportScheme; year: number }[]): Promise<number> {
    if (keys.length === 0) {
      return 0;
    }
    const params = new SqlParams();
    const [row]: { count: number }[] = await tx.query(
      `WITH gone AS (
         DELETE FROM aid_grant_record r
          USING unnest(${params.add(keys.map((k) => k.scheme))}::text[], ${params.add(keys.map((k) => k.year))}::int[]) AS k(scheme, year)
          WHERE r.departement_code = ${params.add(departementCode)} AND r.scheme = k.scheme AND r.year = k.year
          RETURNING 1
       )
       SELECT count(*)::int AS count FROM gone`,
      params.values,
    );
    return row.count;
  }

  /** Drops the imports that had lines and have none left: a newer file replaced all of them. */
  async deleteReplacedImports(tx: EntityManager, departementCode: string): Promise<void> {
    await tx.query(
      `DELETE FROM aid_grant_import i
        WHERE i.departement_code = $1 AND i.kept_count > 0
          AND NOT EXISTS (SELECT 1 FROM aid_grant_record r WHERE r.import_id = i.id)`,
      [departementCode],
    );
  }

  async insertImport(tx: EntityManager, entry: NewAidGrantImport, at: Date): Promise<string> {
    const params = new SqlParams();
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO aid_grant_import (departement_code, scheme, file_name, years, kept_count, other_departement_count, rejected_count,
                                     rejected, imported_by, imported_at)
       VALUES (${params.add(entry.departementCode)}, ${params.add(entry.scheme)}, ${params.add(entry.fileName)}, ${params.add(entry.years)}::int[],
               ${params.add(entry.keptCount)}, ${params.add(entry.otherDepartementCount)}, ${params.add(entry.rejectedCount)},
               ${params.add(JSON.stringify(entry.rejected))}::jsonb, ${params.add(entry.importedBy)}, ${params.add(at)})
       RETURNING id`,
      params.values,
    );
    return row.id;
  }

  /** The kept lines, in batches of one statement each (a file holds a few thousand lines of a département). */
  async insertRecords(tx: EntityManager, importId: string, departementCode: string, rows: readonly GrantFileRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += RECORDS_PER_INSERT) {
      const batch = rows.slice(start, start + RECORDS_PER_INSERT);
      const params = new SqlParams();
      await tx.query(
        `INSERT INTO aid_grant_record (import_id, departement_code, scheme, year, project_label, beneficiary, cost_ht_cents, grant_cents, theme)
         SELECT ${params.add(importId)}, ${params.add(departementCode)}, r.scheme, r.year, r.project_label, r.beneficiary, r.cost_ht_cents,
                r.grant_cents, r.theme
           FROM unnest(${params.add(batch.map((row) => row.scheme))}::text[], ${params.add(batch.map((row) => row.year))}::int[],
                       ${params.add(batch.map((row) => row.projectLabel))}::text[], ${params.add(batch.map((row) => row.beneficiary))}::text[],
                       ${params.add(batch.map((row) => row.costHtCents))}::bigint[], ${params.add(batch.map((row) => row.grantCents))}::bigint[],
                       ${params.add(batch.map((row) => row.theme))}::text[])
                AS r(scheme, year, project_label, beneficiary, cost_ht_cents, grant_cents, theme)`,
        params.values,
      );
    }
  }

  /** The département's imports, newest first (a few a year: bounded all the same). */
  list(departementCode: string, limit: number): Promise<AidGrantImportRow[]> {
    return this.db.query(
      `${SELECT_IMPORT} WHERE i.departement_code = $1 ORDER BY i.imported_at DESC, i.id DESC LIMIT $2`,
      [departementCode, limit],
    );
  }

  async find(db: Db, departementCode: string, id: string): Promise<AidGrantImportRow | undefined> {
    const rows: AidGrantImportRow[] = await db.query(`${SELECT_IMPORT} WHERE i.departement_code = $1 AND i.id = $2`, [departementCode, id]);
    return rows[0];
  }

  /** Removes an import of the département with its lines; undefined when there is none such. */
  async deleteImport(
    tx: EntityManager,
    departementCode: string,
    id: string,
  ): Promise<{ scheme: AidGrantImportScheme; file_name: string; kept_count: number } | undefined> {
    const [row] = await changedRows<{ scheme: AidGrantImportScheme; file_name: string; kept_count: number }>(
      tx,
      `DELETE FROM aid_grant_import WHERE departement_code = $1 AND id = $2 RETURNING scheme, file_name, kept_count`,
      [departementCode, id],
    );
    return row;
  }
}

const SELECT_IMPORT = `SELECT i.id, i.scheme, i.file_name, i.years, i.kept_count, i.other_departement_count, i.rejected_count, i.rejected,
         i.imported_at, u.display_name AS imported_by_name
    FROM aid_grant_import i LEFT JOIN app_user u ON u.id = i.imported_by`;
