import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  Injector,
  input,
  type OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { AuthenticatedResponse, DemoAccountDto, TotpSetupDto } from '@passerelle/shared/dto';
import { AuthSession, homeOf, safeReturnUrl } from '@passerelle/web/auth/data-access';
import { RecoveryCodesPanel, TOTP_CODE_VALIDATORS, TotpCodeField, TotpSetupPanel } from '@passerelle/web/auth/ui-second-factor';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorMessage,
  formErrorItems,
  injectFocusInvalidField,
} from '@passerelle/web/shared/ui-material';
import { apiErrorCode, apiErrorMessage } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { catchError, map, of } from 'rxjs';

type Step = 'credentials' | 'totp' | 'enrolment' | 'recovery-codes';

/** Messages the pages that send users here can ask for (`?info=`). */
const NOTICES: Record<string, string> = {
  'compte-cree': 'Votre compte est créé. Connectez-vous avec votre adresse électronique et le mot de passe choisi.',
  'mot-de-passe-modifie': 'Votre mot de passe est modifié. Connectez-vous avec le nouveau.',
};

/**
 * Answers after which the second-factor step cannot go on: the challenge is dead (too late, or 5 wrong codes), or
 * sign-in to the account is suspended for a while (too many failures). Back to the password, with the API's words.
 */
const RESTART_CODES = new Set(['CHALLENGE_EXPIRED', 'LOGIN_LOCKED']);

/**
 * `/connexion`: e-mail and password, then the second factor when the account has one (a code of the app or a
 * recovery code), or its enrolment for département staff who have none yet. Then on to `retour` when it is a page of
 * this app, else to the user's area.
 */
@Component({
  selector: 'pas-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TotpSetupPanel,
    RecoveryCodesPanel,
    TotpCodeField,
    ErrorSummary,
  ],
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
})
export class SignInPage implements OnInit {
  /** Query parameters (router input binding). */
  readonly retour = input<string>();
  readonly email = input<string>();
  readonly info = input<string>();

  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly publicConfig = inject(PublicConfig);

  protected readonly step = signal<Step>('credentials');
  protected readonly submitting = busyFlag();
  protected readonly error = signal('');
  protected readonly useRecoveryCode = signal(false);
  protected readonly passwordShown = signal(false);
  protected readonly setup = signal<TotpSetupDto | null>(null);
  protected readonly recoveryCodes = signal<string[]>([]);
  private challengeToken = '';

  protected readonly notice = computed(() => {
    const info = this.info();
    if (info && NOTICES[info]) {
      return NOTICES[info];
    }
    return this.retour() ? 'Connectez-vous pour accéder à cette page.' : '';
  });

  /** The demo accounts, in demo mode only; a failure here must not hide the form. */
  protected readonly demoAccounts = rxResource({
    stream: () =>
      this.publicConfig.load().pipe(
        map((config): DemoAccountDto[] => (config.demoMode ? (config.demoAccounts ?? []) : [])),
        catchError(() => of<DemoAccountDto[]>([])),
      ),
    defaultValue: [],
  });

  protected readonly credentials = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly totpCode = new FormControl('', {
    nonNullable: true,
    validators: TOTP_CODE_VALIDATORS,
  });
  protected readonly recoveryCode = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  protected readonly enrolmentCode = new FormControl('', {
    nonNullable: true,
    validators: TOTP_CODE_VALIDATORS,
  });
  /** Only for `ngSubmit` and Enter; each step checks its own field. */
  protected readonly totpForm = new FormGroup({ code: this.totpCode, recoveryCode: this.recoveryCode });
  protected readonly enrolmentForm = new FormGroup({ code: this.enrolmentCode });
  protected readonly fieldErrorMessage = fieldErrorMessage;
  /** The credentials to correct, listed above the form after a failed submit. */
  protected readonly errorSummary = signal<ErrorSummaryItem[]>([]);
  /** The code steps have one field: its error shows under it and focus goes to it, without a summary. */
  private readonly focusInvalidField = injectFocusInvalidField();

  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('passwordInput');

  ngOnInit(): void {
    const email = this.email();
    if (email) {
      this.credentials.controls.email.setValue(email);
    }
  }

  protected submitCredentials(): void {
    if (this.submitting()) {
      return;
    }
    this.errorSummary.set([]);
    if (this.credentials.invalid) {
      this.credentials.markAllAsTouched();
      this.errorSummary.set(formErrorItems(this.credentials, { prefix: 'sign-in' }));
      return;
    }
    const { email, password } = this.credentials.getRawValue();
    this.begin();
    this.session
      .login(email.trim(), password)
      .pipe(this.submitting.track)
      .subscribe({
        next: (response) => {
          switch (response.status) {
            case 'AUTHENTICATED':
              this.leave(response);
              break;
            case 'TOTP_REQUIRED':
              this.challengeToken = response.challengeToken;
              this.goTo('totp');
              break;
            case 'TOTP_ENROLMENT_REQUIRED':
              this.challengeToken = response.challengeToken;
              this.goTo('enrolment');
              this.startEnrolment();
              break;
          }
        },
        error: (error: unknown) => this.error.set(apiErrorMessage(error)),
      });
  }

  protected submitTotp(): void {
    const control = this.useRecoveryCode() ? this.recoveryCode : this.totpCode;
    if (this.submitting()) {
      return;
    }
    if (control.invalid) {
      control.markAsTouched();
      this.focusInvalidField();
      return;
    }
    this.begin();
    this.session
      .loginWithTotp(this.challengeToken, control.value.replace(/\s+/g, ''))
      .pipe(this.submitting.track)
      .subscribe({
        next: (response) => this.leave(response),
        error: (error: unknown) => this.secondFactorFailed(error, control),
      });
  }

  protected toggleRecoveryCode(): void {
    this.useRecoveryCode.update((value) => !value);
    this.error.set('');
  }

  protected startEnrolment(): void {
    this.begin();
    this.session
      .startEnrolment(this.challengeToken)
      .pipe(this.submitting.track)
      .subscribe({
        next: (setup) => this.setup.set(setup),
        error: (error: unknown) => this.secondFactorFailed(error, null),
      });
  }

  protected confirmEnrolment(): void {
    if (this.submitting()) {
      return;
    }
    if (this.enrolmentCode.invalid) {
      this.enrolmentCode.markAsTouched();
      this.focusInvalidField();
      return;
    }
    this.begin();
    this.session
      .confirmEnrolment(this.challengeToken, this.enrolmentCode.value.replace(/\s+/g, ''))
      .pipe(this.submitting.track)
      .subscribe({
        next: (response) => {
          this.recoveryCodes.set(response.recoveryCodes);
          this.goTo('recovery-codes');
        },
        error: (error: unknown) => this.secondFactorFailed(error, this.enrolmentCode),
      });
  }

  protected codesNoted(): void {
    const user = this.session.user();
    if (user) {
      void this.router.navigateByUrl(safeReturnUrl(this.retour()) ?? homeOf(user.role));
    }
  }

  protected useDemoAccount(account: DemoAccountDto): void {
    this.credentials.controls.email.setValue(account.email);
    this.credentials.controls.email.markAsTouched();
    this.passwordInput()?.nativeElement.focus();
  }

  /** Back to the first step, the e-mail kept: the challenge of the password step has expired. */
  protected restart(message = ''): void {
    this.challengeToken = '';
    this.setup.set(null);
    this.totpCode.reset();
    this.recoveryCode.reset();
    this.enrolmentCode.reset();
    this.useRecoveryCode.set(false);
    this.credentials.controls.password.reset();
    this.errorSummary.set([]);
    this.goTo('credentials');
    this.error.set(message);
  }

  private secondFactorFailed(error: unknown, control: FormControl<string> | null): void {
    const message = apiErrorMessage(error);
    if (RESTART_CODES.has(apiErrorCode(error) ?? '')) {
      this.restart(message);
      return;
    }
    if (control && (error as { status?: number }).status === 401) {
      control.setErrors({ server: message });
      control.markAsTouched();
      this.focusInvalidField();
      return;
    }
    this.error.set(message);
  }

  private leave(response: AuthenticatedResponse): void {
    void this.router.navigateByUrl(safeReturnUrl(this.retour()) ?? homeOf(response.user.role));
  }

  private begin(): void {
    this.error.set('');
  }

  /** Each step has its own heading; focus moves to it so that screen readers announce the new step. */
  private goTo(step: Step): void {
    this.step.set(step);
    afterNextRender(() => this.heading()?.nativeElement.focus(), { injector: this.injector });
  }
}
