import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { EMAIL_MODE_LABELS, NOTIFICATION_KIND_LABELS, type UnsubscribeResultDto } from '@passerelle/shared/dto';
import { NotificationsApi } from '@passerelle/web/notifications/data-access';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';

/**
 * `/desabonnement/:token`, the link at the bottom of the e-mails; no sign-in needed. Opening it changes nothing
 * (mail scanners follow links): the page says what the link is about, and the user confirms with the button.
 */
@Component({
  selector: 'pas-unsubscribe-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButton, MatProgressBar],
  template: `
    <section class="card" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">Se désabonner des courriels</h1>

      @if (done(); as result) {
        <div class="notice" role="status" tabindex="-1" #confirmation>
          <p class="lead">
            C’est fait&nbsp;: vous ne recevrez plus de courriels pour «&nbsp;{{ labelOf(result) }}&nbsp;».
          </p>
          <p>Vous continuerez de les voir dans Passerelle, sur la page Notifications.</p>
        </div>
        <p>Vous pouvez changer d’avis à tout moment et choisir chaque type de courriel depuis votre compte.</p>
        <p><a routerLink="/compte">Gérer toutes mes préférences de notification</a></p>
      } @else if (invalid()) {
        <p class="error" role="alert">Ce lien de désabonnement n’est pas valide ou a expiré.</p>
        <p>
          Vérifiez que l’adresse est complète (certaines messageries coupent les liens longs), ou choisissez les
          courriels que vous recevez depuis votre compte.
        </p>
        <p><a routerLink="/compte">Gérer mes préférences de notification</a></p>
      } @else if (link.error()) {
        <p class="error" role="alert">{{ loadError() }}</p>
        <button mat-stroked-button type="button" (click)="link.reload()">Réessayer</button>
      } @else if (link.value(); as current) {
        @if (current.email === 'NONE') {
          <p class="notice" role="status">
            Vous ne recevez déjà plus de courriels pour «&nbsp;{{ labelOf(current) }}&nbsp;».
          </p>
          <p><a routerLink="/compte">Gérer toutes mes préférences de notification</a></p>
        } @else {
          <p>Ce lien arrête les courriels suivants&nbsp;:</p>
          <p class="kind">{{ labelOf(current) }}</p>
          <p class="hint">
            Aujourd’hui&nbsp;: {{ modeLabel(current) }}. Les notifications resteront visibles dans Passerelle.
          </p>
          @if (error()) {
            <p class="error" role="alert">{{ error() }}</p>
          }
          <div class="actions">
            <button mat-flat-button type="button" [disabled]="submitting()" (click)="unsubscribe()">
              Ne plus recevoir ces courriels
            </button>
            <a routerLink="/compte">Choisir dans mon compte</a>
          </div>
        }
      }

      <div class="progress">
        @if (link.isLoading() || submitting()) {
          <mat-progress-bar
            mode="indeterminate"
            [attr.aria-label]="submitting() ? 'Désabonnement en cours' : 'Vérification du lien'"
          />
        }
      </div>
    </section>
  `,
  styles: `
    :host {
      display: block;
      max-width: 34rem;
      margin: 0 auto;
    }
    .card {
      padding: 24px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);

      @media (max-width: 599.98px) {
        padding: 16px;
      }
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0 0 16px;
    }
    p {
      font: var(--mat-sys-body-large);
    }
    .kind {
      font: var(--mat-sys-title-medium);
      padding-inline-start: 12px;
      border-inline-start: 4px solid var(--mat-sys-primary);
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px 24px;
      margin-top: 16px;
    }
    .progress {
      height: 4px;
      margin-top: 16px;
    }
    .notice {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);

      p {
        margin: 0;
      }
      .lead {
        font: var(--mat-sys-title-medium);
        margin-bottom: 4px;
      }
    }
    .error {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class UnsubscribePage {
  private readonly api = inject(NotificationsApi);

  /** Route parameter: the signed token of the e-mail's link. */
  readonly token = input.required<string>();

  protected readonly link = rxResource({
    params: () => this.token(),
    stream: ({ params }) => this.api.describeUnsubscribe(params),
  });
  protected readonly done = signal<UnsubscribeResultDto | null>(null);
  protected readonly submitting = busyFlag();
  protected readonly error = signal('');
  /** The API refused the token itself (altered, truncated, or of a deleted account), when reading or confirming. */
  private readonly refused = signal(false);

  protected readonly invalid = computed(() => this.refused() || isRefusal(this.link.error()));
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.link.error(), 'Impossible de vérifier le lien pour le moment.'),
  );

  private readonly confirmation = viewChild<ElementRef<HTMLElement>>('confirmation');

  constructor() {
    // The button that was focused has gone: bring keyboard and screen reader users to the outcome.
    effect(() => this.confirmation()?.nativeElement.focus());
  }

  protected labelOf(result: UnsubscribeResultDto): string {
    return result.label || NOTIFICATION_KIND_LABELS[result.kind];
  }

  protected modeLabel(result: UnsubscribeResultDto): string {
    return EMAIL_MODE_LABELS[result.email].toLowerCase();
  }

  protected unsubscribe(): void {
    if (this.submitting()) {
      return;
    }
    this.error.set('');
    this.api
      .unsubscribe(this.token())
      .pipe(this.submitting.track)
      .subscribe({
        next: (result) => this.done.set(result),
        error: (error: unknown) => {
          if (isRefusal(error)) {
            this.refused.set(true);
          } else {
            this.error.set(
              apiErrorMessage(error, 'Le désabonnement n’a pas abouti. Réessayez dans quelques instants.'),
            );
          }
        },
      });
  }
}

/** A 4xx answer: the token is wrong, and trying again will not help (unlike a network or server failure). */
function isRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
}
