import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { of, throwError } from 'rxjs';
import { EmailDialog, type EmailDialogData } from './email-dialog';

describe(EmailDialog.name, () => {
  let submit: jest.Mock;
  let close: jest.Mock;

  async function render(address = 'maire@ableiges.fr') {
    const data: EmailDialogData = {
      title: 'Ouvrir l’espace d’Ableiges',
      intro: 'Le maire recevra une invitation.',
      label: 'Adresse électronique du maire',
      confirmLabel: 'Ouvrir l’espace',
      field: 'mayorEmail',
      submit,
    };
    TestBed.configureTestingModule({
      imports: [EmailDialog],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close, disableClose: false } },
      ],
    });
    const fixture = TestBed.createComponent(EmailDialog);
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
    submit = jest.fn().mockReturnValue(of({}));
    close = jest.fn();
  });

  afterEach(() => document.body.replaceChildren());

  it('shows a wrong address under the field and moves focus to it (one field: no summary)', async () => {
    const { element, input } = await render('maire-ableiges');
    expect(submit).not.toHaveBeenCalled();
    expect(element.querySelector('mat-error')?.textContent).toContain('prenom.nom@mairie.fr');
    expect(element.querySelector('.error-summary')).toBeNull();
    expect(document.activeElement).toBe(input);
  });

  it('sends the address and closes once the API accepted it', async () => {
    await render();
    expect(submit).toHaveBeenCalledWith('maire@ableiges.fr');
    expect(close).toHaveBeenCalledWith(true);
  });

  it('stays open with the address and the API’s message under the field when it is refused', async () => {
    submit.mockReturnValue(
      throwError(() => ({
        status: 409,
        error: {
          code: 'ALREADY_MEMBER',
          message: 'Cette adresse a déjà un compte.',
          errors: { mayorEmail: 'Cette adresse a déjà un compte sur Passerelle.' },
          requestId: 'r',
        },
      })),
    );
    const { element, input } = await render();
    expect(close).not.toHaveBeenCalled();
    expect(input.value).toBe('maire@ableiges.fr');
    expect(element.querySelector('mat-error')?.textContent).toContain('Cette adresse a déjà un compte sur Passerelle.');
    expect(document.activeElement).toBe(input);
  });

  it('shows a refusal without field errors above the buttons', async () => {
    submit.mockReturnValue(
      throwError(() => ({ status: 409, error: { code: 'WORKSPACE_ALREADY_OPEN', message: 'Cet espace est déjà ouvert.', requestId: 'r' } })),
    );
    const { element } = await render();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Cet espace est déjà ouvert.');
  });
});
