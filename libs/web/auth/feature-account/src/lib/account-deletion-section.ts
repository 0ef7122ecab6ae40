import { Location } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { COMMUNE_ROLES, DELETED_AGENT_LABEL, DELETED_MEMBER_LABEL } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { AccountDeletionApi, PrivacyNoticeApi } from '@passerelle/web/privacy/data-access';
import { fieldErrorMessage, injectFocusInvalidField, showServerErrors } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { catchError, map, of, switchMap } from 'rxjs';

/** Where the user lands once the deletion is asked for (the session is over by then). */
export const DELETION_REQUESTED_PATH = '/suppression-du-compte';

/**
 * « Supprimer mon compte » (RGPD right to erasure): what happens in plain words, then the password to confirm. The
 * account is disabled at once and deleted after the grace period (the public notice's), signing in again cancels;
 * the session ends here and the user lands on a page that says when and how to change their mind.
 */
@Component({
  selector: 'pas-account-deletion-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  host: { role: 'region', 'aria-labelledby': 'deletion-title' },
  template: `
    <h2 id="deletion-title">Supprimer mon compte</h2>
    <ul class="consequences">
      <li>Votre compte est désactivé aussitôt, et vous êtes déconnecté de tous vos appareils.</li>
      <li>
        Il est supprimé définitivement {{ delayText() }}. D’ici là, il vous suffit de vous reconnecter pour annuler la
        suppression.
      </li>
      <li>
        Votre nom, votre adresse électronique, vos sessions, votre double authentification, vos préférences et vos
        notifications sont alors effacés.
      </li>
      <li>
        Ce que vous avez écrit pour {{ keptFor() }} (messages, documents, historique) reste, sous la mention
        «&nbsp;{{ deletedLabel() }}&nbsp;».
      </li>
      <li>
        Pensez à <a [href]="dataUrl" (click)="goToData($event)">télécharger vos données</a> avant de supprimer votre
        compte.
      </li>
    </ul>

    @if (!confirming()) {
      <div class="actions">
        <button
          #openButton
          mat-stroked-button
          type="button"
          class="danger"
          (click)="open()"
        >
          Supprimer mon compte…
        </button>
      </div>
    } @else {
      <form id="deletion-form" [formGroup]="form" (ngSubmit)="submit()" novalidate aria-labelledby="deletion-confirm-title">
        <h3 id="deletion-confirm-title">Confirmer la suppression de votre compte</h3>
        <p>Saisissez votre mot de passe pour confirmer.</p>
        <mat-form-field appearance="outline">
          <mat-label>Mot de passe</mat-label>
          <input
            #passwordInput
            matInput
            type="password"
            id="deletion-password"
            formControlName="password"
            autocomplete="current-password"
            required
          />
          <mat-error>{{ fieldErrorMessage(form.controls.password) }}</mat-error>
        </mat-form-field>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <div class="actions">
          <button mat-flat-button type="submit" class="danger" [disabled]="deleting()">Supprimer mon compte</button>
          <button mat-button type="button" [disabled]="deleting()" (click)="close()">Annuler</button>
        </div>
        <div class="progress">
          @if (deleting()) {
            <mat-progress-bar mode="indeterminate" aria-label="Suppression en cours" />
          }
        </div>
      </form>
    }
  `,
  styleUrl: './_account-section.scss',
  styles: `
    .consequences {
      max-width: 68ch;
      padding-inline-start: 20px;

      li + li {
        margin-top: 4px;
      }
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 0;
    }
    .danger.mat-mdc-unelevated-button:not(:disabled) {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
    .danger.mat-mdc-outlined-button:not(:disabled) {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
      --mat-button-outlined-outline-color: var(--mat-sys-error);
    }
  `,
})
export class AccountDeletionSection {
  private readonly session = inject(AuthSession);
  private readonly api = inject(AccountDeletionApi);
  private readonly notices = inject(PrivacyNoticeApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  /** The grace period of this installation; the text stays true without it (the page never fails for it). */
  private readonly graceDays = rxResource({
    stream: () =>
      this.notices.notice().pipe(
        map((notice): number | null => notice.deletionGraceDays),
        catchError(() => of(null)),
      ),
    defaultValue: null,
  });
  protected readonly delayText = computed(() => {
    const days = this.graceDays.value();
    return days === null ? 'après un délai de grâce' : `${days} jour${days > 1 ? 's' : ''} plus tard`;
  });
  private readonly communeMember = computed(() => {
    const role = this.session.role();
    return role !== null && COMMUNE_ROLES.includes(role);
  });
  protected readonly deletedLabel = computed(() => (this.communeMember() ? DELETED_MEMBER_LABEL : DELETED_AGENT_LABEL));
  protected readonly keptFor = computed(() => (this.communeMember() ? 'votre commune ou le département' : 'le département ou les communes'));

  /** The page's own address: a bare `#mes-donnees` would resolve against `<base href>`, to the home page. */
  protected readonly dataUrl = `${inject(Location).prepareExternalUrl('/compte')}#mes-donnees`;
  protected readonly confirming = signal(false);
  protected readonly form = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly deleting = busyFlag();
  protected readonly error = signal('');
  protected readonly fieldErrorMessage = fieldErrorMessage;
  private readonly focusInvalidField = injectFocusInvalidField();

  /** Read as an element: `#openButton` on a Material button would give the button component. */
  private readonly openButton = viewChild('openButton', { read: ElementRef<HTMLButtonElement> });
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('passwordInput');

  protected open(): void {
    this.confirming.set(true);
    afterNextRender(() => this.passwordInput()?.nativeElement.focus(), { injector: this.injector });
  }

  protected close(): void {
    this.confirming.set(false);
    this.form.reset();
    this.error.set('');
    afterNextRender(() => this.openButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected goToData(event: MouseEvent): void {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    const target = this.document.getElementById('mes-donnees');
    target?.scrollIntoView();
    target?.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
  }

  protected submit(): void {
    if (this.deleting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusInvalidField();
      return;
    }
    this.error.set('');
    this.api
      .requestOwn(this.form.controls.password.value)
      .pipe(
        this.deleting.track,
        // The account is disabled: this session is over too.
        switchMap((deletion) => this.session.logout().pipe(map(() => deletion))),
      )
      .subscribe({
        next: (deletion) => void this.router.navigate([DELETION_REQUESTED_PATH], { queryParams: { date: deletion.dueAt } }),
        error: (error: unknown) => {
          // A wrong password comes back like on the password form: under the field.
          if (showServerErrors(this.form, error, { currentPassword: 'password' })) {
            this.focusInvalidField();
          } else {
            // The last mayor of a commune, the last admin of a département (409): the API says what to do first.
            this.error.set(apiErrorMessage(error));
          }
        },
      });
  }
}
