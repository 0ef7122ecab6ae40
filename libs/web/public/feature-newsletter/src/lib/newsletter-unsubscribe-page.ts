import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { NewsletterApi } from '@passerelle/web/public/data-access';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { map } from 'rxjs';

/**
 * `/lettre/desabonnement/:token`: the link of every letter. Following it is the one click: the page unsubscribes as
 * it opens (a POST, so that a mail scanner fetching the link's page does not), then says so.
 */
@Component({
  selector: 'pas-newsletter-unsubscribe-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule],
  template: `
    <h1>Désinscription de la lettre d’information</h1>
    <div role="status">
      @if (result.hasValue()) {
        <p class="done">Vous êtes désinscrit&nbsp;: vous ne recevrez plus cette lettre. Votre adresse a été effacée.</p>
      }
    </div>
    @if (result.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Désinscription en cours" />
    } @else if (result.error()) {
      <div class="error" role="alert">
        <p>{{ errorText() }}</p>
        <button mat-stroked-button type="button" (click)="result.reload()">Réessayer</button>
      </div>
    }
    @if (!result.isLoading()) {
      <p>Vous avez changé d’avis&nbsp;? <a routerLink="/lettre">S’inscrire de nouveau</a></p>
    }
  `,
  styleUrl: './newsletter.scss',
})
export class NewsletterUnsubscribePage {
  /** From the route. */
  readonly token = input.required<string>();

  private readonly api = inject(NewsletterApi);

  protected readonly result = rxResource({
    params: () => this.token(),
    stream: ({ params }) => this.api.unsubscribe(params).pipe(map(() => true)),
  });
  protected readonly errorText = computed(() =>
    apiErrorMessage(this.result.error(), 'La désinscription n’a pas abouti. Réessayez dans quelques instants.'),
  );
}
