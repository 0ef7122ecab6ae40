import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  AidSchemeDto,
  AidSchemeRuleFields,
  AidSchemeSummaryDto,
  AidSchemeTestCaseDto,
  AidSchemeTestCaseCheck,
  AidSchemeTestCaseRun,
  AidSchemeTestRuleRequest,
  AidSchemeTestRuleResult,
  AidSchemeUpdateResult,
  AidSchemeVersionInput,
  CreateAidSchemeRequest,
  CreateAidSchemeTestCaseRequest,
  ProjectTheme,
  UpdateAidSchemeRequest,
} from '@passerelle/shared/dto';
import type { AuthUser } from '../common/access/auth-user';
import { parisDay } from '../common/calendar/working-calendar';
import { Clock } from '../common/clock/clock';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { isUuid } from '../common/http/uuid';
import { isUniqueViolation } from '../database/pg-errors';
import { communeEligibility } from './commune-eligibility';
import { versionsOn } from './engine/eligibility';
import { formatDate } from './engine/format';
import { SimulationsService } from './simulations.service';
import { SimulatorException } from './simulator.exception';
import { expectationOf, present, ruleFieldsOf, sameExpectation, toRule, toScheme, toSchemeSummary, toTestCase } from './simulator.mapper';
import { type AidSchemeFields, type AidSchemeRow, type AidSchemeVersionRow, SimulatorRepository } from './simulator.repository';

/**
 * The catalogue: every signed-in user reads the national schemes and their département's; a département's admins
 * write its own schemes only, and the national ones only when they are also the installation's admins. A rule is never edited in place:
 * a new dated version takes over, and every saved test case is run again to show what the change moved.
 */
@Injectable()
export class AidSchemesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: SimulatorRepository,
    private readonly simulations: SimulationsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, query: { theme?: ProjectTheme; insee?: string }): Promise<AidSchemeSummaryDto[]> {
    const commune = query.insee === undefined ? null : await this.simulations.communeFor(user, query.insee);
    const schemes = await this.repository.listSchemes(user.departementCode);
    const versions = await this.repository.versionsOf(this.db, schemes.map((s) => s.id));
    const current = this.currentVersions(schemes, versions);
    const theme = query.theme ?? null;
    return schemes.flatMap((scheme) => {
      const version = current.get(scheme.id) ?? null;
      const themes = version?.rule.eligibility.themes ?? [];
      if (theme !== null && (version === null || (themes.length > 0 && !themes.includes(theme)))) {
        return [];
      }
      const eligibility =
        commune && version
          ? communeEligibility(version.rule, { insee: commune.insee, population: commune.population, epciPopulation: null }, theme)
          : null;
      return [toSchemeSummary(scheme, version, eligibility, this.canEdit(user, scheme))];
    });
  }

  async get(user: AuthUser, id: string): Promise<AidSchemeDto> {
    const scheme = await this.visibleScheme(user, id);
    const versions = await this.repository.versionsOf(this.db, [scheme.id]);
    const current = this.currentVersions([scheme], versions).get(scheme.id) ?? null;
    const editable = this.canEdit(user, scheme);
    const testCases = editable ? await this.repository.testCasesOf(this.db, scheme.id) : null;
    return toScheme(scheme, versions, current, testCases, editable);
  }

  async create(user: AuthUser, request: CreateAidSchemeRequest): Promise<AidSchemeDto> {
    assertVersion(request.firstVersion, 'firstVersion');
    const fields = fieldsOf(request);
    if (request.national === true && !this.isInstallationAdmin(user)) {
      throw new SimulatorException('AID_SCHEME_NATIONAL_READ_ONLY');
    }
    const owner = request.national === true ? null : user.departementCode;
    const id = await this.db.transaction(async (tx) => {
      if (await this.repository.codeTaken(tx, owner, fields.code, null)) {
        throw new SimulatorException('AID_SCHEME_CODE_TAKEN');
      }
      const created = await this.repository.insertScheme(tx, owner, fields);
      await this.repository.insertVersion(tx, created, versionOf(request.firstVersion), user.id);
      return created;
    }).catch(codeTaken);
    return this.get(user, id);
  }

  /**
   * Saves the edit when every saved test case still gives the same line; otherwise answers
   * `AID_SCHEME_TEST_CASES_CHANGED` and saves nothing, unless the admin accepts the new lines as the expectations.
   */
  async update(user: AuthUser, id: string, request: UpdateAidSchemeRequest): Promise<AidSchemeUpdateResult> {
    const { scheme, runs } = await this.db.transaction(async (tx) => {
      const found = await this.applyEdit(tx, user, id, request);
      const changed = (await this.rerunTestCases(tx, found)).filter((run) => !run.passed).map(withoutPassed);
      if (changed.length > 0 && request.acceptChangedTestCases !== true) {
        throw new SimulatorException('AID_SCHEME_TEST_CASES_CHANGED', { changedTestCases: changed });
      }
      for (const run of changed) {
        await this.repository.updateTestCaseExpectation(tx, run.testCaseId, run.actual);
      }
      return { scheme: found, runs: changed };
    }).catch(codeTaken);
    return { scheme: await this.get(user, scheme.id), changedTestCases: runs };
  }

  /** « Tester la règle » : the edit applied in a transaction that is always rolled back, and every saved case run. */
  async testRule(user: AuthUser, id: string, request: AidSchemeTestRuleRequest): Promise<AidSchemeTestRuleResult> {
    let checks: AidSchemeTestCaseCheck[] = [];
    await this.db
      .transaction(async (tx) => {
        const found = await this.applyEdit(tx, user, id, request);
        checks = await this.rerunTestCases(tx, found);
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) {
          throw error;
        }
      })
      .catch(codeTaken);
    return { checks };
  }

  /** Saves a case with the scheme's line as the engine computes it now. */
  async addTestCase(user: AuthUser, id: string, request: CreateAidSchemeTestCaseRequest): Promise<AidSchemeTestCaseDto> {
    const scheme = await this.visibleScheme(user, id);
    this.assertEditable(user, scheme);
    const commune = await this.simulations.communeFor(user, request.communeInsee);
    const input = await this.simulations.inputFor(commune, request, false);
    const { result } = await this.simulations.run(this.db, input, scheme.departement_code);
    const row = await this.repository.insertTestCase(this.db, scheme.id, request.name, input, expectationOf(result, scheme.id), user.id);
    return toTestCase(row);
  }

  /** The scheme's fields and, when asked, its new dated version, written in `tx` after the checks of an edit. */
  private async applyEdit(tx: EntityManager, user: AuthUser, id: string, request: AidSchemeTestRuleRequest): Promise<AidSchemeRow> {
    if (request.newVersion) {
      assertVersion(request.newVersion, 'newVersion');
    }
    const found = await this.repository.findScheme(tx, user.departementCode, this.id(id), true);
    if (!found) {
      throw new SimulatorException('AID_SCHEME_NOT_FOUND');
    }
    this.assertEditable(user, found);
    if (found.version !== request.version) {
      throw new SimulatorException('AID_SCHEME_VERSION_CONFLICT', { currentVersion: found.version });
    }
    const fields = fieldsOf({ ...fieldsOfRow(found), ...present(request) });
    const owner = found.departement_code === null ? null : user.departementCode;
    if (fields.code.toLowerCase() !== found.code.toLowerCase() && (await this.repository.codeTaken(tx, owner, fields.code, found.id))) {
      throw new SimulatorException('AID_SCHEME_CODE_TAKEN');
    }
    if (!(await this.repository.updateScheme(tx, found.id, request.version, fields, this.clock.now()))) {
      throw new SimulatorException('AID_SCHEME_VERSION_CONFLICT', { currentVersion: found.version });
    }
    if (request.newVersion) {
      const [latest] = await this.repository.versionsOf(tx, [found.id]);
      if (latest && request.newVersion.validFrom <= latest.valid_from) {
        throw new ValidationFailedException({
          'newVersion.validFrom': `La nouvelle version doit commencer après le ${formatDate(latest.valid_from)}, début de la dernière version.`,
        });
      }
      await this.repository.endVersionsBefore(tx, found.id, request.newVersion.validFrom);
      await this.repository.insertVersion(tx, found.id, versionOf(request.newVersion), user.id);
    }
    return found;
  }

  /** Every saved case of the scheme, run again with the rules as `db` sees them; each says whether its line held. */
  private async rerunTestCases(db: EntityManager, scheme: AidSchemeRow): Promise<AidSchemeTestCaseCheck[]> {
    const cases = await this.repository.testCasesOf(db, scheme.id);
    const checks: AidSchemeTestCaseCheck[] = [];
    for (const testCase of cases) {
      const { result } = await this.simulations.run(db, testCase.input, scheme.departement_code);
      const actual = expectationOf(result, scheme.id);
      checks.push({ testCaseId: testCase.id, name: testCase.name, expected: testCase.expected, actual, passed: sameExpectation(testCase.expected, actual) });
    }
    return checks;
  }

  /** The version in force today of each scheme, chosen as the engine chooses. */
  private currentVersions(schemes: AidSchemeRow[], versions: AidSchemeVersionRow[]): Map<string, AidSchemeVersionRow> {
    const byId = new Map(schemes.map((s) => [s.id, s]));
    const rows = new Map(versions.map((v) => [v.id, v]));
    const rules = versions.flatMap((v) => {
      const scheme = byId.get(v.scheme_id);
      return scheme ? [toRule(scheme, v)] : [];
    });
    const today = parisDay(this.clock.now().getTime());
    return new Map(versionsOn(rules, today).flatMap((rule) => {
      const row = rows.get(rule.id);
      return row ? [[rule.schemeId, row] as const] : [];
    }));
  }

  private async visibleScheme(user: AuthUser, id: string): Promise<AidSchemeRow> {
    const scheme = await this.repository.findScheme(this.db, user.departementCode, this.id(id));
    if (!scheme) {
      throw new SimulatorException('AID_SCHEME_NOT_FOUND');
    }
    return scheme;
  }

  /** A path id that is no UUID is simply not found (never reaches SQL as such). */
  private id(id: string): string {
    if (!isUuid(id)) {
      throw new SimulatorException('AID_SCHEME_NOT_FOUND');
    }
    return id;
  }

  /** A département's admins keep its schemes; the installation's admins (`INSTALLATION_ADMINS`) the national ones. */
  private canEdit(user: AuthUser, scheme: AidSchemeRow): boolean {
    return user.role === 'ADMIN' && (scheme.departement_code === null ? this.isInstallationAdmin(user) : scheme.departement_code === user.departementCode);
  }

  private isInstallationAdmin(user: AuthUser): boolean {
    return user.role === 'ADMIN' && this.config.installationAdmins.includes(user.email.toLowerCase());
  }

  /** Only visible schemes reach here: one not of the user's département is a national one. */
  private assertEditable(user: AuthUser, scheme: AidSchemeRow): void {
    if (!this.canEdit(user, scheme)) {
      throw new SimulatorException('AID_SCHEME_NATIONAL_READ_ONLY');
    }
  }
}

/** The rule's cross-field checks, per field of the form (`prefix.rule.rateMaxBp`). */
function assertVersion(version: AidSchemeVersionInput, prefix: string): void {
  const errors: Record<string, string> = {};
  const { rule } = version;
  if (version.validTo !== null && version.validTo < version.validFrom) {
    errors[`${prefix}.validTo`] = 'La fin de validité ne peut pas précéder son début.';
  }
  const pairs: [keyof AidSchemeRuleFields | `eligibility.${string}`, number | undefined | null, number | undefined | null, string][] = [
    ['rateMaxBp', rule.rateMinBp, rule.rateMaxBp, 'Le taux maximal ne peut pas être inférieur au taux minimal.'],
    ['expenseCeilingCents', rule.expenseFloorCents, rule.expenseCeilingCents, 'Le plafond de dépense ne peut pas être inférieur à son plancher.'],
    ['grantCeilingCents', rule.grantFloorCents, rule.grantCeilingCents, 'Le plafond de subvention ne peut pas être inférieur à son plancher.'],
    [
      'eligibility.populationMax',
      rule.eligibility.populationMin,
      rule.eligibility.populationMax,
      'La population maximale ne peut pas être inférieure à la population minimale.',
    ],
  ];
  for (const [field, low, high, message] of pairs) {
    if (low != null && high != null && high < low) {
      errors[`${prefix}.rule.${field}`] = message;
    }
  }
  if (Object.keys(errors).length > 0) {
    throw new ValidationFailedException(errors);
  }
}

/** Thrown to roll back the transaction of « Tester la règle ». */
class RolledBack extends Error {}

function withoutPassed(check: AidSchemeTestCaseCheck): AidSchemeTestCaseRun {
  return { testCaseId: check.testCaseId, name: check.name, expected: check.expected, actual: check.actual };
}

function versionOf(version: AidSchemeVersionInput): AidSchemeVersionInput {
  return { validFrom: version.validFrom, validTo: version.validTo, rule: ruleFieldsOf(version.rule) };
}

function fieldsOf(request: Omit<CreateAidSchemeRequest, 'firstVersion'>): AidSchemeFields {
  return {
    code: request.code,
    name: request.name,
    funder: request.funder,
    kind: request.kind,
    destination: request.destination,
    description: request.description ?? '',
    audiences: request.audiences ?? [],
    recurrence: request.recurrence ?? '',
    callForProjects: request.callForProjects ?? false,
    links: (request.links ?? []).map((link) => ({ label: link.label, url: link.url })),
  };
}

function fieldsOfRow(row: AidSchemeRow): AidSchemeFields {
  return {
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
  };
}

/** Two admins creating the same code at once: the unique index decides, answered like the check before it. */
function codeTaken(error: unknown): never {
  throw isUniqueViolation(error) ? new SimulatorException('AID_SCHEME_CODE_TAKEN') : error;
}
