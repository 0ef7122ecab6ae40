import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { ThreadsApi } from '@passerelle/web/threads/data-access';
import { CommuneFilePanel } from '@passerelle/web/threads/ui-commune-file';

/** `/departement/communes/:insee`: the commune's whole file, the same panel as beside a thread, full width. */
@Component({
  selector: 'pas-commune-file-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, CommuneFilePanel],
  template: `
    <p class="back"><a routerLink="/departement">← Questions des communes</a></p>
    @if (file.hasValue()) {
      <p class="kicker">Dossier de la commune</p>
      <h1>{{ file.value().commune.name }}</h1>
      <p class="tools">
        <a mat-stroked-button routerLink="/departement/simulateur" [queryParams]="{ commune: file.value().commune.insee }">
          Simuler les aides pour cette commune
        </a>
      </p>
      <pas-commune-file-panel [file]="file.value()" [fullFileLink]="false" />
    } @else if (file.error()) {
      <h1>Dossier de la commune</h1>
      <div class="error" role="alert">
        <p>{{ loadError() }}</p>
        @if (notFound()) {
          <a mat-flat-button routerLink="/departement">Retour aux questions des communes</a>
        } @else {
          <button mat-flat-button type="button" (click)="file.reload()">Réessayer</button>
        }
      </div>
    } @else {
      <h1>Dossier de la commune</h1>
      <mat-progress-bar mode="indeterminate" aria-label="Chargement du dossier de la commune" />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .back {
      margin: 0 0 8px;
    }
    .kicker {
      margin: 0;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 4px 0 16px;
    }
    .tools {
      margin: 0 0 16px;
    }
    .error {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      p {
        margin: 0 0 8px;
      }
    }
  `,
})
export class CommuneFilePage {
  /** From the route. */
  readonly insee = input.required<string>();

  private readonly api = inject(ThreadsApi);
  private readonly title = inject(Title);

  protected readonly file = rxResource({
    params: () => this.insee(),
    stream: ({ params }) => this.api.communeFile(params),
  });
  protected readonly loadError = computed(() =>
    apiErrorMessage(
      this.file.error(),
      'Impossible de charger le dossier de la commune. Vérifiez l’adresse ou réessayez dans quelques instants.',
    ),
  );

  /** A commune of another département answers 404 too: nothing to retry then. */
  protected readonly notFound = computed(() => (this.file.error() as { status?: unknown } | undefined)?.status === 404);

  constructor() {
    // The route's title is generic; the tab and screen readers should name the commune once it is known.
    effect(() => {
      if (this.file.hasValue()) {
        this.title.setTitle(`${this.file.value().commune.name} — Dossier de la commune — Passerelle`);
      }
    });
  }
}
