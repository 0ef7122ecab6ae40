import type { FundingLineDto } from '@passerelle/shared/dto';
import { fundingLineGroup } from '@passerelle/web/projects/ui-project';
import {
  changedDeptFields,
  createDeptProjectForm,
  deptChangesSince,
  deptInputOf,
  fillDeptProjectForm,
  mergeDeptOnto,
  toDeptProjectInput,
} from './dept-project-form';
import { deptProject } from './testing-fixtures';

const detr: FundingLineDto = {
  funder: 'ETAT',
  funderName: null,
  scheme: 'DETR',
  amountRequestedCents: 40_000_000,
  amountObtainedCents: null,
  state: 'REQUESTED',
  requestedOn: '2026-02-01',
  decidedOn: null,
};

describe('dept project form', () => {
  it('sends back what it was filled with, and only the changed fields in a PATCH', () => {
    const project = deptProject({ forecastCostCents: 1_250_000_00, fundingLines: [detr] });
    const base = deptInputOf(project);
    const form = createDeptProjectForm();
    fillDeptProjectForm(form, base);
    expect(toDeptProjectInput(form)).toEqual(base);

    form.controls.resources.setValue(' Deux agents de la voirie ');
    form.controls.cantonCodes.setValue(['9510', '9512']);
    expect(deptChangesSince(base, toDeptProjectInput(form))).toEqual({
      resources: 'Deux agents de la voirie',
      cantonCodes: ['9510', '9512'],
    });
  });

  it('sends the funding lines as edited: amounts in cents, blanks as null, a new line and a removed one', () => {
    const base = deptInputOf(deptProject({ fundingLines: [detr, { ...detr, scheme: 'DSIL' }] }));
    const form = createDeptProjectForm();
    fillDeptProjectForm(form, base);

    form.controls.fundingLines.at(0).patchValue({ state: 'OBTAINED', amountObtainedCents: '350 000', decidedOn: '2026-05-12' });
    form.controls.fundingLines.removeAt(1);
    const region = fundingLineGroup();
    region.patchValue({ funder: 'REGION', scheme: ' ', amountRequestedCents: '120 000,50' });
    form.controls.fundingLines.push(region);

    expect(deptChangesSince(base, toDeptProjectInput(form))).toEqual({
      fundingLines: [
        { ...detr, state: 'OBTAINED', amountObtainedCents: 35_000_000, decidedOn: '2026-05-12' },
        {
          funder: 'REGION',
          funderName: null,
          scheme: null,
          amountRequestedCents: 12_000_050,
          amountObtainedCents: null,
          state: 'CONSIDERED',
          requestedOn: null,
          decidedOn: null,
        },
      ],
    });
  });

  it('sees no change in funding lines that jsonb gives back with their keys in another order', () => {
    const reordered = Object.fromEntries(Object.entries(detr).reverse()) as unknown as FundingLineDto;
    const base = deptInputOf(deptProject({ fundingLines: [reordered] }));
    const form = createDeptProjectForm();
    fillDeptProjectForm(form, base);
    expect(deptChangesSince(base, toDeptProjectInput(form))).toEqual({});
  });

  it('lays the user’s changes over the version saved in between, keeping the other person’s', () => {
    const base = deptInputOf(deptProject());
    const mine = { ...base, partners: 'La région' };
    const current = { ...base, title: 'Piste cyclable de la vallée de l’Oise' };
    expect(mergeDeptOnto(base, mine, current)).toEqual({ ...base, partners: 'La région', title: 'Piste cyclable de la vallée de l’Oise' });
  });

  it('merges funding lines like the other fields: the user’s when they changed them, the other person’s otherwise', () => {
    const base = deptInputOf(deptProject({ fundingLines: [detr] }));
    const theirs = { ...base, fundingLines: [{ ...detr, state: 'REFUSED' as const }] };
    expect(changedDeptFields(base, theirs)).toEqual(['fundingLines']);

    const mine = { ...base, fundingLines: [{ ...detr, amountRequestedCents: 50_000_000 }] };
    expect(mergeDeptOnto(base, mine, { ...theirs, title: 'Autre titre' })).toEqual({
      ...base,
      title: 'Autre titre',
      fundingLines: mine.fundingLines,
    });
    expect(mergeDeptOnto(base, { ...base, partners: 'La région' }, theirs).fundingLines).toEqual(theirs.fundingLines);
  });
});
