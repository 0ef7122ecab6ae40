import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { AuthApi } from '@passerelle/web/auth/data-access';
import { NEW_PASSWORD_VALIDATORS, NewPasswordFields } from '@passerelle/web/auth/ui-password';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  formErrorItems,
  sameAs,
  showServerErrors,
} from '@passerelle/web/shared/ui-material';
import { apiErrorCode, apiErrorMessage, apiFieldErrors } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';

/** `/reinitialiser-mot-de-passe/:token`, from the e-mail link. */
@Component({
  selector: 'pas-reset-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatProgressBarModule, NewPasswordFields, ErrorSummary],
  template: `
    <section class="card" aria-labelledby="reset-title">
      <h1 id="reset-title">Nouveau mot de passe</h1>
      @if (check.isLoading()) {
        <p role="status">Vérification du lien…</p>
        <div class="progress"><mat-progress-bar mode="indeterminate" aria-label="Vérification du lien" /></div>
      } @else if (deadLink()) {
        <p class="error" role="alert">{{ deadLink() }}</p>
        <p><a routerLink="/mot-de-passe-oublie">Demander un nouveau lien</a></p>
      } @else {
        <p class="required-note">Les champs marqués * sont obligatoires.</p>
        <pas-error-summary [items]="errorSummary()" />
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <pas-new-password-fields
            [password]="form.controls.password"
            [confirmation]="form.controls.confirmation"
            passwordId="reset-password"
            confirmationId="reset-confirmation"
            [required]="true"
          />
          @if (error()) {
            <p class="error" role="alert">{{ error() }}</p>
          }
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="submitting()">Enregistrer le mot de passe</button>
          </div>
        </form>
        <div class="progress">
          @if (submitting()) {
            <mat-progress-bar mode="indeterminate" aria-label="Enregistrement en cours" />
          }
        </div>
      }
    </section>
  `,
  styleUrl: './_auth-card.scss',
})
export class ResetPasswordPage {
  /** Path parameter (router input binding). */
  readonly token = input.required<string>();

  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);

  protected readonly form = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: NEW_PASSWORD_VALIDATORS }),
    confirmation: new FormControl('', { nonNullable: true, validators: [Validators.required, sameAs('password')] }),
  });
  protected readonly submitting = busyFlag();
  protected readonly error = signal('');
  /** The fields to correct, listed above the form after a failed submit. */
  protected readonly errorSummary = signal<ErrorSummaryItem[]>([]);
  /** Set when the link dies between the check and the submission. */
  private readonly refusedLink = signal('');

  /**
   * The link is checked as the page opens, so that a dead one says so before a new password is typed for nothing. A
   * check that fails otherwise (network) leaves the form: the submission will tell.
   */
  protected readonly check = rxResource({
    params: () => this.token(),
    stream: ({ params }) => this.api.checkPasswordReset(params),
  });
  protected readonly deadLink = computed(() => {
    const error = this.check.error();
    return this.refusedLink() || (apiErrorCode(error) === 'TOKEN_INVALID' ? apiErrorMessage(error) : '');
  });

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    this.form.controls.confirmation.updateValueAndValidity();
    this.errorSummary.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.showErrorSummary();
      return;
    }
    this.error.set('');
    this.api
      .confirmPasswordReset(this.token(), this.form.controls.password.value)
      .pipe(this.submitting.track)
      .subscribe({
        next: () => void this.router.navigate(['/connexion'], { queryParams: { info: 'mot-de-passe-modifie' } }),
        error: (error: unknown) => {
          // A used or expired link (404), or one whose token is malformed (a field error on `token`).
          const tokenError = apiFieldErrors(error)['token'];
          if (apiErrorCode(error) === 'TOKEN_INVALID' || tokenError) {
            this.refusedLink.set(tokenError ?? apiErrorMessage(error));
          } else if (showServerErrors(this.form, error)) {
            this.showErrorSummary();
          } else {
            this.error.set(apiErrorMessage(error));
          }
        },
      });
  }

  private showErrorSummary(): void {
    this.errorSummary.set(formErrorItems(this.form, { prefix: 'reset' }));
  }
}
