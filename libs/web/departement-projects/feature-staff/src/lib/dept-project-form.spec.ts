import {
  createDeptProjectForm,
  deptChangesSince,
  deptInputOf,
  fillDeptProjectForm,
  mergeDeptOnto,
  toDeptProjectInput,
} from './dept-project-form';
import { deptProject } from './testing-fixtures';

describe('dept project form', () => {
  it('sends back what it was filled with, and only the changed fields in a PATCH', () => {
    const project = deptProject({ forecastCostCents: 1_250_000_00, fundingLines: [] });
    const base = deptInputOf(project);
    const form = createDeptProjectForm();
    fillDeptProjectForm(form, base);
    expect(toDeptProjectInput(form, base)).toEqual(base);

    form.controls.resources.setValue(' Deux agents de la voirie ');
    form.controls.cantonCodes.setValue(['9510', '9512']);
    expect(deptChangesSince(base, toDeptProjectInput(form, base))).toEqual({
      resources: 'Deux agents de la voirie',
      cantonCodes: ['9510', '9512'],
    });
  });

  it('lays the user’s changes over the version saved in between, keeping the other person’s', () => {
    const base = deptInputOf(deptProject());
    const mine = { ...base, partners: 'La région' };
    const current = { ...base, title: 'Piste cyclable de la vallée de l’Oise' };
    expect(mergeDeptOnto(base, mine, current)).toEqual({ ...base, partners: 'La région', title: 'Piste cyclable de la vallée de l’Oise' });
  });
});
