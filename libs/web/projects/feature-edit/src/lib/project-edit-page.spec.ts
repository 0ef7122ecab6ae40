import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { CommuneDto, MeDto, ProjectDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { ProjectsApi } from '@passerelle/web/projects/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { MAP_STYLESHEET_URL } from '@passerelle/web/shared/ui-map';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of, throwError } from 'rxjs';
import { ProjectEditPage } from './project-edit-page';
import type { ProjectForm } from './project-form';
import { projectFixture } from '@passerelle/web/projects/data-access/testing';

const commune = {
  insee: '95002',
  name: 'Ableiges',
  outline: {
    type: 'Polygon',
    coordinates: [
      [
        [1.9, 49.0],
        [2.0, 49.0],
        [2.0, 49.1],
        [1.9, 49.1],
        [1.9, 49.0],
      ],
    ],
  },
} as unknown as CommuneDto;

describe(ProjectEditPage.name, () => {
  let api: { getProject: jest.Mock; createProject: jest.Mock; updateProject: jest.Mock };
  let fixture: ComponentFixture<ProjectEditPage>;
  let element: HTMLElement;
  let navigate: jest.SpyInstance;

  async function render(id?: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ProjectEditPage],
      providers: [
        provideRouter([]),
        { provide: ProjectsApi, useValue: api },
        { provide: TerritoryApi, useValue: { getCommune: () => of(commune) } },
        { provide: PublicConfig, useValue: { load: () => of({ tileUrl: null, tileAttribution: '' }) } },
        {
          provide: AuthSession,
          useValue: { user: signal<Partial<MeDto>>({ role: 'COLLABORATOR', commune: { insee: '95002', name: 'Ableiges' } }) },
        },
        { provide: MAP_STYLESHEET_URL, useValue: null },
      ],
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(ProjectEditPage);
    if (id) {
      fixture.componentRef.setInput('id', id);
    }
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  const form = () => (fixture.componentInstance as unknown as { form: ProjectForm }).form;

  function type(selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(selector);
    if (!input) {
      throw new Error(`no field ${selector}`);
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  function button(label: string): HTMLButtonElement {
    const found = Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.trim() === label);
    if (!found) {
      throw new Error(`no button ${label}`);
    }
    return found;
  }

  /** The error shown in the form field of the control named `name`, within `scope`. */
  function errorUnder(scope: ParentNode, name: string): string {
    const field = scope.querySelector(`[formcontrolname="${name}"]`)?.closest('mat-form-field');
    return field?.querySelector('mat-error')?.textContent?.trim() ?? '';
  }

  beforeEach(() => {
    api = {
      getProject: jest.fn().mockReturnValue(of(projectFixture())),
      createProject: jest.fn().mockReturnValue(of(projectFixture({ id: 'new' }))),
      updateProject: jest.fn().mockReturnValue(of(projectFixture({ version: 5 }))),
    };
  });

  it('gives the progress the default of the status, until the user sets it', async () => {
    await render();
    form().controls.status.setValue('COMPLETED');
    expect(form().controls.progress.value).toBe(100);
    form().controls.status.setValue('IN_PROGRESS');
    expect(form().controls.progress.value).toBe(25);

    type('#progress-input', '40');
    form().controls.status.setValue('PLANNED');
    expect(form().controls.progress.value).toBe(40);
  });

  it('creates the project in the user’s commune with amounts in cents, then opens it', async () => {
    await render();
    type('input[formcontrolname="title"]', 'Nouvelle cantine');
    form().controls.theme.setValue('ECOLES_PETITE_ENFANCE');
    type('input[formcontrolname="forecastCostCents"]', '12345,6');
    expect(form().controls.forecastCostCents.value).toBe('12\u202f345,60');
    button('Enregistrer').click();
    await fixture.whenStable();
    expect(api.createProject).toHaveBeenCalledWith(
      '95002',
      expect.objectContaining({ title: 'Nouvelle cantine', forecastCostCents: 1_234_560, location: null }),
    );
    expect(api.createProject.mock.calls[0][1]).not.toHaveProperty('progress');
    expect(navigate).toHaveBeenCalledWith(['/espace/projets', 'new']);
  });

  it('shows the API’s errors under their fields, nested ones included, and keeps what was typed', async () => {
    api.createProject.mockReturnValue(
      throwError(() => ({
        status: 400,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Certains champs sont incorrects.',
          errors: {
            'fundingLines.0.amountRequestedCents': 'Le montant demandé dépasse le coût du projet.',
            'lessons.advice': 'Ce texte est trop long.',
          },
          requestId: 'r',
        },
      })),
    );
    await render();
    type('input[formcontrolname="title"]', 'Nouvelle cantine');
    form().controls.theme.setValue('VOIRIE');
    button('Ajouter un financement').click();
    await fixture.whenStable();
    type('input[formcontrolname="amountRequestedCents"]', '999 999');
    button('Enregistrer').click();
    await fixture.whenStable();

    const line = element.querySelector('fieldset.item');
    if (!line) {
      throw new Error('no funding line');
    }
    expect(errorUnder(line, 'amountRequestedCents')).toBe('Le montant demandé dépasse le coût du projet.');
    expect(errorUnder(element, 'advice')).toBe('Ce texte est trop long.');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Certains champs sont incorrects.');
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="amountRequestedCents"]')?.value).toBe(
      '999\u202f999,00',
    );
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="title"]')?.value).toBe('Nouvelle cantine');
  });

  it('on a concurrent save, keeps the user’s text, lists what changed and saves again on the new version', async () => {
    const theirs: ProjectDto = projectFixture({ version: 4, summary: 'Leur résumé', forecastCostCents: 2_000_000 });
    api.updateProject.mockReturnValueOnce(
      throwError(() => ({
        status: 409,
        error: { code: 'PROJECT_VERSION_CONFLICT', message: 'Modifiée entre-temps.', requestId: 'r', current: theirs },
      })),
    );
    await render('p1');
    type('input[formcontrolname="title"]', 'Mon titre');
    button('Enregistrer').click();
    await fixture.whenStable();

    expect(api.updateProject).toHaveBeenCalledWith('p1', { title: 'Mon titre', version: 3 });
    const notice = element.querySelector('.conflict');
    expect(notice?.textContent).toContain('Quelqu’un a enregistré cette fiche pendant que vous la modifiiez');
    const changed = Array.from(notice?.querySelectorAll('li') ?? []).map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    // \s also matches the no-break spaces of French numbers: the list reads "20 000,00 €".
    expect(changed).toEqual(['Résumé : Leur résumé', 'Coût prévisionnel HT : 20 000,00 €']);
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="title"]')?.value).toBe('Mon titre');

    button('Reprendre mes modifications sur la nouvelle version').click();
    await fixture.whenStable();
    expect(element.querySelector('.conflict')).toBeNull();
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="title"]')?.value).toBe('Mon titre');
    expect(element.querySelector<HTMLTextAreaElement>('textarea[formcontrolname="summary"]')?.value).toBe('Leur résumé');

    button('Enregistrer').click();
    await fixture.whenStable();
    expect(api.updateProject).toHaveBeenLastCalledWith('p1', { title: 'Mon titre', version: 4 });
    expect(navigate).toHaveBeenCalledWith(['/espace/projets', 'p1']);
  });

  it('asks before leaving with unsaved changes only', async () => {
    await render('p1');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
    type('input[formcontrolname="title"]', 'Autre');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
  });
});
