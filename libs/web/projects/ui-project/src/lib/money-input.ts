import { Directive, inject } from '@angular/core';
import { type AbstractControl, NgControl, type ValidationErrors, type ValidatorFn } from '@angular/forms';
import { formatMoneyInput, parseEuros } from '@passerelle/web/shared/util-format';

/**
 * A money field: the person types `12345,67`, `12 345 €` or `12345.67`; on leaving the field it reads `12 345,67`.
 * The control keeps the text (so nothing typed is lost on an error); `parseEuros` turns it into cents on submit.
 */
@Directive({
  selector: 'input[pasMoneyInput]',
  host: {
    inputmode: 'decimal',
    autocomplete: 'off',
    '(blur)': 'reformat()',
  },
})
export class MoneyInput {
  private readonly control = inject(NgControl, { self: true });

  protected reformat(): void {
    const control = this.control.control;
    if (!control || typeof control.value !== 'string') {
      return;
    }
    const { cents, error } = parseEuros(control.value);
    const formatted = formatMoneyInput(cents);
    if (error === null && formatted !== control.value) {
      control.setValue(formatted);
    }
  }
}

/** Validator of a money field's text: `{ money: "<French message>" }` when `parseEuros` refuses it. */
export const moneyValidator: ValidatorFn = (control: AbstractControl<string | null>): ValidationErrors | null => {
  const { error } = parseEuros(control.value ?? '');
  return error === null ? null : { money: error };
};
