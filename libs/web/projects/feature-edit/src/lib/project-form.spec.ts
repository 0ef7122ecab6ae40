import {
  changedFields,
  changesSince,
  createProjectForm,
  fillProjectForm,
  inputOf,
  mergeOnto,
  toProjectInput,
} from './project-form';
import { fundingLineGroup } from '@passerelle/web/projects/ui-project';
import { projectFixture } from '@passerelle/web/projects/data-access/testing';

describe('toProjectInput', () => {
  it('turns the typed amounts into cents and blanks into null', () => {
    const form = createProjectForm();
    form.patchValue({
      title: '  Nouvelle mairie ',
      theme: 'BATIMENTS_COMMUNAUX',
      forecastCostCents: '12 345,67',
      finalCostCents: '',
      startDate: '',
      endDate: '2027-01-31',
      location: { lat: 49.1, lng: 2.0, address: '  ' },
    });
    const line = fundingLineGroup();
    line.patchValue({ funder: 'DEPARTEMENT', amountRequestedCents: '5000', amountObtainedCents: '', scheme: ' ' });
    form.controls.fundingLines.push(line);

    const input = toProjectInput(form, false);

    expect(input.title).toBe('Nouvelle mairie');
    expect(input.forecastCostCents).toBe(1_234_567);
    expect(input.finalCostCents).toBeNull();
    expect(input.startDate).toBeNull();
    expect(input.endDate).toBe('2027-01-31');
    expect(input.location).toEqual({ lat: 49.1, lng: 2.0, address: null });
    expect(input.fundingLines).toEqual([
      {
        funder: 'DEPARTEMENT',
        funderName: null,
        scheme: null,
        amountRequestedCents: 500_000,
        amountObtainedCents: null,
        state: 'CONSIDERED',
        requestedOn: null,
        decidedOn: null,
      },
    ]);
  });

  it('sends no location until a point is placed', () => {
    const form = createProjectForm();
    form.patchValue({ location: { lat: null, lng: null, address: 'Place de la mairie' } });
    expect(toProjectInput(form, false).location).toBeNull();
  });

  it('leaves the progress to the status default unless the user set it', () => {
    const form = createProjectForm();
    form.patchValue({ theme: 'VOIRIE', progress: 60 });
    expect('progress' in toProjectInput(form, false)).toBe(false);
    expect(toProjectInput(form, true).progress).toBe(60);
  });

  it('refuses a negative or malformed amount before anything is sent', () => {
    const form = createProjectForm();
    form.controls.forecastCostCents.setValue('-3');
    expect(form.controls.forecastCostCents.errors).toEqual({ money: 'Le montant ne peut pas être négatif.' });
    form.controls.forecastCostCents.setValue('12,345');
    expect(form.controls.forecastCostCents.errors?.['money']).toMatch(/^Saisissez un montant/);
  });
});

describe('fillProjectForm', () => {
  it('shows a fiche as typed text and gives back the same fiche', () => {
    const project = projectFixture();
    const form = createProjectForm();
    fillProjectForm(form, inputOf(project));
    expect(form.controls.forecastCostCents.value).toBe('10\u202f000,00');
    expect(form.controls.fundingLines.at(0).controls.amountRequestedCents.value).toBe('4\u202f000,00');
    expect(form.controls.milestones.at(0).controls.date.value).toBe('2026-06-01');
    expect(changedFields(inputOf(project), toProjectInput(form, false))).toEqual([]);
  });
});

describe('changesSince / mergeOnto', () => {
  const base = inputOf(projectFixture());

  it('sends only the fields the user changed', () => {
    expect(changesSince(base, { ...base, title: 'Autre titre', progress: undefined })).toEqual({ title: 'Autre titre' });
  });

  it('keeps the user’s changes and takes the other person’s for the rest', () => {
    const mine = { ...base, title: 'Mon titre', progress: undefined };
    const current = { ...base, title: 'Leur titre', forecastCostCents: 2_000_000, progress: 50 };
    const merged = mergeOnto(base, mine, current);
    expect(merged.title).toBe('Mon titre');
    expect(merged.forecastCostCents).toBe(2_000_000);
    expect(merged.progress).toBe(50);
  });
});
