import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { OPEN_DATA_LICENCE } from '@passerelle/shared/dto';
import { IndicatorsApi } from '@passerelle/web/indicators/data-access';
import {
  DurationFigureView,
  FigureCard,
  formatElapsedDuration,
  formatPeriod,
  formatShare,
  formatWorkingDuration,
  officeDayMs,
  OpinionFigureView,
  VolumesView,
} from '@passerelle/web/indicators/ui-indicators';
import { apiErrorMessage, describeOfficeHours, formatCount } from '@passerelle/web/shared/util-format';

/** The order of the definitions on the page; the API sends the public ones only. */
const DEFINITION_ORDER = ['firstResponse', 'withinTarget', 'volumes', 'satisfaction', 'effort', 'percentiles'];

/**
 * `/indicateurs` (everyone): how fast the département answers its communes over the last 30 days — median and 90th
 * percentile, share within the target, weekly volumes, satisfaction and effort — with their definitions and the same
 * figures as open data. No figure per agent or per commune: the API sends none.
 */
@Component({
  selector: 'pas-public-indicators-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, DurationFigureView, FigureCard, OpinionFigureView, VolumesView],
  templateUrl: './public-indicators-page.html',
  styleUrl: './public-indicators-page.scss',
})
export class PublicIndicatorsPage {
  private readonly api = inject(IndicatorsApi);

  protected readonly figures = rxResource({ stream: () => this.api.publicFigures() });
  protected readonly errorText = computed(() => (this.figures.error() ? apiErrorMessage(this.figures.error()) : null));
  protected readonly urls = computed(() => this.api.publicUrls(this.figures.hasValue() ? this.figures.value().departementCode : undefined));
  protected readonly definitions = computed(() => {
    const definitions = this.figures.hasValue() ? this.figures.value().definitions : {};
    return DEFINITION_ORDER.flatMap((key) => (definitions[key] ? [definitions[key]] : []));
  });
  private readonly officeHours = computed(() => (this.figures.hasValue() ? this.figures.value().officeHours : []));
  /** The office day, in which working time counts its days (`2 j 3 h`). */
  protected readonly dayMs = computed(() => officeDayMs(this.officeHours()) || null);
  /** How working time is counted, written from the département's office hours. */
  protected readonly workingTimeText = computed(() => {
    const dayMs = this.dayMs();
    return dayMs
      ? `Le temps ouvré compte les jours ouvrés (du lundi au vendredi, hors jours fériés) ${describeOfficeHours(this.officeHours())}, ` +
          `heure de Paris\u00a0; un jour ouvré compte ${formatWorkingDuration(dayMs)}.`
      : null;
  });
  protected readonly licenceUrl = OPEN_DATA_LICENCE.url;
  protected readonly periodText = formatPeriod;
  protected readonly share = formatShare;
  protected readonly countOf = formatCount;
  protected readonly elapsed = formatElapsedDuration;
}
