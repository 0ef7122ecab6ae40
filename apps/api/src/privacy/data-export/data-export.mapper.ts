import type { DataExportDto } from '@passerelle/shared/dto';
import type { DataExportRow } from './data-export.repository';

export function downloadPath(id: string): string {
  return `/api/me/data-exports/${id}/download`;
}

/** A READY export past its link's end shows as EXPIRED at once, before the retention job deletes its file. */
export function mapDataExport(row: DataExportRow, now: Date): DataExportDto {
  const expired = row.status === 'READY' && row.expires_at !== null && row.expires_at <= now;
  const status = expired ? 'EXPIRED' : row.status;
  return {
    id: row.id,
    status,
    requestedAt: row.requested_at.toISOString(),
    readyAt: row.ready_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    sizeBytes: row.size_bytes,
    downloadUrl: status === 'READY' ? downloadPath(row.id) : null,
  };
}
