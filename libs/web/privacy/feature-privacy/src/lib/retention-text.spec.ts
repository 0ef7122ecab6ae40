import type { RetentionRunDto } from '@passerelle/shared/dto';
import { formatDays, runSummary } from './retention-text';

function run(overrides: Partial<RetentionRunDto> = {}): RetentionRunDto {
  return {
    id: 'r1',
    startedAt: '2026-03-14T02:00:00Z',
    finishedAt: '2026-03-14T02:00:05Z',
    dryRun: true,
    trigger: 'ADMIN',
    results: [
      { rule: 'AUDIT_EVENTS', count: 0, warned: 0, capped: false },
      { rule: 'NOTIFICATIONS', count: 0, warned: 0, capped: false },
    ],
    error: null,
    ...overrides,
  };
}

describe(formatDays.name, () => {
  it('writes whole years as years, the rest in days', () => {
    expect([formatDays(365), formatDays(730), formatDays(30), formatDays(1), formatDays(400)]).toEqual([
      '1 an',
      '2 ans',
      '30 jours',
      '1 jour',
      '400 jours',
    ]);
  });
});

describe(runSummary.name, () => {
  it('says a dry run found nothing to do', () => {
    expect(runSummary(run())).toBe('Simulation terminée\u00a0: rien ne serait supprimé.');
  });

  it('counts what a dry run would do, in the conditional, and the cap', () => {
    const results = [
      { rule: 'AUDIT_EVENTS' as const, count: 10, warned: 0, capped: true },
      { rule: 'INACTIVE_ACCOUNTS' as const, count: 2, warned: 3, capped: false },
    ];
    expect(runSummary(run({ results }))).toBe(
      'Simulation terminée\u00a0: 12 éléments seraient supprimés ou remplacés par un pseudonyme, 3 comptes seraient avertis par courriel. ' +
        'La limite par passage est atteinte\u00a0: le passage suivant continuera.',
    );
    expect(runSummary(run({ dryRun: false, results: [{ rule: 'NOTIFICATIONS', count: 1, warned: 0, capped: false }] }))).toBe(
      'Passage terminé\u00a0: 1 élément supprimé ou remplacé par un pseudonyme.',
    );
  });

  it('reports the error of a run', () => {
    expect(runSummary(run({ dryRun: false, error: 'Base de données indisponible' }))).toBe(
      'Passage terminé avec une erreur\u00a0: Base de données indisponible',
    );
  });
});
