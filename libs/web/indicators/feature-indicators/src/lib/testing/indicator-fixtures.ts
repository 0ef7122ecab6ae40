import {
  DEFAULT_OFFICE_HOURS,
  type DepartementIndicatorsDto,
  INDICATOR_DEFINITIONS,
  type IndicatorSummary,
  type PublicIndicatorsDto,
} from '@passerelle/shared/dto';

const HOUR = 3_600_000;

export function summaryFixture(overrides: Partial<IndicatorSummary> = {}): IndicatorSummary {
  return {
    firstResponse: {
      working: { count: 42, p50Ms: 3.5 * HOUR, p90Ms: 18 * HOUR },
      elapsed: { count: 42, p50Ms: 20 * HOUR, p90Ms: 90 * HOUR },
      withinTarget: { count: 42, share: 0.88 },
      targetDays: 5,
    },
    resolution: { count: 30, p50Ms: 12 * HOUR, p90Ms: 40 * HOUR },
    reopenRate: { count: 30, share: 0.1 },
    opinions: {
      closed: 30,
      satisfaction: { count: 18, average: 4.2, responseRate: 0.6 },
      effort: { count: 12, average: 5.5, responseRate: 0.4 },
    },
    created: 50,
    ...overrides,
  };
}

/** A dashboard of the 30 days to 16 March 2026, by canton: one canton of its own and « autres ». */
export function dashboardFixture(overrides: Partial<DepartementIndicatorsDto> = {}): DepartementIndicatorsDto {
  return {
    departementCode: '95',
    period: { from: '2026-02-15', to: '2026-03-16' },
    previousPeriod: { from: '2026-01-16', to: '2026-02-14' },
    summary: summaryFixture(),
    previous: summaryFixture({
      firstResponse: {
        working: { count: 38, p50Ms: 3.3 * HOUR, p90Ms: 20 * HOUR },
        elapsed: { count: 38, p50Ms: 19 * HOUR, p90Ms: 80 * HOUR },
        withinTarget: { count: 38, share: 0.8 },
        targetDays: 5,
      },
      created: 45,
    }),
    backlog: {
      total: 7,
      late: 2,
      bands: [
        { band: 'UNDER_2', count: 3 },
        { band: 'FROM_2_TO_5', count: 2 },
        { band: 'FROM_5_TO_10', count: 1 },
        { band: 'OVER_10', count: 1 },
      ],
    },
    weeks: [{ week: '2026-03-09', created: 12, answered: 10, closed: 8, reopened: 1 }],
    groupBy: 'canton',
    groups: [
      { key: '9501', label: 'Pontoise', communes: 12, summary: summaryFixture(), backlog: 3 },
      {
        key: null,
        label: 'Autres cantons',
        communes: 4,
        summary: summaryFixture({
          firstResponse: {
            working: { count: 4, p50Ms: null, p90Ms: null },
            elapsed: { count: 4, p50Ms: null, p90Ms: null },
            withinTarget: { count: 4, share: 0.75 },
            targetDays: 5,
          },
        }),
        backlog: 0,
      },
    ],
    projects: {
      byStatus: [
        { key: 'PLANNED', count: 4 },
        { key: 'COMPLETED', count: 2 },
      ],
      byTheme: [{ key: 'VOIRIE', count: 6 }],
      byCanton: [{ cantonCode: '9501', cantonName: 'Pontoise', count: 6 }],
      published: 3,
      views: 120,
    },
    officeHours: [...DEFAULT_OFFICE_HOURS],
    definitions: INDICATOR_DEFINITIONS,
    rebuiltAt: '2026-03-16T02:00:00Z',
    ...overrides,
  };
}

export function publicFixture(overrides: Partial<PublicIndicatorsDto> = {}): PublicIndicatorsDto {
  const summary = summaryFixture();
  return {
    departementCode: '95',
    departementName: 'Val-d’Oise',
    period: { from: '2026-02-15', to: '2026-03-16' },
    firstResponse: summary.firstResponse,
    weeks: [{ week: '2026-03-09', created: 12, answered: 10, closed: 8, reopened: 1 }],
    opinions: summary.opinions,
    officeHours: [...DEFAULT_OFFICE_HOURS],
    definitions: { firstResponse: INDICATOR_DEFINITIONS['firstResponse'], effort: INDICATOR_DEFINITIONS['effort'] },
    licence: 'Licence Ouverte / Open Licence version 2.0',
    ...overrides,
  };
}
