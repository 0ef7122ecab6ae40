import type {
  AidSchemeCommuneEligibility,
  AidSchemeRuleFields,
  AidSchemeDto,
  AidSchemeSummaryDto,
  AidSchemeTestCaseDto,
  AidSchemeTestExpectation,
  AidSchemeVersionDto,
  AidSchemeVersionRule,
  SavedSimulationDto,
  SimulationResult,
} from '@passerelle/shared/dto';
import type { AidSchemeRow, AidSchemeTestCaseRow, AidSchemeVersionRow, SchemeIdentity, SimulationRow } from './simulator.repository';

/** A stored version as the engine reads it: the scheme's identity, the version's dates, its rule. */
export function toRule(scheme: SchemeIdentity, version: AidSchemeVersionRow): AidSchemeVersionRule {
  return {
    ...version.rule,
    id: version.id,
    schemeId: scheme.id,
    code: scheme.code,
    name: scheme.name,
    funder: scheme.funder,
    kind: scheme.kind,
    destination: scheme.destination,
    validFrom: version.valid_from,
    validTo: version.valid_to,
  };
}

export function toVersionDto(row: AidSchemeVersionRow): AidSchemeVersionDto {
  return { id: row.id, validFrom: row.valid_from, validTo: row.valid_to, rule: row.rule, createdAt: row.created_at.toISOString() };
}

export function toSchemeSummary(
  row: AidSchemeRow,
  current: AidSchemeVersionRow | null,
  eligibility: AidSchemeCommuneEligibility | null,
  editable: boolean,
): AidSchemeSummaryDto {
  return {
    id: row.id,
    departementCode: row.departement_code,
    code: row.code,
    name: row.name,
    funder: row.funder,
    kind: row.kind,
    destination: row.destination,
    description: row.description,
    audiences: row.audiences,
    recurrence: row.recurrence,
    callForProjects: row.call_for_projects,
    links: row.links,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    current: current ? toVersionDto(current) : null,
    eligibility,
    editable,
  };
}

export function toScheme(
  row: AidSchemeRow,
  versions: AidSchemeVersionRow[],
  current: AidSchemeVersionRow | null,
  testCases: AidSchemeTestCaseRow[] | null,
  editable: boolean,
): AidSchemeDto {
  return {
    ...toSchemeSummary(row, current, null, editable),
    versions: versions.map(toVersionDto),
    testCases: testCases?.map(toTestCase) ?? null,
  };
}

export function toTestCase(row: AidSchemeTestCaseRow): AidSchemeTestCaseDto {
  return { id: row.id, name: row.name, input: row.input, expected: row.expected, createdAt: row.created_at.toISOString() };
}

/** A scheme's line in a result, as a test case keeps it (not in force: no line). */
export function expectationOf(result: SimulationResult, schemeId: string): AidSchemeTestExpectation {
  const line = result.lines.find((l) => l.schemeId === schemeId);
  if (!line) {
    return { inForce: false, eligible: false, minCents: 0, maxCents: 0, retainedCents: 0 };
  }
  return { inForce: true, eligible: line.eligible, minCents: line.minCents, maxCents: line.maxCents, retainedCents: line.retainedCents };
}

export function sameExpectation(a: AidSchemeTestExpectation, b: AidSchemeTestExpectation): boolean {
  return (
    a.inForce === b.inForce &&
    a.eligible === b.eligible &&
    a.minCents === b.minCents &&
    a.maxCents === b.maxCents &&
    a.retainedCents === b.retainedCents
  );
}

export function toSavedSimulation(row: SimulationRow): SavedSimulationDto {
  return {
    id: row.id,
    communeInsee: row.commune_insee,
    projectId: row.project_id,
    createdAt: row.created_at.toISOString(),
    createdByName: row.created_by_name,
    input: row.input,
    result: row.result,
    versionIds: row.version_ids,
  };
}

/**
 * What a version stores of a rule: the contract's fields only (a whole catalogue entry or a validated request may
 * carry more), the optional ones left out when absent or null, since the engine reads `undefined` as « none ».
 */
export function ruleFieldsOf(rule: AidSchemeRuleFields): AidSchemeRuleFields {
  const { eligibility } = rule;
  return {
    eligibility: {
      ...present({ populationMin: eligibility.populationMin, populationMax: eligibility.populationMax }),
      themes: [...new Set(eligibility.themes)],
      ...present({ epciPopulationMax: eligibility.epciPopulationMax }),
    },
    base: rule.base,
    ...present({
      expenseFloorCents: rule.expenseFloorCents,
      expenseCeilingCents: rule.expenseCeilingCents,
      rateMinBp: rule.rateMinBp,
      rateMaxBp: rule.rateMaxBp,
      grantFloorCents: rule.grantFloorCents,
      grantCeilingCents: rule.grantCeilingCents,
    }),
    capGroup: rule.capGroup,
    lastFunder: rule.lastFunder,
    priority: rule.priority,
    noSpendingBeforeFiling: rule.noSpendingBeforeFiling,
    commissionAboveCents: rule.commissionAboveCents,
    deadline: rule.deadline,
    illustrative: rule.illustrative,
    sources: rule.sources.map((source) => ({ label: source.label, url: source.url })),
  };
}

/** The object without its `undefined` and `null` values. */
export function present<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
