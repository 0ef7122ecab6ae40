import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AuthApi } from '@passerelle/web/auth/data-access';
import { of, throwError } from 'rxjs';
import { ResetPasswordPage } from './reset-password-page';

describe(ResetPasswordPage.name, () => {
  let confirmPasswordReset: jest.Mock;
  let checkPasswordReset: jest.Mock;

  async function open() {
    TestBed.configureTestingModule({
      imports: [ResetPasswordPage],
      providers: [provideRouter([]), { provide: AuthApi, useValue: { confirmPasswordReset, checkPasswordReset } }],
    });
    const fixture = TestBed.createComponent(ResetPasswordPage);
    fixture.componentRef.setInput('token', 'jeton-du-lien');
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  async function fillAndSubmit(password: string, confirmation = password) {
    const { fixture } = await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const element = fixture.nativeElement as HTMLElement;
    const [first, second] = Array.from(element.querySelectorAll<HTMLInputElement>('input[type="password"]'));
    first.value = password;
    first.dispatchEvent(new Event('input'));
    second.value = confirmation;
    second.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
    return { element, navigate, first };
  }

  beforeEach(() => {
    confirmPasswordReset = jest.fn().mockReturnValue(of(null));
    checkPasswordReset = jest.fn().mockReturnValue(of(null));
  });

  it('saves the new password and sends the user to sign in', async () => {
    const { navigate } = await fillAndSubmit('une phrase assez longue');
    expect(confirmPasswordReset).toHaveBeenCalledWith('jeton-du-lien', 'une phrase assez longue');
    expect(navigate).toHaveBeenCalledWith(['/connexion'], { queryParams: { info: 'mot-de-passe-modifie' } });
  });

  it('does not send two different passwords', async () => {
    const { element } = await fillAndSubmit('une phrase assez longue', 'une autre phrase longue');
    expect(confirmPasswordReset).not.toHaveBeenCalled();
    expect(element.textContent).toContain('Les deux mots de passe ne sont pas identiques.');
  });

  it('lists the fields to correct above the form, takes focus and links to each field', async () => {
    const { fixture } = await open();
    const element = fixture.nativeElement as HTMLElement;
    // In the document, so that the summary's links find their fields by id and focus can move.
    document.body.appendChild(element);
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();

    expect(confirmPasswordReset).not.toHaveBeenCalled();
    expect(element.querySelector('.required-note')?.textContent).toBe('Les champs marqués * sont obligatoires.');
    const summary = element.querySelector<HTMLElement>('.error-summary');
    const links = Array.from(summary?.querySelectorAll('a') ?? []);
    expect(links.map((link) => link.textContent?.replace(/[ \n]+/g, ' ').trim())).toEqual([
      'Nouveau mot de passe\u00a0: Ce champ est obligatoire.',
      'Confirmation du mot de passe\u00a0: Ce champ est obligatoire.',
    ]);
    expect(document.activeElement).toBe(summary);
    links[1].click();
    expect(document.activeElement).toBe(element.querySelector('#reset-confirmation'));
    element.remove();
  });

  it('shows why the API refused the password under the field, keeping it typed', async () => {
    confirmPasswordReset.mockReturnValue(
      throwError(() => ({
        status: 400,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Certaines informations sont invalides.',
          errors: { password: 'Ce mot de passe fait partie des plus courants : choisissez-en un autre.' },
          requestId: 'r',
        },
      })),
    );
    const { element, first } = await fillAndSubmit('motdepasse1234');
    expect(element.querySelector('mat-error')?.textContent).toContain('fait partie des plus courants');
    expect(first.value).toBe('motdepasse1234');
  });

  it('explains that a used or expired link no longer works, with a way to get a new one', async () => {
    confirmPasswordReset.mockReturnValue(
      throwError(() => ({
        status: 404,
        error: { code: 'TOKEN_INVALID', message: 'Ce lien n’est plus valable.', requestId: 'r' },
      })),
    );
    const { element } = await fillAndSubmit('une phrase assez longue');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Ce lien n’est plus valable.');
    expect(element.querySelector('a[href="/mot-de-passe-oublie"]')).not.toBeNull();
    expect(element.querySelector('form')).toBeNull();
  });

  it('says a dead link is dead as the page opens, before any password is typed', async () => {
    checkPasswordReset.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 404,
            error: { code: 'TOKEN_INVALID', message: 'Ce lien n’est plus valable (déjà utilisé ou expiré).', requestId: 'r' },
          }),
      ),
    );
    const { element } = await open();
    expect(checkPasswordReset).toHaveBeenCalledWith('jeton-du-lien');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Ce lien n’est plus valable');
    expect(element.querySelector('a[href="/mot-de-passe-oublie"]')).not.toBeNull();
    expect(element.querySelector('form')).toBeNull();
  });

  it('still offers the form when the link could not be checked (network)', async () => {
    checkPasswordReset.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 0 })));
    const { element } = await open();
    expect(element.querySelector('form')).not.toBeNull();
  });
});
