import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AidGrantImportDto, AidGrantImportScheme } from '@passerelle/shared/dto';
import type { RequestMeta } from '../../common/access/access.decorators';
import type { AuthUser } from '../../common/access/auth-user';
import { parisDay } from '../../common/calendar/working-calendar';
import { Clock } from '../../common/clock/clock';
import { isUuid } from '../../common/http/uuid';
import { AuditService } from '../../audit/audit.service';
import { AidGrantImportException } from './aid-grant-import.exception';
import { toAidGrantImport } from './aid-grant-imports.mapper';
import { AidGrantImportsRepository } from './aid-grant-imports.repository';
import { type GrantFileProblem, readGrantFile } from './grant-file';

/** A département imports a file or two a year: the list shows them all within this bound. */
const IMPORTS_LISTED = 100;

/**
 * The State's open-data files of DETR / DSIL grants, imported by a département's admins: the département's lines
 * are kept and count, like the obtained funding lines of the fiches, in the typical rates of the simulator.
 * Importing a dotation's year again replaces its lines (an import whose lines were all replaced goes with them);
 * deleting an import removes its lines.
 */
@Injectable()
export class AidGrantImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: AidGrantImportsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async import(
    user: AuthUser,
    file: { fileName: string; bytes: Buffer },
    scheme: AidGrantImportScheme,
    meta: RequestMeta,
  ): Promise<AidGrantImportDto> {
    const departementCode = user.departementCode;
    const name = (await this.repository.departementName(departementCode)) ?? '';
    const now = this.clock.now();
    const content = await readGrantFile(file.bytes, {
      departement: { code: departementCode, name },
      scheme,
      currentYear: Number(parisDay(now.getTime()).slice(0, 4)),
    });
    if (!content.ok) {
      throw problemException(content);
    }
    const keys = uniqueKeys(content.kept);
    const years = [...new Set(content.kept.map((row) => row.year))].sort((a, b) => a - b);
    const id = await this.db.transaction(async (tx) => {
      await this.repository.lock(tx, departementCode);
      const replacedCount = await this.repository.deleteRecords(tx, departementCode, keys);
      await this.repository.deleteReplacedImports(tx, departementCode);
      const created = await this.repository.insertImport(
        tx,
        {
          departementCode,
          scheme,
          fileName: file.fileName,
          years,
          keptCount: content.kept.length,
          otherDepartementCount: content.otherDepartementCount,
          rejectedCount: content.rejectedCount,
          rejected: content.rejected,
          importedBy: user.id,
        },
        now,
      );
      await this.repository.insertRecords(tx, created, departementCode, content.kept);
      await this.audit.record(
        {
          action: 'AID_GRANTS_IMPORTED',
          actorId: user.id,
          targetType: 'aid_grant_import',
          targetId: created,
          departementCode,
          details: { scheme, fileName: file.fileName, years, keptCount: content.kept.length, replacedCount, rejectedCount: content.rejectedCount },
        },
        meta,
        tx,
      );
      return created;
    });
    const row = await this.repository.find(this.db, departementCode, id);
    if (!row) {
      // Deleted by another admin between the commit and this read.
      throw new AidGrantImportException('AID_GRANT_IMPORT_NOT_FOUND');
    }
    return toAidGrantImport(row);
  }

  async list(user: AuthUser): Promise<AidGrantImportDto[]> {
    return (await this.repository.list(user.departementCode, IMPORTS_LISTED)).map(toAidGrantImport);
  }

  async remove(user: AuthUser, id: string, meta: RequestMeta): Promise<void> {
    if (!isUuid(id)) {
      throw new AidGrantImportException('AID_GRANT_IMPORT_NOT_FOUND');
    }
    await this.db.transaction(async (tx) => {
      await this.repository.lock(tx, user.departementCode);
      const removed = await this.repository.deleteImport(tx, user.departementCode, id);
      if (!removed) {
        throw new AidGrantImportException('AID_GRANT_IMPORT_NOT_FOUND');
      }
      await this.audit.record(
        {
          action: 'AID_GRANT_IMPORT_DELETED',
          actorId: user.id,
          targetType: 'aid_grant_import',
          targetId: id,
          departementCode: user.departementCode,
          details: { scheme: removed.scheme, fileName: removed.file_name, keptCount: removed.kept_count },
        },
        meta,
        tx,
      );
    });
  }
}

/** The (dotation, year) pairs of the kept lines: what this file replaces. */
function uniqueKeys(rows: readonly { scheme: AidGrantImportScheme; year: number }[]): { scheme: AidGrantImportScheme; year: number }[] {
  const keys = new Map(rows.map((row) => [`${row.scheme}:${row.year}`, { scheme: row.scheme, year: row.year }]));
  return [...keys.values()];
}

function problemException(problem: GrantFileProblem): AidGrantImportException {
  switch (problem.problem) {
    case 'NOT_TEXT':
      return new AidGrantImportException('AID_GRANT_FILE_NOT_TEXT');
    case 'NO_HEADER':
      return new AidGrantImportException('AID_GRANT_FILE_NO_HEADER', { missing: problem.missing });
    case 'MALFORMED':
      return new AidGrantImportException('AID_GRANT_FILE_MALFORMED', { line: problem.line });
  }
}
