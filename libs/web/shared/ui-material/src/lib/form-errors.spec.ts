import { FormControl, FormGroup, Validators } from '@angular/forms';
import { fieldErrorMessage, notBlank, sameAs, showServerErrors } from './form-errors';

describe('showServerErrors', () => {
  it('puts each message of the API under its field, until the field is edited', () => {
    const form = new FormGroup({
      displayName: new FormControl('Jeanne'),
      newPassword: new FormControl('motdepasse123'),
    });
    const error = {
      status: 400,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Certains champs sont incorrects.',
        errors: { password: 'Ce mot de passe figure parmi les plus courants.' },
        requestId: 'r',
      },
    };

    expect(showServerErrors(form, error, { password: 'newPassword' })).toBe(true);
    expect(fieldErrorMessage(form.controls.newPassword)).toBe('Ce mot de passe figure parmi les plus courants.');
    expect(form.controls.newPassword.touched).toBe(true);
    expect(form.controls.displayName.valid).toBe(true);

    form.controls.newPassword.setValue('une phrase bien plus longue');
    expect(form.controls.newPassword.valid).toBe(true);
  });

  it('reports when the failure had no field error, so that the page shows the general message', () => {
    const form = new FormGroup({ email: new FormControl('') });
    expect(showServerErrors(form, { status: 409, error: { code: 'ALREADY_MEMBER', message: 'Déjà membre.', requestId: 'r' } })).toBe(false);
  });
});

describe('fieldErrorMessage', () => {
  it('speaks French for the usual validators', () => {
    expect(fieldErrorMessage(new FormControl('', Validators.required))).toBe('Ce champ est obligatoire.');
    expect(fieldErrorMessage(new FormControl('abc', Validators.minLength(12)))).toBe('Saisissez au moins 12 caractères.');
    expect(fieldErrorMessage(new FormControl('pas-un-email', Validators.email))).toContain('adresse électronique valide');
    expect(fieldErrorMessage(new FormControl('ok'))).toBe('');
    const typedNoDay = new FormControl(null, Validators.required);
    typedNoDay.setErrors({ matDatepickerParse: { text: '31/02/2026' }, required: true });
    expect(fieldErrorMessage(typedNoDay)).toBe('Saisissez une date au format jj/mm/aaaa, par exemple 04/12/2026.');
  });
});

describe('sameAs', () => {
  it('flags a confirmation that differs from the password', () => {
    const form = new FormGroup({
      password: new FormControl('une longue phrase secrète'),
      confirmation: new FormControl('', sameAs('password')),
    });
    form.controls.confirmation.setValue('une longue phrase secrete');
    expect(fieldErrorMessage(form.controls.confirmation)).toBe('Les deux mots de passe ne sont pas identiques.');
    form.controls.confirmation.setValue('une longue phrase secrète');
    expect(form.controls.confirmation.valid).toBe(true);
  });
});

describe('notBlank', () => {
  it('refuses an empty value or spaces only, with the message of a required field', () => {
    const control = new FormControl('', notBlank);
    expect(fieldErrorMessage(control)).toBe('Ce champ est obligatoire.');
    control.setValue('   \n\t ');
    expect(fieldErrorMessage(control)).toBe('Ce champ est obligatoire.');
    control.setValue('  Voirie ');
    expect(control.valid).toBe(true);
  });

  it('leaves a value that is not text to the other validators', () => {
    expect(new FormControl(null, notBlank).valid).toBe(true);
    expect(new FormControl(0, notBlank).valid).toBe(true);
  });
});
