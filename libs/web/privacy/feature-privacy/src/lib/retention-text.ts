import type { RetentionRuleResult, RetentionRunDto, RetentionTrigger } from '@passerelle/shared/dto';

/** `365` → « 1 an », `730` → « 2 ans », `30` → « 30 jours », as the API writes the periods of the public notice. */
export function formatDays(days: number): string {
  if (days >= 365 && days % 365 === 0) {
    const years = days / 365;
    return years === 1 ? '1 an' : `${years} ans`;
  }
  return days === 1 ? '1 jour' : `${days} jours`;
}

export const RETENTION_TRIGGER_LABELS: Record<RetentionTrigger, string> = {
  SCHEDULE: 'Tâche planifiée',
  ADMIN: 'Un administrateur',
  CLI: 'Ligne de commande',
};

/** The rules of a run that did (or would do) something. */
export function activeRules(run: RetentionRunDto): RetentionRuleResult[] {
  return run.results.filter((r) => r.count > 0 || r.warned > 0 || r.capped);
}

/**
 * What a run did, in one sentence for the live region: « Simulation terminée : 12 éléments seraient supprimés ou
 * remplacés par un pseudonyme, 2 comptes avertis. »
 */
export function runSummary(run: RetentionRunDto): string {
  const head = run.dryRun ? 'Simulation terminée' : 'Passage terminé';
  if (run.error) {
    return `${head} avec une erreur\u00a0: ${run.error}`;
  }
  const count = run.results.reduce((total, r) => total + r.count, 0);
  const warned = run.results.reduce((total, r) => total + r.warned, 0);
  const capped = run.results.some((r) => r.capped);
  if (count === 0 && warned === 0) {
    return `${head}\u00a0: ${run.dryRun ? 'rien ne serait supprimé' : 'rien à supprimer'}.`;
  }
  const parts: string[] = [];
  if (count > 0) {
    const verb = run.dryRun ? (count > 1 ? 'seraient' : 'serait') : '';
    const done = count > 1 ? 'supprimés ou remplacés par un pseudonyme' : 'supprimé ou remplacé par un pseudonyme';
    parts.push(`${count} élément${count > 1 ? 's' : ''} ${verb ? `${verb} ` : ''}${done}`);
  }
  if (warned > 0) {
    parts.push(`${warned} compte${warned > 1 ? 's' : ''} ${run.dryRun ? (warned > 1 ? 'seraient avertis' : 'serait averti') : warned > 1 ? 'avertis' : 'averti'} par courriel`);
  }
  const rest = capped ? ' La limite par passage est atteinte\u00a0: le passage suivant continuera.' : '';
  return `${head}\u00a0: ${parts.join(', ')}.${rest}`;
}
