import { TestBed } from '@angular/core/testing';
import { DEFAULT_OFFICE_HOURS, type UpdateDepartementSettingsInput } from '@passerelle/shared/dto';
import { InboxSettingsApi } from '@passerelle/web/threads/data-access';
import { of, throwError } from 'rxjs';
import { ResponseTargetPanel } from './response-target-panel';

describe(ResponseTargetPanel.name, () => {
  let updateSettings: jest.Mock;

  async function save(days: string) {
    const fixture = TestBed.configureTestingModule({
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
    const element = fixture.nativeElement as HTMLElement;
    // In the document, so that focus can move.
    document.body.appendChild(element);
    await fixture.whenStable();
    const input = element.querySelector<HTMLInputElement>('input[formcontrolname="days"]');
    if (!input) {
      throw new Error('no days field');
    }
    input.value = days;
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
    return { element, input };
  }

  beforeEach(() => {
    updateSettings = jest.fn((code: string, input: UpdateDepartementSettingsInput) =>
      of({ code, firstResponseDays: input.firstResponseDays, officeHours: input.officeHours ?? [...DEFAULT_OFFICE_HOURS] }),
    );
  });

  afterEach(() => document.body.replaceChildren());

  it('saves the target and says so', async () => {
    const { element } = await save('8');
    expect(updateSettings).toHaveBeenCalledWith('95', { firstResponseDays: 8 });
    expect(element.querySelector('[role="status"]')?.textContent).toContain('8 jours ouvrés');
  });

  it('shows a target out of bounds under the field and moves focus to it (one field: no summary)', async () => {
    const { element, input } = await save('90');
    expect(updateSettings).not.toHaveBeenCalled();
    expect(element.querySelector('mat-error')?.textContent).toContain('entre 1 et 60');
    expect(element.querySelector('.error-summary')).toBeNull();
    expect(document.activeElement).toBe(input);
  });

  it('moves focus to the field when the API refuses the target', async () => {
    updateSettings.mockReturnValue(
      throwError(() => ({
        status: 400,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Certaines informations sont invalides.',
          errors: { firstResponseDays: 'Le délai doit être compris entre 1 et 30 jours.' },
          requestId: 'r',
        },
      })),
    );
    const { element, input } = await save('45');
    expect(element.querySelector('mat-error')?.textContent).toContain('Le délai doit être compris entre 1 et 30 jours.');
    expect(document.activeElement).toBe(input);
  });
});
