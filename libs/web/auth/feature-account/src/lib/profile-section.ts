import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ROLE_LABELS } from '@passerelle/shared/dto';
import { AccountApi, AuthSession } from '@passerelle/web/auth/data-access';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorMessage,
  formErrorItems,
  showServerErrors,
  FocusOnText,
} from '@passerelle/web/shared/ui-material';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';

/** Who the user is for the portal; only the display name is theirs to change. */
@Component({
  selector: 'pas-profile-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FocusOnText,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ErrorSummary,
  ],
  template: `
    <h2 id="profile-title">Profil</h2>
    @if (user(); as current) {
      <dl class="facts">
        <dt>Adresse électronique</dt>
        <dd>{{ current.email }}</dd>
        <dt>Rôle</dt>
        <dd>{{ roleLabel() }}</dd>
        <dt>{{ current.commune ? 'Commune' : 'Département' }}</dt>
        <dd>{{ current.commune?.name ?? current.departement.name }}</dd>
      </dl>
    }
    <p class="required-note">Les champs marqués * sont obligatoires.</p>
    <pas-error-summary [items]="errorSummary()" />
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-labelledby="profile-title">
      <mat-form-field appearance="outline">
        <mat-label>Nom affiché</mat-label>
        <input matInput type="text" id="profile-displayName" formControlName="displayName" autocomplete="name" required />
        <mat-error>{{ fieldErrorMessage(form.controls.displayName) }}</mat-error>
      </mat-form-field>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="saving()">Enregistrer</button>
      </div>
    </form>
    <p class="notice" role="status" [pasFocusOnText]="notice()">{{ notice() }}</p>
    <div class="progress">
      @if (saving()) {
        <mat-progress-bar mode="indeterminate" aria-label="Enregistrement" />
      }
    </div>
  `,
  styleUrl: './_account-section.scss',
  styles: `
    .facts {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 4px 16px;
      margin: 0 0 16px;

      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    }
  `,
})
export class ProfileSection implements OnInit {
  private readonly session = inject(AuthSession);
  private readonly api = inject(AccountApi);

  protected readonly user = this.session.user;
  protected readonly roleLabel = computed(() => {
    const role = this.session.role();
    return role ? ROLE_LABELS[role] : '';
  });
  protected readonly form = new FormGroup({
    displayName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(100)],
    }),
  });
  protected readonly saving = busyFlag();
  protected readonly error = signal('');
  /** The fields to correct, listed above the form after a failed submit. */
  protected readonly errorSummary = signal<ErrorSummaryItem[]>([]);
  protected readonly notice = signal('');
  protected readonly fieldErrorMessage = fieldErrorMessage;

  ngOnInit(): void {
    this.form.controls.displayName.setValue(this.session.user()?.displayName ?? '');
  }

  protected submit(): void {
    if (this.saving()) {
      return;
    }
    this.errorSummary.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.showErrorSummary();
      return;
    }
    this.error.set('');
    this.notice.set('');
    this.api
      .updateProfile(this.form.controls.displayName.value.trim())
      .pipe(this.saving.track)
      .subscribe({
        next: (me) => {
          this.session.updateUser(me);
          this.notice.set('Votre nom est enregistré.');
        },
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
    this.errorSummary.set(formErrorItems(this.form, { prefix: 'profile' }));
  }
}
