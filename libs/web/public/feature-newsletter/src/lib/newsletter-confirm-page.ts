import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { NEWSLETTER_FREQUENCY_LABELS } from '@passerelle/shared/dto';
import { NewsletterApi } from '@passerelle/web/public/data-access';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';

/** `/lettre/confirmation/:token`: the link of the confirmation e-mail; the subscription exists from here on. */
@Component({
  selector: 'pas-newsletter-confirm-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatProgressBarModule],
  template: `
    <h1>Confirmation de votre inscription</h1>
    <div role="status">
      @if (confirmation.hasValue()) {
        @let c = confirmation.value();
        <div class="done">
          <p>
            {{ c.created ? 'C’est fait : votre inscription est confirmée.' : 'Cette inscription était déjà confirmée.' }}
          </p>
          <p>
            L’adresse <strong>{{ c.email }}</strong> recevra {{ c.scopeLabel }},
            {{ frequencyLabel().toLowerCase() }}.
          </p>
        </div>
      }
    </div>
    @if (confirmation.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Confirmation en cours" />
    } @else if (confirmation.error()) {
      <div class="error" role="alert">
        <p>{{ errorText() }}</p>
      </div>
      <p><a routerLink="/lettre">S’inscrire de nouveau</a></p>
    }
    <p class="links">
      <a routerLink="/projets-du-departement">Projets du Département</a>
      <a routerLink="/carte">Carte des projets</a>
    </p>
  `,
  styleUrl: './newsletter.scss',
})
export class NewsletterConfirmPage {
  /** From the route. */
  readonly token = input.required<string>();

  private readonly api = inject(NewsletterApi);

  protected readonly confirmation = rxResource({
    params: () => this.token(),
    stream: ({ params }) => this.api.confirm(params),
  });
  protected readonly frequencyLabel = computed(() =>
    this.confirmation.hasValue() ? NEWSLETTER_FREQUENCY_LABELS[this.confirmation.value().frequency] : '',
  );
  /** The API's French message (expired or unknown link), else a generic one. */
  protected readonly errorText = computed(() => {
    const error = this.confirmation.error() as { error?: { message?: unknown } } | undefined;
    const message = error?.error?.message;
    return typeof message === 'string' && message.trim()
      ? message
      : apiErrorMessage(error, 'Ce lien de confirmation n’a pas pu être vérifié. Réessayez plus tard.');
  });
}
