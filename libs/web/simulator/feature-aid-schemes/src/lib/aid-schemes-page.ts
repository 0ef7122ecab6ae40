import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { type AidSchemeSummaryDto, PROJECT_THEME_LABELS, PROJECT_THEMES, type ProjectTheme } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { apiErrorMessage, formatCount } from '@passerelle/web/shared/util-format';
import { SimulatorApi } from '@passerelle/web/simulator/data-access';
import { funderText, ruleSummary, schemeKindText, versionPeriod } from './aid-scheme-labels';

interface SchemeGroup {
  id: string;
  title: string;
  hint: string | null;
  empty: string;
  schemes: AidSchemeSummaryDto[];
}

/**
 * `/departement/dispositifs` (agents and admins): the schemes the simulator applies, the département's own and the
 * national ones, each with its rule in force in words. A département's admins create and edit its own schemes; the
 * national ones are kept by the installation's admins.
 */
@Component({
  selector: 'pas-aid-schemes-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatFormFieldModule, MatProgressBarModule, MatSelectModule],
  templateUrl: './aid-schemes-page.html',
  styleUrl: './aid-schemes-page.scss',
})
export class AidSchemesPage {
  private readonly api = inject(SimulatorApi);
  private readonly session = inject(AuthSession);

  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly kindText = schemeKindText;
  protected readonly funder = funderText;
  protected readonly summary = ruleSummary;

  protected readonly isAdmin = computed(() => this.session.user()?.role === 'ADMIN');
  protected readonly theme = signal<ProjectTheme | null>(null);

  protected readonly schemes = rxResource({
    params: () => ({ theme: this.theme() }),
    stream: ({ params }) => this.api.listSchemes(params),
  });
  /** The département's schemes first (those an admin may edit), then the national ones. */
  protected readonly groups = computed<SchemeGroup[]>(() => {
    const list = this.schemes.value() ?? [];
    return [
      {
        id: 'schemes-own',
        title: 'Dispositifs du département',
        hint: this.isAdmin() ? 'Vous pouvez les modifier : chaque changement de règle crée une nouvelle version datée.' : null,
        empty: 'Aucun dispositif propre au département.',
        schemes: list.filter((scheme) => scheme.departementCode !== null),
      },
      {
        id: 'schemes-national',
        title: 'Dispositifs nationaux',
        hint: list.some((scheme) => scheme.departementCode === null && scheme.editable)
          ? 'Administrateur de l’installation, vous les tenez à jour pour tous les départements.'
          : 'Tenus à jour par les administrateurs de l’installation, en lecture seule.',
        empty: 'Aucun dispositif national.',
        schemes: list.filter((scheme) => scheme.departementCode === null),
      },
    ];
  });
  protected readonly countText = computed(() => {
    const list = this.schemes.value();
    if (!list) {
      return '';
    }
    const count = formatCount(list.length, 'dispositif');
    const theme = this.theme();
    return theme ? `${count} pour la thématique « ${PROJECT_THEME_LABELS[theme]} »` : count;
  });
  protected readonly loadError = computed(() => apiErrorMessage(this.schemes.error(), 'Les dispositifs n’ont pas pu être chargés.'));

  protected chooseTheme(value: ProjectTheme | ''): void {
    this.theme.set(value || null);
  }

  /** `En vigueur depuis le 01/01/2026`. */
  protected inForceText(scheme: AidSchemeSummaryDto): string {
    const current = scheme.current;
    if (!current) {
      return 'Aucune version en vigueur aujourd’hui';
    }
    const period = versionPeriod(current);
    return `En vigueur ${period.charAt(0).toLowerCase()}${period.slice(1)}`;
  }

  protected link(scheme: AidSchemeSummaryDto): string[] {
    return ['/departement/dispositifs', scheme.id];
  }

  protected editLink(scheme: AidSchemeSummaryDto): string[] {
    return ['/departement/dispositifs', scheme.id, 'modifier'];
  }
}
