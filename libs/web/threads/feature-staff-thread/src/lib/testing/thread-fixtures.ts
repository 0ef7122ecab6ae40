import type { CommuneFileDto, MeDto, ThreadDto } from '@passerelle/shared/dto';

/** Test data of the agent's thread page. */
export function agentFixture(): MeDto {
  return {
    id: 'u-agent',
    email: 'agent.voirie@valdoise.example',
    displayName: 'Julien Morel',
    role: 'AGENT',
    state: 'ACTIVE',
    departement: { code: '95', name: 'Val-d’Oise' },
    commune: null,
    totpEnabled: true,
    totpRequired: true,
    installationAdmin: false,
    createdAt: '2026-01-01T00:00:00Z',
    lastSignInAt: null,
  };
}

export function staffThreadFixture(overrides: Partial<ThreadDto> = {}): ThreadDto {
  return {
    id: 't1',
    communeInsee: '95002',
    communeName: 'Ableiges',
    subject: 'Subvention DETR pour l’école',
    category: 'FUNDING',
    state: 'NEW',
    project: null,
    createdAt: '2026-03-10T09:00:00Z',
    createdBy: 'Nathalie Girard',
    lastActivityAt: '2026-03-10T09:00:00Z',
    messageCount: 2,
    unread: false,
    satisfactionScore: null,
    staff: {
      assignee: null,
      labels: [],
      dueAt: '2026-03-16T23:00:00Z',
      overdue: true,
      clockPaused: false,
      cantonName: 'Pontoise',
      internalNoteCount: 1,
    },
    version: 1,
    dueAt: '2026-03-16T23:00:00Z',
    firstResponseAt: null,
    firstResponseSeconds: null,
    closedAt: null,
    reopenableUntil: null,
    messages: [
      {
        id: 'm1',
        threadId: 't1',
        author: { id: 'u-secretariat', displayName: 'Nathalie Girard', side: 'COMMUNE' },
        body: 'Quelles pièces ?',
        bodyHtml: '<p>Quelles pièces ?</p>',
        internal: false,
        createdAt: '2026-03-10T09:00:00Z',
        editedAt: null,
        editableUntil: null,
        revisionCount: 0,
        attachments: [],
      },
      {
        id: 'm2',
        threadId: 't1',
        author: { id: 'u-other', displayName: 'Claire Martin', side: 'DEPARTEMENT' },
        body: 'Voir avec le service des subventions.',
        bodyHtml: '<p>Voir avec le service des subventions.</p>',
        internal: true,
        createdAt: '2026-03-10T10:00:00Z',
        editedAt: null,
        editableUntil: null,
        revisionCount: 0,
        attachments: [],
      },
    ],
    satisfaction: null,
    can: { reply: true, addNote: true, assign: true, rate: false, states: ['WAITING_COMMUNE', 'CLOSED'] },
    mayorName: 'Bernard Lefèvre',
    ...overrides,
  };
}

export function communeFileFixture(): CommuneFileDto {
  return {
    commune: {
      insee: '95002',
      name: 'Ableiges',
      population: 1108,
      postcodes: ['95450'],
      cantonName: 'Pontoise',
      epciName: 'CC Vexin Centre',
      eligible: true,
      workspaceOpenedAt: '2026-01-01T00:00:00Z',
    },
    members: [],
    projects: [],
    threads: [],
    satisfaction: { average: null, count: 0, latest: [] },
    timeline: [],
  };
}
