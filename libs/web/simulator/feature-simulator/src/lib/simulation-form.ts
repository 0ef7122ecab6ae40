import type { Derogation, ProjectSimulationRequest, ProjectTheme } from '@passerelle/shared/dto';
import { SIMULATION_MAX_CENTS } from '@passerelle/shared/dto';
import { parseEuros, parsePercentInput } from '@passerelle/web/shared/util-format';

/** What the form holds: amounts as typed (French decimal comma), the préfet's share as a percentage. */
export interface SimulationFormValue {
  theme: ProjectTheme | null;
  expenseHt: string;
  expenseTtc: string;
  privateFunding: string;
  /** ISO `YYYY-MM-DD` from the date field; empty: today. */
  date: string;
  spendingStarted: boolean;
  derogation: Derogation | null;
  derogationShare: string;
}

export type SimulationFormField = 'theme' | 'expenseHt' | 'expenseTtc' | 'privateFunding' | 'date' | 'derogationShare';

export type SimulationFormResult =
  | { request: ProjectSimulationRequest; errors: null }
  | { request: null; errors: Partial<Record<SimulationFormField, string>> };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Turns the form into the API's request, or lists each field's French error. The amounts go through the shared money
 * parser (text, never floating point), bounded by the API's own maximum so that a typo is caught before sending.
 */
export function buildSimulationRequest(value: SimulationFormValue): SimulationFormResult {
  const errors: Partial<Record<SimulationFormField, string>> = {};
  if (!value.theme) {
    errors.theme = 'Choisissez la thématique du projet.';
  }
  const ht = parseEuros(value.expenseHt, SIMULATION_MAX_CENTS);
  if (ht.error) {
    errors.expenseHt = ht.error;
  } else if (!ht.cents) {
    errors.expenseHt = 'Indiquez la dépense éligible hors taxes, par exemple 180 000.';
  }
  const ttc = parseEuros(value.expenseTtc, SIMULATION_MAX_CENTS);
  if (ttc.error) {
    errors.expenseTtc = ttc.error;
  } else if (ttc.cents !== null && ht.cents && ttc.cents < ht.cents) {
    errors.expenseTtc = 'Le coût TTC ne peut pas être inférieur à la dépense hors taxes.';
  }
  const privateFunding = parseEuros(value.privateFunding, SIMULATION_MAX_CENTS);
  if (privateFunding.error) {
    errors.privateFunding = privateFunding.error;
  }
  const date = value.date.trim();
  if (date && !ISO_DAY.test(date)) {
    errors.date = 'Indiquez une date valide.';
  }
  const share = value.derogation ? parsePercentInput(value.derogationShare) : { bp: null, error: null };
  if (share.error) {
    errors.derogationShare = share.error;
  }
  if (Object.keys(errors).length > 0 || !value.theme || !ht.cents) {
    return { request: null, errors };
  }
  const request: ProjectSimulationRequest = {
    theme: value.theme,
    eligibleExpenseHtCents: ht.cents,
    expenseTtcCents: ttc.cents,
    spendingStarted: value.spendingStarted,
    derogation: value.derogation,
  };
  if (privateFunding.cents) {
    request.privateFundingCents = privateFunding.cents;
  }
  if (date) {
    request.date = date;
  }
  if (share.bp !== null) {
    request.derogationShareBp = share.bp;
  }
  return { request, errors: null };
}

