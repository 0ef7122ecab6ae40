import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { injectFocusInvalidField } from './focus-invalid-field';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field>
        <mat-label>Commentaire</mat-label>
        <input matInput formControlName="comment" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>Motif</mat-label>
        <textarea matInput formControlName="reason"></textarea>
        <mat-error>Ce champ est obligatoire.</mat-error>
      </mat-form-field>
      <button type="submit">Envoyer</button>
    </form>
  `,
})
class HostForm {
  readonly form = new FormGroup({
    comment: new FormControl('', { nonNullable: true }),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  private readonly focusInvalidField = injectFocusInvalidField();

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusInvalidField();
    }
  }
}

describe(injectFocusInvalidField.name, () => {
  afterEach(() => document.body.replaceChildren());

  it('moves focus to the field in error once its message shows', async () => {
    const fixture = TestBed.createComponent(HostForm);
    const element = fixture.nativeElement as HTMLElement;
    document.body.appendChild(element);
    await fixture.whenStable();

    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();

    const textarea = element.querySelector('textarea');
    expect(document.activeElement).toBe(textarea);
    expect(element.querySelector('mat-error')?.textContent).toContain('Ce champ est obligatoire.');
  });
});
