import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { OPEN_DATA_COLUMNS, OPEN_DATA_LICENCE, PROJECT_THEME_LABELS, PROJECT_THEMES } from '@passerelle/shared/dto';
import { PublicProjectsApi } from '@passerelle/web/public/data-access';
import { API_BASE_URL, PublicConfig } from '@passerelle/web/shared/data-access';
import { formatCount } from '@passerelle/web/shared/util-format';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { map, switchMap } from 'rxjs';
import { PageToc, type TocEntry } from './page-toc';

/** `/donnees-ouvertes`: the open data of the published projects, its licence, columns and formats, and the API. */
@Component({
  selector: 'pas-open-data-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, PageToc],
  templateUrl: './open-data-page.html',
  styleUrls: ['./content-page.scss', './open-data-page.scss'],
})
export class OpenDataPage {
  private readonly projects = inject(PublicProjectsApi);
  private readonly territory = inject(TerritoryApi);
  private readonly publicConfig = inject(PublicConfig);

  protected readonly urls = this.projects.openDataUrls();
  protected readonly apiUrl = inject(API_BASE_URL);
  protected readonly licence = OPEN_DATA_LICENCE;
  /** Each name with a line-break opportunity after its underscores, so that the table fits a phone. */
  protected readonly columns = OPEN_DATA_COLUMNS.map((column) => ({ ...column, parts: column.name.split(/(?<=_)/) }));
  protected readonly themes = PROJECT_THEMES.map((code) => ({ code, label: PROJECT_THEME_LABELS[code] }));

  protected readonly toc: readonly TocEntry[] = [
    { id: 'telecharger', label: 'Télécharger' },
    { id: 'donnees', label: 'Les données' },
    { id: 'licence', label: 'Licence' },
    { id: 'colonnes', label: 'Description des colonnes' },
    { id: 'format', label: 'Format des fichiers' },
    { id: 'donnees-personnelles', label: 'Données personnelles' },
    { id: 'developpeurs', label: 'Pour les développeurs' },
  ];

  private readonly total = rxResource({ stream: () => this.projects.list({ limit: 1 }).pipe(map((page) => page.total)) });
  protected readonly totalText = computed(() =>
    this.total.hasValue() ? `${formatCount(this.total.value(), 'projet publié', 'projets publiés')} à ce jour.` : '',
  );

  private readonly departement = rxResource({
    stream: () =>
      this.publicConfig.load().pipe(
        switchMap((config) => this.territory.getDepartement(config.defaultDepartementCode)),
        map((departement) => departement.name),
      ),
  });
  /** How a reuser cites the data; the département's name once known. */
  protected readonly source = computed(() =>
    this.departement.hasValue() ? `Passerelle — Département ${this.departement.value()}` : 'Passerelle — Département',
  );
}
