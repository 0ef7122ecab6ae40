import { Injectable } from '@nestjs/common';
import {
  INDICATOR_DEFINITIONS,
  type IndicatorCsvLevel,
  type IndicatorGroupRow,
  type IndicatorSummary,
  THREAD_CATEGORY_LABELS,
} from '@passerelle/shared/dto';
import type { AuthUser } from '../common/access/auth-user';
import { decimal, hours, line } from './indicator-cells';
import { IndicatorsRepository } from './indicators.repository';
import { type IndicatorQuery, IndicatorsService, spanOf } from './indicators.service';

const BATCH = 2_000;

import type { Cell } from './indicator-cells';

/**
 * The indicators as CSV for a spreadsheet (French conventions: BOM, `;`, CRLF, decimal comma): the definitions first,
 * as `#` lines, then one row per question, per week, per canton or per agent. Agents are pseudonymous codes unless an
 * admin asks for names; an agent's export holds their own row only.
 */
@Injectable()
export class IndicatorsCsvService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly repository: IndicatorsRepository,
  ) {}

  async *csv(user: AuthUser, code: string, query: IndicatorQuery & { level?: IndicatorCsvLevel; names?: 'true' | 'false' }): AsyncGenerator<string> {
    this.indicators.assertStaffOf(user, code);
    const level = query.level ?? 'thread';
    const period = this.indicators.period(query);
    const names = query.names === 'true' && user.role === 'ADMIN';
    yield '\ufeff' + line([`# Indicateurs du département ${code}, du ${period.from} au ${period.to} (inclus), niveau : ${level}`]);
    for (const [key, text] of Object.entries(INDICATOR_DEFINITIONS)) {
      yield line([`# ${key} : ${text}`]);
    }
    yield line(['# Durées en heures ouvrées (virgule décimale) ; parts entre 0 et 1.']);
    switch (level) {
      case 'thread':
        yield* this.threads(user, code, query, names);
        return;
      case 'week':
        yield* this.weeks(code, query);
        return;
      case 'canton':
      case 'agent':
        yield* this.groups(user, code, query, level, names);
        return;
    }
  }

  private async *threads(user: AuthUser, code: string, query: IndicatorQuery, names: boolean): AsyncGenerator<string> {
    const span = spanOf(this.indicators.period(query));
    const codes = new Pseudonyms();
    yield line([
      'question',
      'commune_insee',
      'commune',
      'canton',
      'categorie',
      'deposee_le',
      'premiere_reponse_le',
      'premiere_reponse_heures_ouvrees',
      'premiere_reponse_heures_ecoulees',
      'dans_objectif',
      'fermee_le',
      'reouvertures',
      'resolution_heures_ouvrees',
      'satisfaction',
      'effort',
      'agent',
    ]);
    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const rows = await this.repository.exportThreads(code, span, after, BATCH, user.role === 'ADMIN' ? null : user.id);
      for (const row of rows) {
        yield line([
          row.thread_id,
          row.commune_insee,
          row.commune_name,
          row.canton_name,
          THREAD_CATEGORY_LABELS[row.category],
          row.created_at.toISOString(),
          row.first_response_at?.toISOString() ?? null,
          hours(row.first_response_working_ms),
          hours(row.first_response_elapsed_ms),
          row.within_target === null ? null : row.within_target ? 'oui' : 'non',
          row.closed_at?.toISOString() ?? null,
          row.reopened,
          hours(row.resolution_working_ms),
          row.satisfaction_score,
          row.effort_score,
          row.first_responder_id === null ? null : names ? (row.agent_name ?? 'Ancien agent') : codes.of(row.first_responder_id),
        ]);
      }
      if (rows.length < BATCH) {
        return;
      }
      const last = rows[rows.length - 1];
      after = { createdAt: last.created_at, id: last.thread_id };
    }
  }

  private async *weeks(code: string, query: IndicatorQuery): AsyncGenerator<string> {
    const weeks = await this.repository.weeks(code, spanOf(this.indicators.period(query)));
    yield line(['semaine_du', 'deposees', 'repondues', 'fermees', 'rouvertes']);
    for (const week of weeks) {
      yield line([week.week, week.created, week.answered, week.closed, week.reopened]);
    }
  }

  private async *groups(user: AuthUser, code: string, query: IndicatorQuery, level: 'canton' | 'agent', names: boolean): AsyncGenerator<string> {
    const dashboard = await this.indicators.dashboard(user, code, { ...query, groupBy: level });
    const codes = new Pseudonyms();
    yield line([
      level === 'canton' ? 'canton' : 'agent',
      ...(level === 'canton' ? ['communes'] : []),
      'questions_repondues',
      'premiere_reponse_p50_heures_ouvrees',
      'premiere_reponse_p90_heures_ouvrees',
      'part_dans_objectif',
      'fermees',
      'resolution_p50_heures_ouvrees',
      'taux_reouverture',
      'satisfaction_moyenne',
      'effort_moyen',
      'en_attente',
    ]);
    for (const group of dashboard.groups) {
      yield line([groupName(group, level, names, codes), ...(level === 'canton' ? [group.communes] : []), ...figures(group.summary), group.backlog]);
    }
  }
}

function groupName(group: IndicatorGroupRow, level: 'canton' | 'agent', names: boolean, codes: Pseudonyms): string {
  return level === 'agent' && group.key !== null && !names ? codes.of(group.key) : group.label;
}

function figures(summary: IndicatorSummary): Cell[] {
  return [
    summary.firstResponse.working.count,
    hours(summary.firstResponse.working.p50Ms),
    hours(summary.firstResponse.working.p90Ms),
    decimal(summary.firstResponse.withinTarget.share),
    summary.resolution.count,
    hours(summary.resolution.p50Ms),
    decimal(summary.reopenRate.share),
    decimal(summary.opinions.satisfaction.average),
    decimal(summary.opinions.effort.average),
  ];
}

/** Agents as `Agent 1`, `Agent 2`… in the order they first appear in the export. */
class Pseudonyms {
  private readonly codes = new Map<string, string>();

  of(id: string): string {
    let code = this.codes.get(id);
    if (!code) {
      code = `Agent ${this.codes.size + 1}`;
      this.codes.set(id, code);
    }
    return code;
  }
}
