import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MeDto, ProjectDto, SavedSimulationDto, SimulationLine, SimulationResult } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { ProjectsApi } from '@passerelle/web/projects/data-access';
import { SimulatorApi } from '@passerelle/web/simulator/data-access';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of } from 'rxjs';
import { SimulatorPage } from './simulator-page';
import { simulationResult } from './testing/simulation-result';

const mayor = {
  id: 'u1',
  displayName: 'Marie Dupont',
  role: 'MAYOR',
  departement: { code: '95', name: 'Val-d’Oise' },
  commune: { insee: '95002', name: 'Ableiges' },
} as MeDto;

const project = {
  id: 'p1',
  title: 'Réfection de la rue des Écoles',
  commune: { insee: '95002', name: 'Ableiges' },
  theme: 'VOIRIE',
  forecastCostCents: 18_000_050,
  version: 3,
  permissions: { edit: true, delete: true, upload: true },
} as ProjectDto;

/** A result whose maximum plan retains DETR (63,000 €) and not the Val-d’Oise's aid, reduced to nothing by the caps. */
function resultWithAids(): SimulationResult {
  const base = simulationResult();
  const line = (schemeId: string, schemeCode: string, funder: SimulationLine['funder']) =>
    ({
      schemeId,
      schemeCode,
      funder,
      schemeName: schemeCode,
      eligible: true,
      versionId: `${schemeId}-v1`,
      reasons: [],
      explanation: [],
      sources: [],
    }) as unknown as SimulationLine;
  return {
    ...base,
    lines: [line('detr', 'DETR', 'ETAT'), line('cd95', 'Val-d’Oise', 'DEPARTEMENT')],
    plan: { ...base.plan, retained: [{ schemeCode: 'DETR', cents: 6_300_000 }, { schemeCode: 'Val-d’Oise', cents: 0 }] },
  };
}

describe(SimulatorPage.name, () => {
  let fixture: ComponentFixture<SimulatorPage>;
  let element: HTMLElement;
  let api: { simulate: jest.Mock; saveProjectSimulation: jest.Mock; listProjectSimulations: jest.Mock; addToFundingPlan: jest.Mock };

  async function render(inputs: Record<string, string> = {}) {
    fixture = TestBed.createComponent(SimulatorPage);
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  function type(selector: string, value: string) {
    const field = element.querySelector<HTMLInputElement>(selector) as HTMLInputElement;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  function button(label: string): HTMLButtonElement {
    return Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === label) as HTMLButtonElement;
  }

  function setTheme(theme: string) {
    (fixture.componentInstance as unknown as { form: { patchValue(v: object): void } }).form.patchValue({ theme });
  }

  beforeEach(() => {
    api = {
      simulate: jest.fn(() => of({ ...simulationResult(), id: null })),
      saveProjectSimulation: jest.fn(() => of({ ...simulationResult(), id: 's1' })),
      listProjectSimulations: jest.fn(() => of([] as SavedSimulationDto[])),
      addToFundingPlan: jest.fn(() => of({ ...project, version: 4 })),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: SimulatorApi, useValue: api },
        { provide: AuthSession, useValue: { user: signal(mayor) } },
        { provide: ProjectsApi, useValue: { getProject: jest.fn(() => of(project)) } },
        { provide: TerritoryApi, useValue: { getCommune: jest.fn(() => of({ insee: '95040', name: 'Avernes' })), listCommunes: jest.fn() } },
      ],
    });
  });

  it('sends the commune’s simulation with the amounts in cents, and moves the focus to the result', async () => {
    await render();
    setTheme('BATIMENTS_COMMUNAUX');
    type('#sim-ht', '180 000,50');
    type('#sim-ttc', '216 000');
    type('#sim-date', '2026-03-14');
    button('Simuler').click();
    await fixture.whenStable();

    expect(api.simulate).toHaveBeenCalledWith({
      communeInsee: '95002',
      theme: 'BATIMENTS_COMMUNAUX',
      eligibleExpenseHtCents: 18_000_050,
      expenseTtcCents: 21_600_000,
      spendingStarted: false,
      derogation: null,
      date: '2026-03-14',
    });
    const heading = element.querySelector('#sim-result-title');
    expect(heading?.textContent?.trim()).toBe('Résultat de la simulation');
    expect(document.activeElement).toBe(heading);
  });

  it('sends nothing and says what is wrong when an amount cannot be read', async () => {
    await render();
    setTheme('VOIRIE');
    type('#sim-ht', '12,345');
    button('Simuler').click();
    await fixture.whenStable();

    expect(api.simulate).not.toHaveBeenCalled();
    expect(element.querySelector('[role=alert]')?.textContent).toContain('erreurs');
    expect(element.querySelector('.field-error')?.textContent).toContain('deux chiffres');
  });

  it('pre-fills from the project and saves the simulation with it', async () => {
    await render({ id: 'p1' });
    expect((element.querySelector('#sim-ht') as HTMLInputElement).value).toBe('180\u202f000,50');

    button('Enregistrer la simulation').click();
    await fixture.whenStable();

    expect(api.saveProjectSimulation).toHaveBeenCalledWith(
      'p1',
      expect.objectContaining({ theme: 'VOIRIE', eligibleExpenseHtCents: 18_000_050, expenseTtcCents: null }),
    );
    expect(api.listProjectSimulations).toHaveBeenCalledTimes(2);
    expect(element.textContent).toContain('Simulation enregistrée avec le projet.');
  });

  it('lets an agent simulate for the commune named in the address, and asks for one when none is', async () => {
    await render({ area: 'departement' });
    setTheme('VOIRIE');
    type('#sim-ht', '1000');
    button('Simuler').click();
    await fixture.whenStable();
    expect(api.simulate).not.toHaveBeenCalled();
    expect(element.querySelector('[role=alert]')?.textContent).toContain('Choisissez d’abord la commune');

    fixture.componentRef.setInput('commune', '95040');
    await fixture.whenStable();
    expect(element.querySelector('#sim-commune-current')?.textContent).toContain('Avernes');
    button('Simuler').click();
    await fixture.whenStable();
    expect(api.simulate).toHaveBeenCalledWith(expect.objectContaining({ communeInsee: '95040', eligibleExpenseHtCents: 100_000 }));
  });

  it('adds the aids a computed simulation retains to the fiche’s funding plan, saving the simulation first', async () => {
    api.simulate.mockReturnValue(of({ ...resultWithAids(), id: null }));
    api.saveProjectSimulation.mockReturnValue(of({ ...resultWithAids(), id: 's1' }));
    await render({ id: 'p1' });
    button('Simuler').click();
    await fixture.whenStable();

    // Only the aid the plan retains is offered, ticked.
    const boxes = Array.from(element.querySelectorAll<HTMLInputElement>('pas-funding-plan-picker input[type=checkbox]'));
    expect(boxes).toHaveLength(1);
    expect(boxes[0].checked).toBe(true);
    expect(element.querySelector('pas-funding-plan-picker')?.textContent).toContain('DETR (État) : 63');

    button('Ajouter au plan de financement').click();
    await fixture.whenStable();

    expect(api.saveProjectSimulation).toHaveBeenCalledWith('p1', expect.objectContaining({ theme: 'VOIRIE' }));
    expect(api.addToFundingPlan).toHaveBeenCalledWith('p1', 's1', { version: 3, schemeIds: ['detr'], scenario: 'MAXIMUM' });
    expect(element.textContent).toContain('L’aide a été ajoutée au plan de financement de la fiche, à l’état « envisagé ».');
  });

  it('offers no funding plan to a reader of the fiche (staff, who do not write it)', async () => {
    TestBed.overrideProvider(ProjectsApi, { useValue: { getProject: jest.fn(() => of({ ...project, permissions: { edit: false, delete: false, upload: false } })) } });
    api.simulate.mockReturnValue(of({ ...resultWithAids(), id: null }));
    await render({ id: 'p1' });
    button('Simuler').click();
    await fixture.whenStable();
    expect(element.querySelector('#sim-result-title')).not.toBeNull();
    expect(element.querySelector('pas-funding-plan-picker')).toBeNull();
  });
});
