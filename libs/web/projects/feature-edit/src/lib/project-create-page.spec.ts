import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { MeDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { ProjectsApi } from '@passerelle/web/projects/data-access';
import { projectFixture } from '@passerelle/web/projects/data-access/testing';
import { of, throwError } from 'rxjs';
import { ProjectCreatePage } from './project-create-page';
import type { NewProjectForm } from './project-form';

describe(ProjectCreatePage.name, () => {
  let api: { createProject: jest.Mock };
  let fixture: ComponentFixture<ProjectCreatePage>;
  let element: HTMLElement;
  let navigate: jest.SpyInstance;

  async function render(): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ProjectCreatePage],
      providers: [
        provideRouter([]),
        { provide: ProjectsApi, useValue: api },
        {
          provide: AuthSession,
          useValue: { user: signal<Partial<MeDto>>({ role: 'COLLABORATOR', commune: { insee: '95002', name: 'Ableiges' } }) },
        },
      ],
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(ProjectCreatePage);
    element = fixture.nativeElement;
    // In the document, so that the error summary's links find their fields by id and focus can move.
    document.body.appendChild(element);
    await fixture.whenStable();
  }

  afterEach(() => element?.remove());

  beforeEach(() => {
    api = { createProject: jest.fn().mockReturnValue(of(projectFixture({ id: 'new' }))) };
  });

  const form = () => (fixture.componentInstance as unknown as { form: NewProjectForm }).form;

  function typeTitle(value: string): void {
    const input = element.querySelector<HTMLInputElement>('#field-title');
    if (!input) {
      throw new Error('no title field');
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  async function submit(): Promise<void> {
    const button = Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Créer le projet');
    if (!button) {
      throw new Error('no « Créer le projet » button');
    }
    button.click();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  it('is one short screen: title, theme and status, nothing else to fill', async () => {
    await render();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Nouveau projet');
    expect(element.querySelector('.required-note')?.textContent?.trim()).toBe('Les champs marqués * sont obligatoires.');
    const fields = Array.from(element.querySelectorAll('[formcontrolname]')).map((f) => f.getAttribute('formcontrolname'));
    expect(fields).toEqual(['title', 'theme', 'status']);
    expect(form().controls.status.value).toBe('PLANNED');
  });

  it('creates the project with its title, theme and status only, then opens its fiche to fill in', async () => {
    await render();
    typeTitle('  Nouvelle cantine ');
    form().controls.theme.setValue('ECOLES_PETITE_ENFANCE');
    await submit();

    expect(api.createProject).toHaveBeenCalledWith('95002', {
      title: 'Nouvelle cantine',
      theme: 'ECOLES_PETITE_ENFANCE',
      status: 'PLANNED',
    });
    expect(navigate).toHaveBeenCalledWith(['/espace/projets', 'new', 'modifier'], { state: { projectCreated: true } });
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('on a failed submit, lists the fields to correct at the top, takes focus and links to each field', async () => {
    await render();
    typeTitle('   ');
    await submit();

    expect(api.createProject).not.toHaveBeenCalled();
    const summary = element.querySelector<HTMLElement>('.error-summary');
    expect(summary?.querySelector('h2')?.textContent?.trim()).toBe('Le formulaire contient 2 erreurs');
    expect(document.activeElement).toBe(summary);
    const links = Array.from(summary?.querySelectorAll('a') ?? []);
    expect(links.map((a) => a.textContent?.replace(/[ \n]+/g, ' ').trim())).toEqual([
      'Titre du projet\u00a0: Ce champ est obligatoire.',
      'Thème\u00a0: Ce champ est obligatoire.',
    ]);
    links[0].click();
    expect(document.activeElement).toBe(element.querySelector('#field-title'));
  });

  it('shows the API’s field errors under their fields and its other refusals in words, keeping what was typed', async () => {
    api.createProject.mockReturnValueOnce(
      throwError(() => ({
        status: 400,
        error: { code: 'VALIDATION_FAILED', message: 'Certains champs sont incorrects.', errors: { title: 'Ce titre est trop long.' } },
      })),
    );
    await render();
    typeTitle('Nouvelle cantine');
    form().controls.theme.setValue('VOIRIE');
    await submit();
    const summary = element.querySelector<HTMLElement>('.error-summary');
    expect(summary?.textContent).toContain('Ce titre est trop long.');
    expect(element.querySelector('#field-title')?.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim()).toBe(
      'Ce titre est trop long.',
    );

    api.createProject.mockReturnValueOnce(
      throwError(() => ({
        status: 409,
        error: { code: 'PROJECT_QUOTA_REACHED', message: 'La commune a atteint son nombre de projets.' },
      })),
    );
    typeTitle('Nouvelle cantine 2');
    await submit();
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe('La commune a atteint son nombre de projets.');
    expect(element.querySelector<HTMLInputElement>('#field-title')?.value).toBe('Nouvelle cantine 2');
    expect(navigate).not.toHaveBeenCalled();
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
  });
});
