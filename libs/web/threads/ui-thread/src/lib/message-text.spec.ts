import { FormControl, Validators } from '@angular/forms';
import { checkMessageText } from './message-text';

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
