import { ChangeDetectionStrategy, Component, type ElementRef, input, output, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { CommuneDto } from '@passerelle/shared/dto';
import { formatInhabitants, formatPostcodes } from '@passerelle/web/shared/util-format';
import { EligibilityBadge } from './eligibility-badge';

/** What the portal knows about one commune, shown beside the map. */
@Component({
  selector: 'pas-commune-details',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, EligibilityBadge],
  templateUrl: './commune-details.html',
  styleUrl: './commune-details.scss',
})
export class CommuneDetails {
  readonly commune = input.required<CommuneDto>();
  readonly threshold = input.required<number>();
  readonly closed = output<void>();

  protected readonly formatInhabitants = formatInhabitants;
  protected readonly formatPostcodes = formatPostcodes;

  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  /** Moves focus to the commune's name so that keyboard and screen-reader users land on what they just chose. */
  focus(): void {
    this.heading().nativeElement.focus();
  }
}
