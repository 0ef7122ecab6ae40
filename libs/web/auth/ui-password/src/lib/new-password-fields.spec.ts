import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { sameAs, showServerErrors } from '@passerelle/web/shared/ui-material';
import { NEW_PASSWORD_VALIDATORS, NewPasswordFields } from './new-password-fields';

@Component({
  imports: [ReactiveFormsModule, NewPasswordFields],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <pas-new-password-fields [password]="form.controls.password" [confirmation]="form.controls.confirmation" />
      <button type="submit">Enregistrer</button>
    </form>
  `,
})
class Host {
  readonly form = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: NEW_PASSWORD_VALIDATORS }),
    confirmation: new FormControl('', { nonNullable: true, validators: [Validators.required, sameAs('password')] }),
  });

  submit(): void {
    this.form.controls.confirmation.updateValueAndValidity();
    this.form.markAllAsTouched();
  }
}

describe(NewPasswordFields.name, () => {
  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const [password, confirmation] = Array.from(element.querySelectorAll<HTMLInputElement>('input[type="password"]'));
    const type = (input: HTMLInputElement, value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const errorUnder = (input: HTMLInputElement) =>
      input.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? '';
    return { fixture, element, password, confirmation, type, errorUnder };
  }

  it('labels the fields and explains the password policy', async () => {
    const { element } = await render();
    expect(Array.from(element.querySelectorAll('mat-label')).map((label) => label.textContent?.trim())).toEqual([
      'Nouveau mot de passe',
      'Confirmation du mot de passe',
    ]);
    expect(element.querySelector('mat-hint')?.textContent).toContain('Au moins 12 caractères.');
  });

  it('says which fields are missing when the form is sent empty', async () => {
    const { fixture, element, password, confirmation, errorUnder } = await render();
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
    expect(errorUnder(password)).toBe('Ce champ est obligatoire.');
    expect(errorUnder(confirmation)).toBe('Ce champ est obligatoire.');
  });

  it('says when the confirmation differs from the password', async () => {
    const { fixture, element, password, confirmation, type, errorUnder } = await render();
    type(password, 'une phrase assez longue');
    type(confirmation, 'une autre phrase longue');
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
    expect(errorUnder(confirmation)).toBe('Les deux mots de passe ne sont pas identiques.');
    expect(errorUnder(password)).toBe('');
  });

  it("shows the API's error under the password field, keeping the password typed", async () => {
    const { fixture, password, confirmation, type, errorUnder } = await render();
    type(password, 'motdepasse1234');
    type(confirmation, 'motdepasse1234');
    await fixture.whenStable();
    showServerErrors(fixture.componentInstance.form, {
      status: 400,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Certaines informations sont invalides.',
        errors: { password: 'Ce mot de passe fait partie des plus courants : choisissez-en un autre.' },
        requestId: 'r',
      },
    });
    await fixture.whenStable();
    expect(errorUnder(password)).toBe('Ce mot de passe fait partie des plus courants : choisissez-en un autre.');
    expect(password.value).toBe('motdepasse1234');
  });

  it('takes the labels and hint of the page', async () => {
    const fixture = TestBed.createComponent(NewPasswordFields);
    fixture.componentRef.setInput('password', new FormControl('', { nonNullable: true }));
    fixture.componentRef.setInput('confirmation', new FormControl('', { nonNullable: true }));
    fixture.componentRef.setInput('label', 'Mot de passe');
    fixture.componentRef.setInput('confirmationLabel', 'Confirmation du nouveau mot de passe');
    fixture.componentRef.setInput('hint', 'Une phrase de plusieurs mots convient très bien.');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(Array.from(element.querySelectorAll('mat-label')).map((label) => label.textContent?.trim())).toEqual([
      'Mot de passe',
      'Confirmation du nouveau mot de passe',
    ]);
    expect(element.querySelector('mat-hint')?.textContent?.trim()).toBe(
      'Une phrase de plusieurs mots convient très bien.',
    );
  });
});
