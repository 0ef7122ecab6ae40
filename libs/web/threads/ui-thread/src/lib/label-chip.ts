import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { LabelDto } from '@passerelle/shared/dto';
import { labelTextColour, safeLabelColour } from './label-colour';

/**
 * A thread's label in the colour the admin chose, its text in black or white for contrast. The thin border keeps a
 * very light colour visible on a white page.
 */
@Component({
  selector: 'pas-label-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[style.background-color]': 'background()',
    '[style.color]': 'text()',
  },
  template: `{{ label().name }}`,
  styles: `
    :host {
      display: inline-block;
      max-width: 100%;
      padding: 1px 8px;
      border-radius: 6px;
      border: 1px solid rgb(0 0 0 / 0.15);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      vertical-align: middle;
    }
  `,
})
export class LabelChip {
  readonly label = input.required<Pick<LabelDto, 'name' | 'colour'>>();

  protected readonly background = computed(() => safeLabelColour(this.label().colour));
  protected readonly text = computed(() => labelTextColour(this.background()));
}
