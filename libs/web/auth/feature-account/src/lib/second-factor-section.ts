import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { TotpSetupDto } from '@passerelle/shared/dto';
import { AccountApi, AuthSession } from '@passerelle/web/auth/data-access';
import { RecoveryCodesPanel, TOTP_CODE_VALIDATORS, TotpCodeField, TotpSetupPanel } from '@passerelle/web/auth/ui-second-factor';
import { fieldErrorMessage, injectFocusInvalidField, FocusOnText } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { type Observable, switchMap } from 'rxjs';

type Mode = 'idle' | 'setup' | 'codes' | 'disable';

/**
 * The second factor: set it up (QR code, first code, recovery codes), get new recovery codes, or turn it off with
 * the password — except for département staff, who must keep it.
 */
@Component({
  selector: 'pas-second-factor-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FocusOnText, 
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TotpSetupPanel,
    RecoveryCodesPanel,
    TotpCodeField,
  ],
  templateUrl: './second-factor-section.html',
  styleUrl: './_account-section.scss',
  styles: `
    .state {
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class SecondFactorSection {
  private readonly session = inject(AuthSession);
  private readonly api = inject(AccountApi);

  protected readonly enabled = computed(() => this.session.user()?.totpEnabled ?? false);
  protected readonly required = computed(() => this.session.user()?.totpRequired ?? false);

  protected readonly mode = signal<Mode>('idle');
  protected readonly setup = signal<TotpSetupDto | null>(null);
  protected readonly codes = signal<string[]>([]);
  protected readonly busy = busyFlag();
  protected readonly error = signal('');
  protected readonly notice = signal('');

  protected readonly code = new FormControl('', {
    nonNullable: true,
    validators: TOTP_CODE_VALIDATORS,
  });
  protected readonly password = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  /** For `ngSubmit` and Enter only. */
  protected readonly setupForm = new FormGroup({ code: this.code });
  protected readonly disableForm = new FormGroup({ password: this.password });
  protected readonly fieldErrorMessage = fieldErrorMessage;
  /** Each form has one field: its error shows under it and focus goes to it, without an error summary. */
  private readonly focusInvalidField = injectFocusInvalidField();

  protected startSetup(): void {
    this.run(this.api.startTotpSetup(), (setup) => {
      this.setup.set(setup);
      this.code.reset();
      this.mode.set('setup');
    });
  }

  protected confirmSetup(): void {
    if (this.code.invalid) {
      this.code.markAsTouched();
      this.focusInvalidField();
      return;
    }
    this.run(
      this.api.confirmTotp(this.code.value.replace(/\s+/g, '')),
      (result) => {
        this.codes.set(result.recoveryCodes);
        this.setup.set(null);
        this.mode.set('codes');
        this.refreshUser();
      },
      this.code,
    );
  }

  protected regenerateCodes(): void {
    this.run(this.api.regenerateRecoveryCodes(), (result) => {
      this.codes.set(result.recoveryCodes);
      this.mode.set('codes');
    });
  }

  protected askToDisable(): void {
    this.password.reset();
    this.error.set('');
    this.mode.set('disable');
  }

  protected disable(): void {
    if (this.password.invalid) {
      this.password.markAsTouched();
      this.focusInvalidField();
      return;
    }
    this.run(
      this.api.disableTotp(this.password.value).pipe(switchMap(() => this.api.getMe())),
      (me) => {
        this.session.updateUser(me);
        this.mode.set('idle');
        this.notice.set('La double authentification est désactivée.');
      },
      this.password,
    );
  }

  protected codesNoted(): void {
    this.codes.set([]);
    this.mode.set('idle');
    this.notice.set('La double authentification est active.');
  }

  protected cancel(): void {
    this.setup.set(null);
    this.error.set('');
    this.mode.set('idle');
  }

  private refreshUser(): void {
    this.api.getMe().subscribe({ next: (me) => this.session.updateUser(me), error: () => undefined });
  }

  private run<T>(action: Observable<T>, done: (value: T) => void, field?: FormControl<string>): void {
    if (this.busy()) {
      return;
    }
    this.error.set('');
    this.notice.set('');
    action.pipe(this.busy.track).subscribe({
      next: done,
      error: (error: unknown) => {
        const message = apiErrorMessage(error);
        const fieldErrors = (error as { error?: { errors?: Record<string, string> } }).error?.errors;
        if (field && (fieldErrors || (error as { status?: number }).status === 400)) {
          field.setErrors({ server: fieldErrors ? (Object.values(fieldErrors)[0] ?? message) : message });
          field.markAsTouched();
          this.focusInvalidField();
        } else {
          this.error.set(message);
        }
      },
    });
  }
}
