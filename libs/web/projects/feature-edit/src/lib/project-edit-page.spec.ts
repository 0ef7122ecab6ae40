import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { Router, provideRouter } from '@angular/router';
import type { CommuneDto, MeDto, ProjectDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { ProjectsApi } from '@passerelle/web/projects/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { provideFrenchDates } from '@passerelle/web/shared/ui-material';
import { MAP_STYLESHEET_URL } from '@passerelle/web/shared/ui-map';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of, throwError } from 'rxjs';
import { ProjectEditPage } from './project-edit-page';
import type { ProjectForm } from './project-form';
import { projectFixture } from '@passerelle/web/projects/data-access/testing';

const commune = {
  insee: '95002',
  name: 'Ableiges',
  center: { lat: 49.05, lng: 1.95 },
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
  let api: { getProject: jest.Mock; createProject: jest.Mock; updateProject: jest.Mock; geocode: jest.Mock };
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
        provideFrenchDates(),
      ],
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(ProjectEditPage);
    if (id) {
      fixture.componentRef.setInput('id', id);
    }
    element = fixture.nativeElement;
    // In the document, so that the error summary's links find their fields by id and focus can move.
    document.body.appendChild(element);
    await fixture.whenStable();
  }

  afterEach(() => element?.remove());

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
      geocode: jest.fn().mockReturnValue(of({ items: [] })),
    };
  });

  it('reads a date typed jj/mm/aaaa day first, keeps the calendar day of the API, and says when it is no date', async () => {
    await render('p1');
    expect(element.querySelector<HTMLInputElement>('#field-startDate')?.value).toBe('01/03/2026');
    type('#field-startDate', '04/12/2026');
    expect(form().controls.startDate.value).toBe('2026-12-04');

    type('#field-startDate', '31/02/2026');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(errorUnder(element, 'startDate')).toBe('Saisissez une date au format jj/mm/aaaa, par exemple 04/12/2026.');
    const toggle = element.querySelector('#field-startDate')?.closest('mat-form-field')?.querySelector('mat-datepicker-toggle');
    expect(toggle?.querySelector('button')?.getAttribute('aria-label')).toBe('Ouvrir le calendrier (début)');
    expect(toggle?.hasAttribute('aria-label')).toBe(false);
    expect(fixture.debugElement.injector.get(MatDatepickerIntl).switchToMultiYearViewLabel).toBe('Choisir le mois et l’année');
  });

  it('gives the progress the default of the status, until the user sets it', async () => {
    await render();
    form().controls.status.setValue('COMPLETED');
    expect(form().controls.progress.value).toBe(100);
    form().controls.status.setValue('IN_PROGRESS');
    expect(form().controls.progress.value).toBe(25);

    type('#field-progress', '40');
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
    // The summary at the top names each field to correct and takes focus (the submit button is far below).
    const summary = element.querySelector<HTMLElement>('.error-summary');
    expect(summary?.querySelector('h2')?.textContent?.trim()).toBe('Le formulaire contient 2 erreurs');
    const links = Array.from(summary?.querySelectorAll('a') ?? []).map((a) => a.textContent?.replace(/[ \n]+/g, ' ').trim());
    expect(links).toEqual([
      'Financement 1, montant demandé HT\u00a0: Le montant demandé dépasse le coût du projet.',
      'Conseils aux autres communes\u00a0: Ce texte est trop long.',
    ]);
    expect(document.activeElement).toBe(summary);
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="amountRequestedCents"]')?.value).toBe(
      '999\u202f999,00',
    );
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="title"]')?.value).toBe('Nouvelle cantine');
  });

  it('on a failed submit, lists the fields to correct at the top, takes focus and links to each field', async () => {
    await render();
    button('Enregistrer').click();
    await fixture.whenStable();

    expect(api.createProject).not.toHaveBeenCalled();
    const summary = element.querySelector<HTMLElement>('.error-summary');
    expect(element.querySelector('form')?.firstElementChild?.nextElementSibling?.contains(summary ?? null)).toBe(true);
    expect(summary?.querySelector('h2')?.textContent?.trim()).toBe('Le formulaire contient 2 erreurs');
    expect(document.activeElement).toBe(summary);
    const links = Array.from(summary?.querySelectorAll('a') ?? []);
    expect(links.map((a) => a.textContent?.replace(/[ \n]+/g, ' ').trim())).toEqual([
      'Titre du projet\u00a0: Ce champ est obligatoire.',
      'Thème\u00a0: Ce champ est obligatoire.',
    ]);

    links[0].click();
    expect(document.activeElement).toBe(element.querySelector('input[formcontrolname="title"]'));
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

  describe('placing the project without a mouse', () => {
    const location = () => form().controls.location.getRawValue();
    const statuses = () => Array.from(element.querySelectorAll('[role="status"]')).map((p) => p.textContent?.trim());

    it('places it at the village centre', async () => {
      await render();
      button('Centre du village').click();
      fixture.detectChanges();
      expect(location()).toEqual({ lat: 49.05, lng: 1.95, address: '' });
      expect(statuses()).toContain('Emplacement placé au centre du village.');
      expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
    });

    it('moves the point with the arrows of the focused map', async () => {
      await render();
      // Leaflet loads after the first render.
      for (let i = 0; i < 5; i++) {
        await fixture.whenStable();
        await new Promise((resolve) => setTimeout(resolve));
      }
      button('Centre du village').click();
      fixture.detectChanges();
      element.querySelector('.map')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, cancelable: true }));
      fixture.detectChanges();
      expect(location()).toEqual({ lat: 49.05009, lng: 1.95, address: '' });
      expect(element.querySelector('lib-location-map [aria-live]')?.textContent).toContain('Position : 49,0501 N, 1,9500 E — dans la commune');
    });

    it('finds the address in the commune and places the project there', async () => {
      api.geocode.mockReturnValue(
        of({
          items: [
            { label: '8 Rue de la Mairie 95450 Ableiges', lat: 49.07, lng: 1.96, score: 0.9, type: 'housenumber' },
            { label: 'Rue de la Mairie 95450 Ableiges', lat: 49.071, lng: 1.961, score: 0.8, type: 'street' },
          ],
        }),
      );
      await render();
      type('#field-location-address', ' 8 rue de la mairie ');
      button('Chercher l’adresse').click();
      fixture.detectChanges();
      expect(api.geocode).toHaveBeenCalledWith({ q: '8 rue de la mairie', insee: '95002' });
      expect(statuses()).toContain('2 adresses trouvées : choisissez-la dans la liste ci-dessous.');

      button('8 Rue de la Mairie 95450 Ableiges').click();
      fixture.detectChanges();
      expect(location()).toEqual({ lat: 49.07, lng: 1.96, address: '8 Rue de la Mairie 95450 Ableiges' });
      expect(element.querySelector('.address-results')).toBeNull();
      expect(document.activeElement?.id).toBe('field-location-address');
      expect(statuses()).toContain('Emplacement placé à l’adresse « 8 Rue de la Mairie 95450 Ableiges ».');
    });

    it('searches on Enter in the address field instead of saving the form', async () => {
      await render();
      type('#field-location-address', 'Chemin des Vignes');
      const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      element.querySelector('#field-location-address')?.dispatchEvent(enter);
      fixture.detectChanges();
      expect(enter.defaultPrevented).toBe(true);
      expect(api.geocode).toHaveBeenCalledWith({ q: 'Chemin des Vignes', insee: '95002' });
      expect(api.createProject).not.toHaveBeenCalled();
      expect(statuses()).toContain('Aucune adresse trouvée dans la commune : vérifiez l’orthographe, ou placez le projet sur la carte.');
    });

    it('says when the search is unavailable, and refuses an address outside the outline', async () => {
      const unavailable = 'La recherche d’adresse est indisponible : placez le projet sur la carte ou utilisez « Centre du village ».';
      api.geocode.mockReturnValue(throwError(() => ({ status: 503, error: { code: 'GEOCODER_UNAVAILABLE', message: unavailable } })));
      await render();
      type('#field-location-address', 'Mairie');
      button('Chercher l’adresse').click();
      fixture.detectChanges();
      expect(statuses()).toContain(unavailable);

      api.geocode.mockReturnValue(of({ items: [{ label: 'Lieu-dit du Bord', lat: 49.2, lng: 1.95, score: 0.5, type: 'locality' }] }));
      button('Chercher l’adresse').click();
      fixture.detectChanges();
      button('Lieu-dit du Bord').click();
      fixture.detectChanges();
      expect(location().lat).toBeNull();
      expect(statuses()).toContain('Cette adresse tombe hors des limites de la commune sur la carte : placez le projet sur la carte.');
    });

    it('asks for 3 characters before searching', async () => {
      await render();
      type('#field-location-address', 'ab');
      button('Chercher l’adresse').click();
      fixture.detectChanges();
      expect(api.geocode).not.toHaveBeenCalled();
      expect(statuses()).toContain('Saisissez au moins 3 caractères de l’adresse pour la chercher.');
    });
  });
});
