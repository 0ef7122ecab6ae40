import {
  DEROGATION_LABELS,
  type DerogationShare,
  type SimulationInput,
  type SimulationWarning,
  type SimulatorSource,
} from '@passerelle/shared/dto';
import { formatBp, formatDate, typeset } from './format';
import { derogationOn, type AppliedParameters } from './parameters';

export interface MinimumShare {
  bp: number;
  /** The derogation applied, `null` for the general rule. */
  derogation: DerogationShare | null;
  source: SimulatorSource;
  warning: SimulationWarning | null;
}

/**
 * Rule 4: the commune's minimum share of the public financing, 20 % (CGCT L1111-10 III) unless the préfet granted a
 * derogation in force on the date. A derogation whose share the law leaves to the préfet needs that share in the
 * input; without it, or out of its dates, the general rule applies and a warning says so.
 */
export function minimumShare(input: SimulationInput, applied: AppliedParameters): MinimumShare {
  const general: MinimumShare = {
    bp: applied.minCommuneShare.value,
    derogation: null,
    source: applied.minCommuneShare.source,
    warning: null,
  };
  if (input.derogation === null) {
    return general;
  }
  const label = DEROGATION_LABELS[input.derogation];
  const generalShare = formatBp(general.bp);
  const notApplied = (message: string): MinimumShare => ({
    ...general,
    warning: { code: 'DEROGATION_NOT_APPLIED', schemeCode: null, message: typeset(message) },
  });

  const share = derogationOn(applied, input.derogation);
  if (share === null) {
    return notApplied(
      `Dérogation « ${label} » : non prévue au ${formatDate(input.date)}, la part minimale de la commune reste de ${generalShare}.`,
    );
  }
  const bp = share.minCommuneShareBp ?? input.derogationShareBp ?? null;
  if (bp === null) {
    return notApplied(
      `Dérogation « ${label} » : la part fixée par le préfet n’est pas renseignée, la part minimale de la commune reste de ${generalShare}.`,
    );
  }
  // A derogation lowers the share; it never raises it above the general rule.
  return { bp: Math.min(bp, general.bp), derogation: share, source: share.source, warning: null };
}
