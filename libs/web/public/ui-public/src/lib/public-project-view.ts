import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import {
  ALLOWED_DOCUMENT_TYPES,
  FUNDER_LABELS,
  PROJECT_STATUS_LABELS,
  PROJECT_THEME_LABELS,
  type PublicDocumentDto,
  type PublicProjectDto,
} from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { LocationMap } from '@passerelle/web/shared/ui-map';
import {
  formatBytes,
  formatCalendarDay,
  formatDate,
  formatEuros,
  formatInhabitants,
  formatPercent,
  PARIS_TIME_ZONE,
} from '@passerelle/web/shared/util-format';
import { displayableUrl } from './displayable-url';
import { PublicPhotoGallery } from './public-photo-gallery';

type PublicFundingLine = NonNullable<PublicProjectDto['funding']>[number];

const yearFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TIME_ZONE, year: 'numeric' });

const LESSONS = [
  { key: 'problems', title: 'Les difficultés rencontrées' },
  { key: 'differently', title: 'Ce que nous ferions autrement' },
  { key: 'advice', title: 'Nos conseils aux autres communes' },
] as const;

/**
 * The public fiche of a published project, exactly as visitors see it. Used by the public page (`/projets/:slug`)
 * and by the département's review preview, which is why it does not load anything itself:
 *
 * - Headings: the title is an `h1` by default, the page owning no other; a page that already has its `h1` (the
 *   review page) sets `headingLevel` to 2 and every heading of the fiche moves down one level.
 * - Images: with `imageSrc` left `null` the API's addresses are used as they are (the public routes need no
 *   account). The preview, whose routes do need the token, passes a record from API address to `blob:` URL (see
 *   `ObjectUrls`) for the photos' `thumbnailUrl` and `contentUrl` and, optionally, the documents' `contentUrl`; a
 *   photo missing from it shows a placeholder, and a document missing from it becomes a button emitting
 *   `documentRequested` so that the page downloads it with the token.
 * - Map: the tile settings come from the page (`PublicConfig`), a presentational component loads no data.
 */
@Component({
  selector: 'pas-public-project-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, LocationMap, PublicPhotoGallery],
  templateUrl: './public-project-view.html',
  styleUrl: './public-project-view.scss',
})
export class PublicProjectView {
  protected readonly ofPlace = ofPlace;
  readonly project = input.required<PublicProjectDto>();
  /** `null`: the API's addresses as they are. Otherwise API address → displayable URL (`blob:`), see above. */
  readonly imageSrc = input<Readonly<Record<string, string>> | null>(null);
  /** Level of the title; sections are one level below. */
  readonly headingLevel = input<1 | 2>(1);
  readonly tileUrl = input<string | null>(null);
  readonly tileAttribution = input('');

  /** A document of the preview whose address is not in `imageSrc`: the page downloads it with the token. */
  readonly documentRequested = output<PublicDocumentDto>();

  protected readonly themeLabel = computed(() => PROJECT_THEME_LABELS[this.project().theme]);
  protected readonly statusLabel = computed(() => PROJECT_STATUS_LABELS[this.project().status]);
  /** As in the lists: the year the work ended, else the year of publication. */
  protected readonly year = computed(() => {
    const { endDate, publishedAt } = this.project();
    return endDate ? endDate.slice(0, 4) : yearFormat.format(new Date(publishedAt));
  });

  protected readonly lessons = computed(() => {
    const lessons = this.project().lessons;
    return LESSONS.map(({ key, title }) => ({ key, title, text: lessons[key].trim() })).filter((l) => l.text !== '');
  });

  protected readonly obtainedCents = computed(() =>
    (this.project().funding ?? []).reduce((sum, line) => sum + (line.amountObtainedCents ?? 0), 0),
  );
  /** Share of the final cost, or of the forecast while the final cost is unknown; `null` without either. */
  protected readonly share = computed(() => {
    const { finalCostCents, forecastCostCents } = this.project();
    const base = finalCostCents ?? forecastCostCents;
    if (!base) {
      return null;
    }
    return {
      label: finalCostCents ? 'Part du coût final' : 'Part du coût prévisionnel',
      value: formatPercent(this.obtainedCents() / base),
    };
  });

  protected readonly mapLabel = computed(() => `Localisation du projet « ${this.project().title} »`);

  protected readonly euros = formatEuros;
  protected readonly day = formatCalendarDay;
  protected readonly date = formatDate;
  protected readonly inhabitants = formatInhabitants;

  /** The displayable address of a document, `null` when the preview has not got it. */
  protected src(url: string): string | null {
    return displayableUrl(url, this.imageSrc());
  }

  protected funderLabel(line: PublicFundingLine): string {
    return line.funderName ? `${FUNDER_LABELS[line.funder]} — ${line.funderName}` : FUNDER_LABELS[line.funder];
  }

  protected documentType(document: PublicDocumentDto): string {
    return ALLOWED_DOCUMENT_TYPES[document.mimeType] ?? document.mimeType;
  }

  protected size(document: PublicDocumentDto): string {
    return formatBytes(document.sizeBytes);
  }
}
