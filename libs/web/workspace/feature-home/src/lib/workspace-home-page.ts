import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { TeamApi } from '@passerelle/web/workspace/data-access';
import { seatsText } from '@passerelle/web/workspace/ui-team';

/** `/espace`: the commune's dashboard. Projects and questions come next; the team is here already. */
@Component({
  selector: 'lib-workspace-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule],
  template: `
    <p class="kicker">Espace commune</p>
    <h1>{{ commune()?.name }}</h1>
    @if (user(); as current) {
      <p class="welcome">Bonjour {{ current.displayName }}.</p>
    }

    <div class="cards">
      <section class="card" aria-labelledby="team-title">
        <h2 id="team-title">Mon équipe</h2>
        @if (team.isLoading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Chargement de l'équipe" />
        } @else if (team.error()) {
          <p class="error" role="alert">{{ teamError() }}</p>
        } @else if (team.hasValue()) {
          <p class="seats">{{ seats() }}</p>
          <p class="hint">Le maire et jusqu'à trois collaborateurs travaillent dans cet espace.</p>
        }
        <a mat-flat-button routerLink="/espace/equipe">{{ isMayor() ? "Gérer l'équipe" : "Voir l'équipe" }}</a>
      </section>

      <section class="card" aria-labelledby="soon-title">
        <h2 id="soon-title">Bientôt dans cet espace</h2>
        <ul>
          <li>les fiches projet de la commune&nbsp;: avancement, coûts, financements&nbsp;;</li>
          <li>les questions aux agents du département&nbsp;;</li>
          <li>le simulateur d'aides&nbsp;;</li>
          <li>la publication des projets terminés, avec l'accord du maire.</li>
        </ul>
      </section>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .kicker {
      margin: 0;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      text-transform: uppercase;
      letter-spacing: 0.05em;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 4px 0 8px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 12px;
    }
    .welcome,
    li {
      font: var(--mat-sys-body-large);
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
      gap: 24px;
      margin-top: 24px;
    }
    .card {
      padding: 20px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .seats {
      font: var(--mat-sys-headline-small);
      margin: 0 0 4px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class WorkspaceHomePage {
  private readonly session = inject(AuthSession);
  private readonly api = inject(TeamApi);

  protected readonly user = this.session.user;
  protected readonly commune = computed(() => this.session.user()?.commune ?? null);
  protected readonly isMayor = computed(() => this.session.role() === 'MAYOR');
  protected readonly team = rxResource({
    params: () => this.commune()?.insee,
    stream: ({ params }) => this.api.getTeam(params),
  });
  protected readonly seats = computed(() => (this.team.hasValue() ? seatsText(this.team.value().seats) : ''));
  protected readonly teamError = computed(() => apiErrorMessage(this.team.error(), 'Impossible de charger l’équipe.'));
}
