import { FormControl, Validators } from '@angular/forms';
import { checkMessageText, showMessageTextError } from './message-text';

describe('checkMessageText', () => {
  it('refuses a blank text as required and shows it under the field', () => {
    const control = new FormControl('  \n ', { nonNullable: true });
    expect(control.valid).toBe(true);

    expect(checkMessageText(control)).toBe(false);
    expect(control.hasError('required')).toBe(true);
    expect(control.touched).toBe(true);
  });

  it('refuses a text the field already finds invalid, and lets a correct one go untouched', () => {
    const tooLong = new FormControl('abcdef', { nonNullable: true, validators: Validators.maxLength(5) });
    expect(checkMessageText(tooLong)).toBe(false);
    expect(tooLong.touched).toBe(true);

    const fine = new FormControl('Merci pour votre réponse.', { nonNullable: true });
    expect(checkMessageText(fine)).toBe(true);
    expect(fine.touched).toBe(false);
  });
});

describe('showMessageTextError', () => {
  it('puts the API’s word on the text under the field, and leaves other refusals to the page', () => {
    const control = new FormControl('Bonjour', { nonNullable: true });
    const refused = {
      status: 400,
      error: { code: 'VALIDATION_FAILED', message: 'Certaines informations sont invalides.', errors: { body: 'Le message est trop long.' } },
    };
    expect(showMessageTextError(control, refused)).toBe(true);
    expect(control.getError('server')).toBe('Le message est trop long.');
    expect(control.touched).toBe(true);

    const other = new FormControl('Bonjour', { nonNullable: true });
    expect(showMessageTextError(other, { status: 409, error: { code: 'THREAD_VERSION_CONFLICT', message: 'x' } })).toBe(false);
    expect(other.touched).toBe(false);
  });
});
