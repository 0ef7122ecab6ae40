// Fixtures for the specs of the projects features (not part of the library's public API).
import type { ProjectDto } from '@passerelle/shared/dto';

/** A fiche as the API returns it, for the specs. */
export function projectFixture(overrides: Partial<ProjectDto> = {}): ProjectDto {
  return {
    id: 'p1',
    commune: { insee: '95002', name: 'Ableiges' },
    title: 'Rénovation de l’école',
    summary: 'Isolation et chauffage.',
    theme: 'ECOLES_PETITE_ENFANCE',
    status: 'IN_PROGRESS',
    progress: 40,
    startDate: '2026-03-01',
    endDate: null,
    nextMilestone: null,
    coverUrl: null,
    updatedAt: '2026-03-02T10:00:00Z',
    version: 3,
    description: 'Description',
    objectives: '',
    projectLead: 'Mairie',
    partners: '',
    location: null,
    forecastCostCents: 1_000_000,
    finalCostCents: null,
    fundingLines: [
      {
        funder: 'ETAT',
        funderName: null,
        scheme: 'DETR',
        amountRequestedCents: 400_000,
        amountObtainedCents: null,
        state: 'REQUESTED',
        requestedOn: '2026-02-01',
        decidedOn: null,
      },
    ],
    milestones: [{ date: '2026-06-01', title: 'Travaux', done: false }],
    lessons: { problems: '', differently: '', advice: '' },
    evaluation: '',
    documents: [],
    createdAt: '2026-03-01T10:00:00Z',
    createdBy: 'Jeanne Martin',
    updatedBy: 'Jeanne Martin',
    permissions: { edit: true, delete: true, upload: true },
    ...overrides,
  };
}
