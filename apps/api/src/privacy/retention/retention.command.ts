import type { INestApplicationContext } from '@nestjs/common';
import { RETENTION_RULE_LABELS, type RetentionRuleResult, type RetentionRunDto } from '@passerelle/shared/dto';
import type { CliIo } from '../../cli-command';
import { RetentionException } from './retention.exception';
import { RetentionService } from './retention.service';

export const RETENTION_USAGE = 'retention [--dry-run]';

/** The options of `retention`, or what is wrong with them (in French, for the operator). */
export function retentionOptions(args: string[]): { dryRun: boolean } | string {
  for (const arg of args) {
    if (arg !== '--dry-run') {
      return `Option invalide « ${arg} » : ${RETENTION_USAGE}`;
    }
  }
  return { dryRun: args.includes('--dry-run') };
}

/** `node dist/apps/api/cli.js retention [--dry-run]`: one run now, its results printed in French; 1 when a rule failed. */
export async function runRetention(app: INestApplicationContext, options: { dryRun: boolean }, io: CliIo): Promise<number> {
  let run: RetentionRunDto;
  try {
    run = await app.get(RetentionService).run({ dryRun: options.dryRun, trigger: 'CLI', actorId: null });
  } catch (error) {
    if (error instanceof RetentionException) {
      io.stderr(error.message);
      return 1;
    }
    throw error;
  }
  for (const line of retentionReport(run)) {
    io.stdout(line);
  }
  return run.error === null ? 0 : 1;
}

export function retentionReport(run: RetentionRunDto): string[] {
  const lines = [
    run.dryRun
      ? 'Durées de conservation, essai à blanc : voici ce qui serait fait (rien n’a été changé).'
      : 'Durées de conservation appliquées :',
    ...run.results.map((result) => `  ${RETENTION_RULE_LABELS[result.rule]} : ${outcome(result, run.dryRun)}`),
  ];
  if (run.results.some((result) => result.capped)) {
    lines.push('Plafond par passage atteint (RETENTION_MAX_PER_RUN) : le reste sera traité au prochain passage.');
  }
  if (run.error !== null) {
    lines.push(`Échecs :\n${run.error}`);
  }
  return lines;
}

function outcome(result: RetentionRuleResult, dryRun: boolean): string {
  const done = dryRun ? 'à traiter' : 'traité(s)';
  const warned = result.warned > 0 ? `, ${result.warned} ${dryRun ? 'à avertir' : 'averti(s)'} par courriel` : '';
  return `${result.count} ${done}${warned}${result.capped ? ' (plafond atteint)' : ''}`;
}
