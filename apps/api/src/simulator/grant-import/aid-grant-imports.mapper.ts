import type { AidGrantImportDto } from '@passerelle/shared/dto';
import type { AidGrantImportRow } from './aid-grant-imports.repository';

export function toAidGrantImport(row: AidGrantImportRow): AidGrantImportDto {
  return {
    id: row.id,
    scheme: row.scheme,
    fileName: row.file_name,
    years: row.years,
    keptCount: row.kept_count,
    otherDepartementCount: row.other_departement_count,
    rejectedCount: row.rejected_count,
    rejected: row.rejected.map((line) => ({ line: line.line, reason: line.reason })),
    importedAt: row.imported_at.toISOString(),
    importedByName: row.imported_by_name,
  };
}
