import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { TOTP_CODE_VALIDATORS, TotpCodeField } from './totp-code-field';

@Component({
  imports: [TotpCodeField],
  template: `<pas-totp-code-field [control]="code" />`,
})
class Host {
  readonly code = new FormControl('', { nonNullable: true, validators: TOTP_CODE_VALIDATORS });
}

describe(TotpCodeField.name, () => {
  it('accepts six digits, with or without the space apps show', () => {
    const control = new FormControl('', { nonNullable: true, validators: TOTP_CODE_VALIDATORS });
    for (const ok of ['123456', '123 456', ' 123456 ']) {
      control.setValue(ok);
      expect(control.valid).toBe(true);
    }
    for (const bad of ['12345', '1234567', 'abcdef', '']) {
      control.setValue(bad);
      expect(control.valid).toBe(false);
    }
  });

  it('says in French what is wrong once the field was touched', async () => {
    const fixture = TestBed.createComponent(Host);
    const host = fixture.componentInstance;
    host.code.setValue('12ab');
    host.code.markAsTouched();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('mat-label')?.textContent).toBe('Code à 6 chiffres');
    expect(element.querySelector('input')?.getAttribute('autocomplete')).toBe('one-time-code');
    expect(element.querySelector('mat-error')?.textContent?.trim()).toBe('Le code compte 6 chiffres.');
  });
});
