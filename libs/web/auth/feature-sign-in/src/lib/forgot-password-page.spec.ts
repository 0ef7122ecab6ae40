import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthApi } from '@passerelle/web/auth/data-access';
import { of, throwError } from 'rxjs';
import { ForgotPasswordPage } from './forgot-password-page';

describe(ForgotPasswordPage.name, () => {
  let requestPasswordReset: jest.Mock;

  async function submitAddress(address: string) {
    TestBed.configureTestingModule({
      imports: [ForgotPasswordPage],
      providers: [provideRouter([]), { provide: AuthApi, useValue: { requestPasswordReset } }],
    });
    const fixture = TestBed.createComponent(ForgotPasswordPage);
    const element = fixture.nativeElement as HTMLElement;
    // In the document, so that focus can move.
    document.body.appendChild(element);
    await fixture.whenStable();
    const input = element.querySelector<HTMLInputElement>('input[type="email"]');
    if (!input) {
      throw new Error('no e-mail field');
    }
    input.value = address;
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
    return { element, input };
  }

  beforeEach(() => {
    requestPasswordReset = jest.fn().mockReturnValue(of(null));
  });

  afterEach(() => document.body.replaceChildren());

  it('says a link was sent, whether the address has an account or not', async () => {
    const { element } = await submitAddress('maire@ableiges.fr');
    expect(requestPasswordReset).toHaveBeenCalledWith('maire@ableiges.fr');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('maire@ableiges.fr');
  });

  it('shows a wrong address under its field and moves focus to it (one field: no summary)', async () => {
    const { element, input } = await submitAddress('maire-ableiges');
    expect(requestPasswordReset).not.toHaveBeenCalled();
    expect(element.querySelector('mat-error')?.textContent).toContain('prenom.nom@mairie.fr');
    expect(element.querySelector('.error-summary')).toBeNull();
    expect(document.activeElement).toBe(input);
  });

  it('moves focus to the field when the API refuses the address', async () => {
    requestPasswordReset.mockReturnValue(
      throwError(() => ({
        status: 400,
        error: { code: 'VALIDATION_FAILED', message: 'Certaines informations sont invalides.', errors: { email: 'Adresse trop longue.' }, requestId: 'r' },
      })),
    );
    const { element, input } = await submitAddress('maire@ableiges.fr');
    expect(element.querySelector('mat-error')?.textContent).toContain('Adresse trop longue.');
    expect(document.activeElement).toBe(input);
  });
});
