import type { DocumentDto, MessageDto } from '@passerelle/shared/dto';

/** Test data of the thread components. */
export function documentFixture(overrides: Partial<DocumentDto> = {}): DocumentDto {
  return {
    id: 'doc-1',
    projectId: null,
    messageId: 'm1',
    kind: 'DOCUMENT',
    filename: 'devis.pdf',
    mimeType: 'application/pdf',
    sizeBytes: 2_411_724,
    sha256: '0'.repeat(64),
    uploadedAt: '2026-03-10T10:00:00Z',
    uploadedBy: 'Julie Bernard',
    contentUrl: '/api/documents/doc-1/content',
    thumbnailUrl: null,
    ...overrides,
  };
}

export function messageFixture(overrides: Partial<MessageDto> = {}): MessageDto {
  return {
    id: 'm1',
    threadId: 't1',
    author: { id: 'u-commune', displayName: 'Julie Bernard', side: 'COMMUNE' },
    body: 'Bonjour, **où** en est le dossier ?',
    bodyHtml: '<p>Bonjour, <strong>où</strong> en est le dossier ?</p>',
    internal: false,
    createdAt: '2026-03-10T09:00:00Z',
    editedAt: null,
    editableUntil: null,
    revisionCount: 0,
    attachments: [],
    ...overrides,
  };
}
