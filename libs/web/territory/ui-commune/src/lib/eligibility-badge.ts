import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MAP_COLORS } from '@passerelle/web/shared/ui-map';
import { formatInteger } from '@passerelle/web/shared/util-format';

/** Says in words, not only in colour, on which side of the threshold a commune is; the colour matches the map. */
@Component({
  selector: 'pas-eligibility-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="swatch" aria-hidden="true"></span>{{ text() }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .swatch {
      flex: none;
      width: 12px;
      height: 12px;
      border-radius: 50%;
      background: var(--eligibility-color);
    }
  `,
  host: { '[style.--eligibility-color]': 'color()' },
})
export class EligibilityBadge {
  readonly eligible = input.required<boolean>();
  readonly threshold = input.required<number>();
  /** `short` for table cells; `yes-no` when the column header already states the threshold (phones). */
  readonly variant = input<'long' | 'short' | 'yes-no'>('long');

  protected readonly color = computed(() => (this.eligible() ? MAP_COLORS.eligible : MAP_COLORS.ineligible));
  protected readonly text = computed(() => {
    const threshold = formatInteger(this.threshold());
    const variant = this.variant();
    switch (variant) {
      case 'yes-no':
        return this.eligible() ? 'Oui' : 'Non';
      case 'short':
        return this.eligible() ? `Moins de ${threshold} hab.` : `${threshold} hab. ou plus`;
      case 'long':
        return this.eligible()
          ? `Commune de moins de ${threshold} habitants`
          : `Commune de ${threshold} habitants ou plus`;
    }
  });
}
