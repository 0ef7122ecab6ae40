import type { MeDto, MessageDto, ThreadDto } from '@passerelle/shared/dto';

/** Test data of the commune's question pages. */
export function userFixture(overrides: Partial<MeDto> = {}): MeDto {
  return {
    id: 'u-secretariat',
    email: 'secretariat@ableiges.example',
    displayName: 'Nathalie Girard',
    role: 'COLLABORATOR',
    state: 'ACTIVE',
    departement: { code: '95', name: 'Val-d’Oise' },
    commune: { insee: '95002', name: 'Ableiges' },
    totpEnabled: false,
    totpRequired: false,
    installationAdmin: false,
    createdAt: '2026-01-01T00:00:00Z',
    lastSignInAt: null,
    ...overrides,
  };
}

export function messageFixture(overrides: Partial<MessageDto> = {}): MessageDto {
  return {
    id: 'm1',
    threadId: 't1',
    author: { id: 'u-secretariat', displayName: 'Nathalie Girard', side: 'COMMUNE' },
    body: 'Quelles pièces faut-il joindre ?',
    bodyHtml: '<p>Quelles pièces faut-il joindre ?</p>',
    internal: false,
    createdAt: '2026-03-10T09:00:00Z',
    editedAt: null,
    editableUntil: null,
    revisionCount: 0,
    attachments: [],
    ...overrides,
  };
}

export function threadFixture(overrides: Partial<ThreadDto> = {}): ThreadDto {
  return {
    id: 't1',
    communeInsee: '95002',
    communeName: 'Ableiges',
    subject: 'Subvention DETR pour l’école',
    category: 'FUNDING',
    state: 'ANSWERED',
    project: null,
    createdAt: '2026-03-10T09:00:00Z',
    createdBy: 'Nathalie Girard',
    lastActivityAt: '2026-03-11T09:00:00Z',
    messageCount: 2,
    unread: false,
    satisfactionScore: null,
    staff: null,
    version: 3,
    dueAt: null,
    firstResponseAt: '2026-03-11T09:00:00Z',
    firstResponseSeconds: 86_400,
    closedAt: null,
    reopenableUntil: null,
    messages: [
      messageFixture(),
      messageFixture({
        id: 'm2',
        author: { id: 'u-agent', displayName: 'Julien Morel', side: 'DEPARTEMENT' },
        body: 'Le plan de financement et les devis.',
        bodyHtml: '<p>Le plan de financement et les devis.</p>',
        createdAt: '2026-03-11T09:00:00Z',
      }),
    ],
    satisfaction: null,
    can: { reply: true, addNote: false, assign: false, rate: false, states: ['CLOSED'] },
    mayorName: null,
    ...overrides,
  };
}
