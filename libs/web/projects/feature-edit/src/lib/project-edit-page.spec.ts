import { Location } from '@angular/common';
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
import { of, Subject, throwError } from 'rxjs';
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
  let api: { getProject: jest.Mock; updateProject: jest.Mock; geocode: jest.Mock };
  let fixture: ComponentFixture<ProjectEditPage>;
  let element: HTMLElement;
  let navigate: jest.SpyInstance;

  async function render(id: string, state?: object): Promise<void> {
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
    if (state) {
      // What the create screen's navigation leaves in the history.
      TestBed.inject(Location).replaceState('/espace/projets/p1/modifier', '', state);
    }
    fixture = TestBed.createComponent(ProjectEditPage);
    fixture.componentRef.setInput('id', id);
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

  /** The section of the fiche whose heading has the id `s-<id>`. */
  function section(id: string): HTMLElement {
    const found = element.querySelector<HTMLElement>(`section[aria-labelledby="s-${id}"]`);
    if (!found) {
      throw new Error(`no section ${id}`);
    }
    return found;
  }

  /** Clicks the section's « Enregistrer cette section » and waits for the page to settle. */
  async function saveSection(id: string): Promise<void> {
    const save = section(id).querySelector<HTMLButtonElement>('.section-actions button');
    expect(save?.textContent?.replace(/\s+/g, ' ').trim()).toMatch(/^Enregistrer cette section \(/);
    save?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  const statusIn = (id: string) => section(id).querySelector('.section-status')?.textContent?.trim();

  /** The error shown in the form field of the control named `name`, within `scope`. */
  function errorUnder(scope: ParentNode, name: string): string {
    const field = scope.querySelector(`[formcontrolname="${name}"]`)?.closest('mat-form-field');
    return field?.querySelector('mat-error')?.textContent?.trim() ?? '';
  }

  beforeEach(() => {
    api = {
      getProject: jest.fn().mockReturnValue(of(projectFixture())),
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

  it('names the location map after the commune, with the elision (« Carte d’Ableiges »)', async () => {
    await render('p1');
    const map = element.querySelector('pas-location-map [role="region"]');
    expect(map?.getAttribute('aria-label')).toBe('Carte d’Ableiges\u00a0: cliquez ou utilisez le clavier pour placer le projet');
  });

  it('gives the progress the default of the status, until the user sets it', async () => {
    await render('p1');
    form().controls.status.setValue('COMPLETED');
    expect(form().controls.progress.value).toBe(100);
    form().controls.status.setValue('IN_PROGRESS');
    expect(form().controls.progress.value).toBe(25);

    type('#field-progress', '40');
    form().controls.status.setValue('PLANNED');
    expect(form().controls.progress.value).toBe(40);
  });

  it('saves one section with only its changed fields and the version, and keeps the other sections’ edits unsaved', async () => {
    api.updateProject
      .mockReturnValueOnce(of(projectFixture({ version: 4, forecastCostCents: 1_234_560 })))
      .mockReturnValueOnce(of(projectFixture({ version: 5, forecastCostCents: 1_234_560, title: 'Mon titre' })));
    await render('p1');
    type('input[formcontrolname="title"]', 'Mon titre');
    type('input[formcontrolname="forecastCostCents"]', '12345,6');

    await saveSection('costs');
    expect(api.updateProject).toHaveBeenCalledTimes(1);
    expect(api.updateProject).toHaveBeenCalledWith('p1', { forecastCostCents: 1_234_560, version: 3 });
    expect(statusIn('costs')).toBe('Section enregistrée.');
    expect(section('costs').querySelector('.section-status')?.getAttribute('role')).toBe('status');
    // The title typed in « En bref » is still there, still unsaved: the leave guard and the table of contents say so.
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="title"]')?.value).toBe('Mon titre');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
    const unsaved = Array.from(element.querySelectorAll('.toc li'))
      .filter((li) => li.querySelector('.unsaved'))
      .map((li) => li.querySelector('a')?.textContent?.trim());
    expect(unsaved).toEqual(['En bref']);
    expect(navigate).not.toHaveBeenCalled();

    // The next section is saved on the version the first save returned.
    await saveSection('summary');
    expect(api.updateProject).toHaveBeenLastCalledWith('p1', { title: 'Mon titre', version: 4 });
    expect(statusIn('summary')).toBe('Section enregistrée.');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
    expect(element.querySelectorAll('.toc .unsaved')).toHaveLength(0);
  });

  it('says so, without a request, when the section has nothing new (lessons come back from jsonb in another order)', async () => {
    api.getProject.mockReturnValue(
      of(projectFixture({ lessons: { advice: 'Anticiper', problems: '', differently: '' } as ProjectDto['lessons'] })),
    );
    await render('p1');
    await saveSection('lessons');
    expect(api.updateProject).not.toHaveBeenCalled();
    expect(statusIn('lessons')).toBe('Aucune modification à enregistrer dans cette section.');
  });

  it('saves the section on Enter in one of its one-line fields', async () => {
    await render('p1');
    type('input[formcontrolname="projectLead"]', 'Syndicat des eaux');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    element.querySelector('input[formcontrolname="projectLead"]')?.dispatchEvent(enter);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(enter.defaultPrevented).toBe(true);
    expect(api.updateProject).toHaveBeenCalledWith('p1', { projectLead: 'Syndicat des eaux', version: 3 });
  });

  it('lists the section’s fields to correct at its top, takes focus and links to them; other sections do not block it', async () => {
    await render('p1');
    type('input[formcontrolname="title"]', '');
    type('input[formcontrolname="forecastCostCents"]', 'douze euros');
    await saveSection('summary');

    expect(api.updateProject).not.toHaveBeenCalled();
    const summary = section('summary').querySelector<HTMLElement>('.error-summary');
    expect(summary?.querySelector('h2')?.textContent?.trim()).toBe('Le formulaire contient 1 erreur');
    expect(document.activeElement).toBe(summary);
    const links = Array.from(summary?.querySelectorAll('a') ?? []);
    expect(links.map((a) => a.textContent?.replace(/[ \n]+/g, ' ').trim())).toEqual([
      'Titre du projet\u00a0: Ce champ est obligatoire.',
    ]);
    links[0].click();
    expect(document.activeElement).toBe(element.querySelector('input[formcontrolname="title"]'));

    // The wrong amount belongs to « Coûts HT »: « Description et objectifs » saves.
    type('textarea[formcontrolname="objectives"]', 'Moins de chauffage');
    await saveSection('description');
    expect(api.updateProject).toHaveBeenCalledWith('p1', { objectives: 'Moins de chauffage', version: 3 });
    expect(section('description').querySelector('.error-summary')).toBeNull();
  });

  it('shows the API’s errors under their fields and in the summary of the section saved, and keeps what was typed', async () => {
    api.updateProject.mockReturnValue(
      throwError(() => ({
        status: 400,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Certains champs sont incorrects.',
          errors: {
            'fundingLines.0.amountRequestedCents': 'Le montant demandé dépasse le coût du projet.',
            somethingElse: 'Une autre règle.',
          },
          requestId: 'r',
        },
      })),
    );
    await render('p1');
    type('input[formcontrolname="forecastCostCents"]', '1 000');
    await saveSection('costs');

    const line = element.querySelector('fieldset.item');
    if (!line) {
      throw new Error('no funding line');
    }
    expect(errorUnder(line, 'amountRequestedCents')).toBe('Le montant demandé dépasse le coût du projet.');
    const summary = section('costs').querySelector<HTMLElement>('.error-summary');
    const items = Array.from(summary?.querySelectorAll('li') ?? []).map((li) => li.textContent?.replace(/[ \n]+/g, ' ').trim());
    expect(items).toEqual(['Financement 1, montant demandé HT\u00a0: Le montant demandé dépasse le coût du projet.', 'Une autre règle.']);
    expect(document.activeElement).toBe(summary);
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="forecastCostCents"]')?.value).toBe('1\u202f000,00');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
  });

  it('on a concurrent save of a section, keeps every edit, lists what changed in that section and saves again on the new version', async () => {
    const theirs: ProjectDto = projectFixture({ version: 4, summary: 'Leur résumé', forecastCostCents: 2_000_000 });
    api.updateProject.mockReturnValueOnce(
      throwError(() => ({
        status: 409,
        error: { code: 'PROJECT_VERSION_CONFLICT', message: 'Modifiée entre-temps.', requestId: 'r', current: theirs },
      })),
    );
    await render('p1');
    type('input[formcontrolname="title"]', 'Mon titre');
    type('textarea[formcontrolname="partners"]', 'Département');
    await saveSection('summary');

    expect(api.updateProject).toHaveBeenCalledWith('p1', { title: 'Mon titre', version: 3 });
    const notice = section('summary').querySelector<HTMLElement>('.conflict');
    expect(notice?.textContent).toContain('Quelqu’un a enregistré cette fiche pendant que vous la modifiiez');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(notice);
    const changed = Array.from(notice?.querySelectorAll('li') ?? []).map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    // \s also matches the no-break spaces of French numbers: the list reads "20 000,00 €".
    expect(changed).toEqual(['Résumé : Leur résumé', 'Coût prévisionnel HT : 20 000,00 €']);
    expect(element.querySelectorAll('.conflict')).toHaveLength(1);
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="title"]')?.value).toBe('Mon titre');

    button('Reprendre mes modifications sur la nouvelle version').click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(element.querySelector('.conflict')).toBeNull();
    expect(document.activeElement?.id).toBe('save-summary');
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="title"]')?.value).toBe('Mon titre');
    expect(element.querySelector<HTMLTextAreaElement>('textarea[formcontrolname="summary"]')?.value).toBe('Leur résumé');
    // The other section's edit survived the merge, still unsaved.
    expect(element.querySelector<HTMLTextAreaElement>('textarea[formcontrolname="partners"]')?.value).toBe('Département');
    const unsaved = Array.from(element.querySelectorAll('.toc li'))
      .filter((li) => li.querySelector('.unsaved'))
      .map((li) => li.querySelector('a')?.textContent?.trim());
    expect(unsaved).toEqual(['En bref', 'Porteur et partenaires']);

    await saveSection('summary');
    expect(api.updateProject).toHaveBeenLastCalledWith('p1', { title: 'Mon titre', version: 4 });
    expect(statusIn('summary')).toBe('Section enregistrée.');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
  });

  it('moves focus to a section’s heading from the table of contents', async () => {
    await render('p1');
    const link = Array.from(element.querySelectorAll<HTMLAnchorElement>('.toc a')).find((a) => a.textContent?.trim() === 'Financements');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('s-funding');
    expect(element.querySelectorAll('.toc li')).toHaveLength(10);
  });

  it('confirms a project just created and gives the confirmation the focus', async () => {
    await render('p1', { projectCreated: true });
    fixture.detectChanges();
    await fixture.whenStable();
    const notice = element.querySelector<HTMLElement>('#created-notice');
    expect(notice?.textContent?.trim()).toBe(
      'Projet créé. Complétez la fiche section par section\u00a0; chaque section s’enregistre à part.',
    );
    expect(notice?.getAttribute('role')).toBe('status');
    expect(document.activeElement).toBe(notice);
  });

  it('keeps a section unsaved when it was changed again while its save was on its way', async () => {
    const answer = new Subject<ProjectDto>();
    api.updateProject.mockReturnValue(answer);
    await render('p1');
    type('input[formcontrolname="title"]', 'Mon titre');
    await saveSection('summary');
    type('input[formcontrolname="title"]', 'Mon titre définitif');
    answer.next(projectFixture({ version: 4, title: 'Mon titre' }));
    answer.complete();
    fixture.detectChanges();
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
    expect(statusIn('summary')).toBe('');

    api.updateProject.mockReturnValue(of(projectFixture({ version: 5, title: 'Mon titre définitif' })));
    await saveSection('summary');
    expect(api.updateProject).toHaveBeenLastCalledWith('p1', { title: 'Mon titre définitif', version: 4 });
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('asks before leaving with unsaved changes only', async () => {
    await render('p1');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
    type('input[formcontrolname="title"]', 'Autre');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
    await saveSection('summary');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  describe('placing the project without a mouse', () => {
    const location = () => form().controls.location.getRawValue();
    const statuses = () => Array.from(element.querySelectorAll('[role="status"]')).map((p) => p.textContent?.trim());

    it('places it at the village centre', async () => {
      await render('p1');
      button('Centre du village').click();
      fixture.detectChanges();
      expect(location()).toEqual({ lat: 49.05, lng: 1.95, address: '' });
      expect(statuses()).toContain('Emplacement placé au centre du village.');
      expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
    });

    it('moves the point with the arrows of the focused map', async () => {
      await render('p1');
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
      expect(element.querySelector('pas-location-map [aria-live]')?.textContent).toContain('Position : 49,0501 N, 1,9500 E — dans la commune');
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
      await render('p1');
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
      await render('p1');
      type('#field-location-address', 'Chemin des Vignes');
      const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      element.querySelector('#field-location-address')?.dispatchEvent(enter);
      fixture.detectChanges();
      expect(enter.defaultPrevented).toBe(true);
      expect(api.geocode).toHaveBeenCalledWith({ q: 'Chemin des Vignes', insee: '95002' });
      expect(api.updateProject).not.toHaveBeenCalled();
      expect(statuses()).toContain('Aucune adresse trouvée dans la commune : vérifiez l’orthographe, ou placez le projet sur la carte.');
    });

    it('says when the search is unavailable, and refuses an address outside the outline', async () => {
      const unavailable = 'La recherche d’adresse est indisponible : placez le projet sur la carte ou utilisez « Centre du village ».';
      api.geocode.mockReturnValue(throwError(() => ({ status: 503, error: { code: 'GEOCODER_UNAVAILABLE', message: unavailable } })));
      await render('p1');
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
      await render('p1');
      type('#field-location-address', 'ab');
      button('Chercher l’adresse').click();
      fixture.detectChanges();
      expect(api.geocode).not.toHaveBeenCalled();
      expect(statuses()).toContain('Saisissez au moins 3 caractères de l’adresse pour la chercher.');
    });
  });
});
