import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { OPEN_DATA_LICENCE } from '@passerelle/shared/dto';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { PageToc, type TocEntry } from './page-toc';

/** The background tiles of the maps, when the installation has some: who serves them and how to credit them. */
export interface TileSource {
  host: string;
  attribution: string;
}

/** `null` without tiles; the attribution as plain text (Leaflet attributions may hold links). */
export function tileSource(tileUrl: string | null, attribution: string): TileSource | null {
  if (!tileUrl) {
    return null;
  }
  let host: string;
  try {
    host = new URL(tileUrl.replace(/\{[a-z]\}/gi, '0')).host;
  } catch {
    return null;
  }
  return { host, attribution: attribution.replace(/<[^>]*>/g, '').trim() };
}

/** `/mentions-legales`: publisher, hosting, personal data, cookies, licence of the data, credits. */
@Component({
  selector: 'pas-legal-notice-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PageToc],
  templateUrl: './legal-notice-page.html',
  styleUrl: './content-page.scss',
})
export class LegalNoticePage {
  private readonly publicConfig = inject(PublicConfig);
  private readonly config = rxResource({ stream: () => this.publicConfig.load() });
  protected readonly tiles = computed(() =>
    this.config.hasValue() ? tileSource(this.config.value().tileUrl, this.config.value().tileAttribution) : null,
  );
  protected readonly licence = OPEN_DATA_LICENCE;

  protected readonly toc: readonly TocEntry[] = [
    { id: 'editeur', label: 'Éditeur' },
    { id: 'hebergement', label: 'Hébergement' },
    { id: 'donnees-personnelles', label: 'Données personnelles' },
    { id: 'cookies', label: 'Cookies' },
    { id: 'licence', label: 'Licence des données publiées' },
    { id: 'cartes', label: 'Cartes' },
    { id: 'credits', label: 'Crédits' },
  ];
}
