import { FormControl, FormGroup, Validators } from '@angular/forms';
import { type Funder, type FundingLineDto, type FundingState, PROJECT_LIMITS } from '@passerelle/shared/dto';
import { formatMoneyInput, parseEuros } from '@passerelle/web/shared/util-format';
import { moneyValidator } from './money-input';

/*
 * One funding line of a fiche's form (a commune's project or the département's own). The controls are named like
 * the API's fields, so that an error keyed `fundingLines.0.amountRequestedCents` finds its control with
 * `form.get(key)`. Amounts hold the text typed (converted on submit); dates hold `YYYY-MM-DD`, `''` or, from a
 * cleared or mistyped datepicker, `null`.
 */

const shortText = () =>
  new FormControl('', { nonNullable: true, validators: [Validators.maxLength(PROJECT_LIMITS.shortText)] });
const money = () => new FormControl('', { nonNullable: true, validators: [moneyValidator] });
const day = () => new FormControl('', { nonNullable: true });

/** The form group of one funding line, empty (a new line: État, envisagé) or filled with `line`. */
export function fundingLineGroup(line?: FundingLineDto) {
  const group = new FormGroup({
    funder: new FormControl<Funder>('ETAT', { nonNullable: true, validators: [Validators.required] }),
    funderName: shortText(),
    scheme: shortText(),
    amountRequestedCents: money(),
    amountObtainedCents: money(),
    state: new FormControl<FundingState>('CONSIDERED', { nonNullable: true, validators: [Validators.required] }),
    requestedOn: day(),
    decidedOn: day(),
  });
  if (line) {
    group.setValue({
      funder: line.funder,
      funderName: line.funderName ?? '',
      scheme: line.scheme ?? '',
      amountRequestedCents: formatMoneyInput(line.amountRequestedCents),
      amountObtainedCents: formatMoneyInput(line.amountObtainedCents),
      state: line.state,
      requestedOn: line.requestedOn ?? '',
      decidedOn: line.decidedOn ?? '',
    });
  }
  return group;
}

export type FundingLineGroup = ReturnType<typeof fundingLineGroup>;
export type FundingLineValue = ReturnType<FundingLineGroup['getRawValue']>;

const orNull = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());

/** What a valid line sends: amounts in cents, blank texts and dates as `null`. */
export function toFundingLineDto(line: FundingLineValue): FundingLineDto {
  return {
    funder: line.funder,
    funderName: orNull(line.funderName),
    scheme: orNull(line.scheme),
    amountRequestedCents: parseEuros(line.amountRequestedCents).cents,
    amountObtainedCents: parseEuros(line.amountObtainedCents).cents,
    state: line.state,
    requestedOn: orNull(line.requestedOn),
    decidedOn: orNull(line.decidedOn),
  };
}

/** The fields of a line in words, lower case, for an error summary. */
export const FUNDING_FIELD_LABELS: Record<keyof FundingLineDto, string> = {
  funder: 'financeur',
  funderName: 'nom du financeur',
  scheme: 'dispositif',
  state: 'état',
  amountRequestedCents: 'montant demandé HT',
  amountObtainedCents: 'montant obtenu HT',
  requestedOn: 'date de la demande',
  decidedOn: 'date de la décision',
};

/**
 * The error summary's label of a funding line's field (`fundingLines.0.scheme` → « Financement 1, dispositif »):
 * the label on the page alone would not say which line. `undefined` for any other path.
 */
export function fundingLineSummaryLabel(path: string, arrayName = 'fundingLines'): string | undefined {
  const [group, index, field] = path.split('.');
  if (group !== arrayName || field === undefined) {
    return undefined;
  }
  return `Financement ${Number(index) + 1}, ${FUNDING_FIELD_LABELS[field as keyof FundingLineDto] ?? field}`;
}
