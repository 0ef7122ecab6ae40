import { TestBed } from '@angular/core/testing';
import { AccountApi } from '@passerelle/web/auth/data-access';
import { throwError } from 'rxjs';
import { PasswordSection } from './password-section';

describe(PasswordSection.name, () => {
  let api: { changePassword: jest.Mock };

  async function render() {
    const fixture = TestBed.configureTestingModule({
      imports: [PasswordSection],
      providers: [{ provide: AccountApi, useValue: api }],
    }).createComponent(PasswordSection);
    const element = fixture.nativeElement as HTMLElement;
    // In the document, so that the error summary's links find their fields by id and focus can move.
    document.body.appendChild(element);
    await fixture.whenStable();
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
    };
    const type = (id: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(`#${id}`);
      if (!input) {
        throw new Error(`no #${id}`);
      }
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const lines = () =>
      [...element.querySelectorAll('.error-summary li')].map((li) => li.textContent?.replace(/[ \n]+/g, ' ').trim());
    return { element, submit, type, lines };
  }

  beforeEach(() => {
    api = { changePassword: jest.fn() };
  });

  afterEach(() => document.body.replaceChildren());

  it('lists the three empty fields above the form, takes focus and links to each field', async () => {
    const { element, submit, lines } = await render();
    await submit();

    expect(api.changePassword).not.toHaveBeenCalled();
    expect(lines()).toEqual([
      'Mot de passe actuel\u00a0: Ce champ est obligatoire.',
      'Nouveau mot de passe\u00a0: Ce champ est obligatoire.',
      'Confirmation du mot de passe\u00a0: Ce champ est obligatoire.',
    ]);
    const summary = element.querySelector('.error-summary');
    expect(document.activeElement).toBe(summary);

    summary?.querySelectorAll('a')[1].click();
    expect(document.activeElement).toBe(element.querySelector('#password-newPassword'));
  });

  it('lists the API’s reason against the new password', async () => {
    api.changePassword.mockReturnValue(
      throwError(() => ({
        status: 400,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Certains champs sont incorrects.',
          errors: { password: 'Ce mot de passe figure parmi les plus courants.' },
          requestId: 'r',
        },
      })),
    );
    const { submit, type, lines } = await render();
    type('password-currentPassword', 'ancien-mot-de-passe');
    type('password-newPassword', 'motdepasse123456');
    type('password-confirmation', 'motdepasse123456');
    await submit();

    expect(lines()).toEqual(['Nouveau mot de passe\u00a0: Ce mot de passe figure parmi les plus courants.']);
  });
});
