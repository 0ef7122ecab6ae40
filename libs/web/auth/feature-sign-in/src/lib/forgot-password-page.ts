import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { AuthApi } from '@passerelle/web/auth/data-access';
import { fieldErrorMessage, injectFocusInvalidField, showServerErrors } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';

/**
 * `/mot-de-passe-oublie`. The confirmation is the same whether the address has an account or not, as the API's
 * answer is: the page must not tell who uses Passerelle.
 */
@Component({
  selector: 'pas-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  template: `
    <section class="card" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Mot de passe oublié</h1>
      @if (sentTo(); as email) {
        <p class="notice" role="status">
          Si un compte existe pour l’adresse {{ email }}, un courriel vient de lui être envoyé avec un lien pour
          choisir un nouveau mot de passe. Le lien est valable peu de temps et ne sert qu’une fois. Pensez à regarder
          dans les courriers indésirables.
        </p>
        <p><a routerLink="/connexion">Revenir à la connexion</a></p>
      } @else {
        <p class="hint">Saisissez l’adresse électronique de votre compte&nbsp;: vous recevrez un lien pour choisir un nouveau mot de passe.</p>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>Adresse électronique</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="username" />
            <mat-error>{{ fieldErrorMessage(form.controls.email) }}</mat-error>
          </mat-form-field>
          @if (error()) {
            <p class="error" role="alert">{{ error() }}</p>
          }
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="submitting()">Recevoir le lien</button>
            <a routerLink="/connexion">Revenir à la connexion</a>
          </div>
        </form>
        <div class="progress">
          @if (submitting()) {
            <mat-progress-bar mode="indeterminate" aria-label="Envoi en cours" />
          }
        </div>
      }
    </section>
  `,
  styleUrl: './_auth-card.scss',
})
export class ForgotPasswordPage {
  private readonly api = inject(AuthApi);

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
  });
  protected readonly submitting = busyFlag();
  protected readonly error = signal('');
  protected readonly sentTo = signal<string | null>(null);
  protected readonly fieldErrorMessage = fieldErrorMessage;
  /** One field: its error shows under it and focus goes to it, without an error summary. */
  private readonly focusInvalidField = injectFocusInvalidField();

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusInvalidField();
      return;
    }
    const email = this.form.controls.email.value.trim();
    this.error.set('');
    this.api
      .requestPasswordReset(email)
      .pipe(this.submitting.track)
      .subscribe({
        next: () => this.sentTo.set(email),
        error: (error: unknown) => {
          if (showServerErrors(this.form, error)) {
            this.focusInvalidField();
          } else {
            this.error.set(apiErrorMessage(error));
          }
        },
      });
  }
}
