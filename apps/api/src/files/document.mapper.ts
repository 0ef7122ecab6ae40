import type { DocumentDto, DocumentKind } from '@passerelle/shared/dto';

export interface DocumentRow {
  id: string;
  project_id: string | null;
  message_id: string | null;
  kind: DocumentKind;
  filename: string;
  mime_type: string;
  size_bytes: string;
  sha256: string;
  thumbnail_key: string | null;
  uploaded_at: Date;
  uploaded_by_name: string | null;
}

export const DOCUMENT_SELECT = `
  SELECT d.id, d.project_id, d.message_id, d.kind, d.filename, d.mime_type, d.size_bytes, d.sha256, d.thumbnail_key, d.uploaded_at,
         u.display_name AS uploaded_by_name
    FROM document d LEFT JOIN app_user u ON u.id = d.uploaded_by`;

export function mapDocument(row: DocumentRow): DocumentDto {
  return {
    id: row.id,
    projectId: row.project_id,
    messageId: row.message_id,
    kind: row.kind,
    filename: row.filename,
    mimeType: row.mime_type,
    // bigint comes back as a string.
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256.trim(),
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedBy: row.uploaded_by_name,
    contentUrl: `/api/documents/${row.id}/content`,
    thumbnailUrl: row.thumbnail_key ? `/api/documents/${row.id}/thumbnail` : null,
  };
}
