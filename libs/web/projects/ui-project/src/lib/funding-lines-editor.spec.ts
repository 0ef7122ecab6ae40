import { TestBed } from '@angular/core/testing';
import { FormArray } from '@angular/forms';
import type { FundingLineDto } from '@passerelle/shared/dto';
import { fundingLineGroup, type FundingLineGroup, fundingLineSummaryLabel, toFundingLineDto } from './funding-line-form';
import { FundingLinesEditor } from './funding-lines-editor';

const detr: FundingLineDto = {
  funder: 'ETAT',
  funderName: null,
  scheme: 'DETR',
  amountRequestedCents: 1_234_567,
  amountObtainedCents: null,
  state: 'REQUESTED',
  requestedOn: '2026-02-01',
  decidedOn: null,
};

describe(FundingLinesEditor.name, () => {
  let lines: FormArray<FundingLineGroup>;
  let element: HTMLElement;

  async function render(idPrefix?: string) {
    const fixture = TestBed.createComponent(FundingLinesEditor);
    fixture.componentRef.setInput('lines', lines);
    if (idPrefix) {
      fixture.componentRef.setInput('idPrefix', idPrefix);
    }
    element = fixture.nativeElement;
    // In the document, so that focus can move.
    document.body.appendChild(element);
    await fixture.whenStable();
    return fixture;
  }

  const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();
  const button = (label: string) => {
    const found = Array.from(element.querySelectorAll('button')).find((b) => squash(b.textContent) === label);
    if (!found) {
      throw new Error(`no button ${label}`);
    }
    return found;
  };

  beforeEach(() => {
    lines = new FormArray([fundingLineGroup(detr)]);
  });

  afterEach(() => element?.remove());

  it('shows each line as a fieldset with French labels, the values and ids made from the prefix', async () => {
    await render();
    expect(squash(element.querySelector('fieldset legend')?.textContent)).toBe('Financement 1');
    const labels = Array.from(element.querySelectorAll('mat-label')).map((label) => squash(label.textContent));
    expect(labels).toEqual([
      'Financeur',
      'Nom du financeur',
      'Dispositif',
      'État',
      'Montant demandé HT',
      'Montant obtenu HT',
      'Demandé le',
      'Décision le',
    ]);
    expect(element.querySelector<HTMLInputElement>('#field-fundingLines-0-scheme')?.value).toBe('DETR');
    expect(element.querySelector<HTMLInputElement>('#field-fundingLines-0-amountRequestedCents')?.value).toBe('12\u202f345,67');
    expect(element.querySelector<HTMLInputElement>('#field-fundingLines-0-requestedOn')?.value).toBe('01/02/2026');
    expect(squash(element.querySelector('#field-fundingLines-0-state')?.textContent)).toBe('Demandé');
    expect(button('Retirer le financement 1')).toBeTruthy();
  });

  it('adds an empty line, marks the list changed and moves the focus to its first field', async () => {
    const fixture = await render('field-dept-fundingLines');
    button('Ajouter un financement').click();
    fixture.detectChanges();
    await fixture.whenStable();

    expect(lines.length).toBe(2);
    expect(lines.dirty).toBe(true);
    expect(toFundingLineDto(lines.at(1).getRawValue())).toEqual({
      funder: 'ETAT',
      funderName: null,
      scheme: null,
      amountRequestedCents: null,
      amountObtainedCents: null,
      state: 'CONSIDERED',
      requestedOn: null,
      decidedOn: null,
    });
    expect(squash(element.querySelectorAll('fieldset legend')[1]?.textContent)).toBe('Financement 2');
    expect(document.activeElement?.id).toBe('field-dept-fundingLines-1-funder');
  });

  it('removes the line chosen and gives the focus to « Ajouter un financement »', async () => {
    lines.push(fundingLineGroup({ ...detr, scheme: 'DSIL' }));
    const fixture = await render();
    button('Retirer le financement 1').click();
    fixture.detectChanges();
    await fixture.whenStable();

    expect(lines.length).toBe(1);
    expect(lines.dirty).toBe(true);
    expect(element.querySelectorAll('fieldset')).toHaveLength(1);
    expect(element.querySelector<HTMLInputElement>('#field-fundingLines-0-scheme')?.value).toBe('DSIL');
    expect(document.activeElement).toBe(button('Ajouter un financement'));
  });

  it('shows a mistyped amount’s message under its field', async () => {
    const fixture = await render();
    lines.at(0).controls.amountObtainedCents.setValue('douze euros');
    lines.markAllAsTouched();
    fixture.detectChanges();
    await fixture.whenStable();
    const field = element.querySelector('#field-fundingLines-0-amountObtainedCents')?.closest('mat-form-field');
    expect(squash(field?.querySelector('mat-error')?.textContent)).toBeTruthy();
    expect(squash(field?.querySelector('mat-error')?.textContent)).toBe(lines.at(0).controls.amountObtainedCents.errors?.['money']);
  });
});

describe(toFundingLineDto.name, () => {
  it('gives back the line a group was filled with, amounts in cents and blanks as null', () => {
    expect(toFundingLineDto(fundingLineGroup(detr).getRawValue())).toEqual(detr);
    const line = fundingLineGroup();
    line.patchValue({ funder: 'AUTRE', funderName: ' Agence de l’eau ', scheme: ' ', amountObtainedCents: '5 000' });
    expect(toFundingLineDto(line.getRawValue())).toMatchObject({
      funder: 'AUTRE',
      funderName: 'Agence de l’eau',
      scheme: null,
      amountObtainedCents: 500_000,
    });
  });
});

describe(fundingLineSummaryLabel.name, () => {
  it('names a funding line’s field with its line, and nothing else', () => {
    expect(fundingLineSummaryLabel('fundingLines.1.scheme')).toBe('Financement 2, dispositif');
    expect(fundingLineSummaryLabel('milestones.0.title')).toBeUndefined();
    expect(fundingLineSummaryLabel('fundingLines')).toBeUndefined();
  });
});
