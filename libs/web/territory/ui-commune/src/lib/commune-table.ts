import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { CommuneSummaryDto } from '@passerelle/shared/dto';
import { formatInteger, formatPostcodes } from '@passerelle/web/shared/util-format';
import { EligibilityBadge } from './eligibility-badge';

/** One page of communes; the name of each is a button that shows it on the map. */
@Component({
  selector: 'pas-commune-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, EligibilityBadge],
  templateUrl: './commune-table.html',
  styleUrl: './commune-table.scss',
})
export class CommuneTable {
  readonly communes = input.required<readonly CommuneSummaryDto[]>();
  readonly threshold = input.required<number>();
  readonly selectedInsee = input<string | null>(null);
  /** Phones: postcodes move under the name and the canton column is dropped, so the table fits without scrolling. */
  readonly compact = input(false);
  readonly caption = input('Communes');

  readonly communeSelected = output<string>();

  protected readonly columns = computed(() =>
    this.compact() ? ['name', 'population', 'eligible'] : ['name', 'postcodes', 'population', 'canton', 'eligible'],
  );
  protected readonly formatInteger = formatInteger;
  protected readonly formatPostcodes = formatPostcodes;
}
