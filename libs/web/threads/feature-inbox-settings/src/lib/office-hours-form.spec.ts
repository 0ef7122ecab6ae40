import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { DEFAULT_OFFICE_HOURS, type UpdateDepartementSettingsInput } from '@passerelle/shared/dto';
import { InboxSettingsApi } from '@passerelle/web/threads/data-access';
import { of, throwError } from 'rxjs';
import { OfficeHoursForm } from './office-hours-form';
import { ResponseTargetPanel } from './response-target-panel';

describe(OfficeHoursForm.name, () => {
  let updateSettings: jest.Mock;
  let fixture: ComponentFixture<ResponseTargetPanel>;
  let element: HTMLElement;

  /** As the administration page shows it: inside the response-target panel, which loads the settings. */
  async function render() {
    fixture = TestBed.configureTestingModule({
      imports: [ResponseTargetPanel],
      providers: [
        {
          provide: InboxSettingsApi,
          useValue: {
            getSettings: () => of({ code: '95', firstResponseDays: 5, officeHours: [...DEFAULT_OFFICE_HOURS] }),
            updateSettings,
          },
        },
      ],
    }).createComponent(ResponseTargetPanel);
    fixture.componentRef.setInput('departementCode', '95');
    element = fixture.nativeElement as HTMLElement;
    // In the document, so that focus can move and labels can be found by their `for`.
    document.body.appendChild(element);
    await fixture.whenStable();
  }

  const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() ?? '';
  const hoursForm = () => element.querySelector('pas-office-hours-form') as HTMLElement;

  function field(label: string): HTMLInputElement {
    const found = Array.from(hoursForm().querySelectorAll('label')).find((l) => squash(l.textContent) === label);
    const input = found ? document.getElementById(found.htmlFor) : null;
    if (!(input instanceof HTMLInputElement)) {
      throw new Error(`no field "${label}"`);
    }
    return input;
  }

  const errorUnder = (label: string) => squash(field(label).closest('mat-form-field')?.querySelector('mat-error')?.textContent);

  function button(text: string, root: HTMLElement = hoursForm()): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll('button')).find(
      (b) => squash(b.textContent) === text || b.getAttribute('aria-label') === text,
    );
    if (!found) {
      throw new Error(`no button "${text}"`);
    }
    return found;
  }

  async function type(label: string, value: string) {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  async function click(text: string, root?: HTMLElement) {
    button(text, root).click();
    await fixture.whenStable();
  }

  const labels = () => Array.from(hoursForm().querySelectorAll('mat-label'), (label) => squash(label.textContent));

  beforeEach(() => {
    updateSettings = jest.fn((code: string, input: UpdateDepartementSettingsInput) =>
      of({ code, firstResponseDays: input.firstResponseDays, officeHours: input.officeHours ?? [...DEFAULT_OFFICE_HOURS] }),
    );
  });

  afterEach(() => document.body.replaceChildren());

  it('shows the saved spans as labelled times, and what they are for', async () => {
    await render();
    expect(squash(hoursForm().textContent)).toContain(
      'Les indicateurs comptent le temps de réponse aux heures d’ouverture des jours ouvrés',
    );
    expect(squash(hoursForm().querySelector('legend')?.textContent)).toBe('Plages horaires d’un jour ouvré');
    expect(labels()).toEqual(['Début de la plage 1', 'Fin de la plage 1', 'Début de la plage 2', 'Fin de la plage 2']);
    expect(field('Début de la plage 1').type).toBe('time');
    expect(field('Début de la plage 1').value).toBe('09:00');
    expect(field('Fin de la plage 2').value).toBe('17:30');
  });

  it('sends the spans with the target as saved, and says what was saved', async () => {
    await render();
    await type('Fin de la plage 2', '18:00');
    await click('Ajouter une plage');
    expect(document.activeElement).toBe(field('Début de la plage 3'));
    await type('Début de la plage 3', '19:00');
    await type('Fin de la plage 3', '20:00');
    await click('Enregistrer les heures d’ouverture');

    expect(updateSettings).toHaveBeenCalledWith('95', {
      firstResponseDays: 5,
      officeHours: [
        { start: '09:00', end: '12:30' },
        { start: '13:30', end: '18:00' },
        { start: '19:00', end: '20:00' },
      ],
    });
    expect(squash(hoursForm().querySelector('[role="status"]')?.textContent)).toBe(
      'Heures d’ouverture enregistrées : de 9 h à 12 h 30, de 13 h 30 à 18 h et de 19 h à 20 h.',
    );
  });

  it('refuses overlapping spans before sending, under the time to change, and moves focus to it', async () => {
    await render();
    await type('Début de la plage 2', '12:00');
    await click('Enregistrer les heures d’ouverture');

    expect(updateSettings).not.toHaveBeenCalled();
    expect(errorUnder('Début de la plage 2')).toBe(
      'La plage 2 doit commencer à 12:30 ou plus tard : les plages se suivent dans la journée, sans se chevaucher.',
    );
    expect(document.activeElement).toBe(field('Début de la plage 2'));

    // Moving the end of the first span clears the overlap: the check looks at the neighbours too.
    await type('Fin de la plage 1', '12:00');
    expect(errorUnder('Début de la plage 2')).toBe('');
    await click('Enregistrer les heures d’ouverture');
    expect(updateSettings).toHaveBeenCalledTimes(1);
  });

  it('refuses a span that ends before it starts, and an empty time', async () => {
    await render();
    await type('Fin de la plage 1', '08:30');
    await click('Ajouter une plage');
    await click('Enregistrer les heures d’ouverture');

    expect(updateSettings).not.toHaveBeenCalled();
    expect(errorUnder('Fin de la plage 1')).toBe('La fin de la plage 1 doit venir après son début (09:00).');
    expect(errorUnder('Début de la plage 3')).toBe('Indiquez l’heure de début de la plage 3.');
    expect(document.activeElement).toBe(field('Fin de la plage 1'));
  });

  it('shows the API’s field error under the time it names and moves focus to it', async () => {
    updateSettings.mockReturnValue(
      throwError(() => ({
        status: 400,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Certaines informations sont invalides.',
          errors: { 'officeHours.1.end': 'La fin d’une plage horaire doit suivre son début.' },
          requestId: 'r',
        },
      })),
    );
    await render();
    await click('Enregistrer les heures d’ouverture');

    expect(errorUnder('Fin de la plage 2')).toBe('La fin d’une plage horaire doit suivre son début.');
    expect(errorUnder('Début de la plage 2')).toBe('');
    expect(document.activeElement).toBe(field('Fin de la plage 2'));
    expect(hoursForm().querySelector('.error[role="alert"]')).toBeNull();
    expect(field('Fin de la plage 2').value).toBe('17:30');
  });

  it('says why the hours were not saved when the refusal names no time', async () => {
    updateSettings.mockReturnValue(throwError(() => ({ status: 0, error: null })));
    await render();
    await click('Enregistrer les heures d’ouverture');
    expect(squash(hoursForm().querySelector('.error[role="alert"]')?.textContent)).not.toBe('');
  });

  it('adds up to four spans and removes any, numbering them again', async () => {
    await render();
    await click('Ajouter une plage');
    await click('Ajouter une plage');
    expect(hoursForm().querySelectorAll('input[type="time"]')).toHaveLength(8);
    expect(button('Ajouter une plage').disabled).toBe(true);

    await click('Supprimer la plage 1');
    expect(labels()).toHaveLength(6);
    expect(field('Début de la plage 1').value).toBe('13:30');
    expect(button('Ajouter une plage').disabled).toBe(false);
    expect(document.activeElement).toBe(button('Ajouter une plage'));

    await click('Supprimer la plage 3');
    await click('Supprimer la plage 2');
    // The last span cannot go: at least one is needed.
    expect(hoursForm().querySelectorAll('input[type="time"]')).toHaveLength(2);
    expect(() => button('Supprimer la plage 1')).toThrow();
  });

  it('sends the target saved just before, and leaves a target being edited alone', async () => {
    await render();
    const days = element.querySelector<HTMLInputElement>('input[formcontrolname="days"]');
    if (!days) {
      throw new Error('no days field');
    }
    days.value = '8';
    days.dispatchEvent(new Event('input'));
    await click('Enregistrer', element.querySelector('section') ?? element);
    expect(updateSettings).toHaveBeenLastCalledWith('95', { firstResponseDays: 8 });

    days.value = '12';
    days.dispatchEvent(new Event('input'));
    await click('Enregistrer les heures d’ouverture');
    expect(updateSettings).toHaveBeenLastCalledWith('95', {
      firstResponseDays: 8,
      officeHours: [...DEFAULT_OFFICE_HOURS],
    });
    expect(days.value).toBe('12');
  });
});
