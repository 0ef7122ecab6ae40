import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { type InvitationDto, ROLE_LABELS } from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { AuthApi } from '@passerelle/web/auth/data-access';
import { NEW_PASSWORD_VALIDATORS, NewPasswordFields } from '@passerelle/web/auth/ui-password';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorMessage,
  formErrorItems,
  sameAs,
  showServerErrors,
} from '@passerelle/web/shared/ui-material';
import { apiErrorCode, apiErrorMessage, formatDateTime } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';

/** "… vous invite à rejoindre l’espace de la commune d’Ableiges sur Passerelle, en tant que collaborateur." */
export function invitationText(invitation: InvitationDto): string {
  const who = invitation.invitedBy ?? `Le département ${invitation.departement.name}`;
  const where = invitation.commune
    ? `l’espace de la commune ${ofPlace(invitation.commune.name)} sur Passerelle`
    : `l’espace du département ${invitation.departement.name} sur Passerelle`;
  return `${who} vous invite à rejoindre ${where}, en tant que ${ROLE_LABELS[invitation.role].toLowerCase()}.`;
}

/** `/invitation/:token`, from the invitation e-mail: the invitee chooses a name and a password, then signs in. */
@Component({
  selector: 'pas-invitation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    NewPasswordFields,
    ErrorSummary,
  ],
  templateUrl: './invitation-page.html',
  styleUrl: './_auth-card.scss',
  styles: `
    .email {
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
  `,
})
export class InvitationPage {
  /** Path parameter (router input binding). */
  readonly token = input.required<string>();

  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);

  protected readonly invitation = rxResource({
    params: () => this.token(),
    stream: ({ params }) => this.api.getInvitation(params),
  });
  protected readonly text = computed(() => (this.invitation.hasValue() ? invitationText(this.invitation.value()) : ''));
  protected readonly loadError = computed(() => {
    const error = this.invitation.error();
    if (!error) {
      return '';
    }
    return apiErrorCode(error) === 'INVITATION_INVALID'
      ? apiErrorMessage(error)
      : apiErrorMessage(error, 'Impossible de charger l’invitation. Réessayez dans quelques instants.');
  });
  protected readonly invalid = computed(() => apiErrorCode(this.invitation.error()) === 'INVITATION_INVALID');

  protected readonly form = new FormGroup({
    displayName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(100)],
    }),
    password: new FormControl('', { nonNullable: true, validators: NEW_PASSWORD_VALIDATORS }),
    confirmation: new FormControl('', { nonNullable: true, validators: [Validators.required, sameAs('password')] }),
  });
  protected readonly submitting = busyFlag();
  protected readonly error = signal('');
  /** The fields to correct, listed above the form after a failed submit. */
  protected readonly errorSummary = signal<ErrorSummaryItem[]>([]);
  protected readonly fieldErrorMessage = fieldErrorMessage;
  protected readonly formatDateTime = formatDateTime;

  protected submit(): void {
    if (this.submitting() || !this.invitation.hasValue()) {
      return;
    }
    this.form.controls.confirmation.updateValueAndValidity();
    this.errorSummary.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.showErrorSummary();
      return;
    }
    const email = this.invitation.value().email;
    const { displayName, password } = this.form.getRawValue();
    this.error.set('');
    this.api
      .acceptInvitation(this.token(), { displayName: displayName.trim(), password })
      .pipe(this.submitting.track)
      .subscribe({
        next: () => void this.router.navigate(['/connexion'], { queryParams: { email, info: 'compte-cree' } }),
        error: (error: unknown) => {
          if (showServerErrors(this.form, error)) {
            this.showErrorSummary();
          } else {
            this.error.set(apiErrorMessage(error));
          }
        },
      });
  }

  private showErrorSummary(): void {
    this.errorSummary.set(formErrorItems(this.form, { prefix: 'invitation' }));
  }
}
