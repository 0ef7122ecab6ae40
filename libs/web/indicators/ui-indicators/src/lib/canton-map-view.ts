import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatRadioModule } from '@angular/material/radio';
import type { CantonFeatureCollection, IndicatorGroupRow } from '@passerelle/shared/dto';
import { type ChoroplethFill, type ChoroplethLegendItem, ChoroplethMap } from '@passerelle/web/shared/ui-map';
import { CHOROPLETH_TOO_FEW, type ChoroplethMeasure, choroplethScale } from './choropleth-classes';

/**
 * The cantons coloured by their median first response or their share within the target. The groups merged into
 * « autres » have no outline of their own and are left uncoloured. The breakdown's table holds the same values.
 */
@Component({
  selector: 'pas-canton-map-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatRadioModule, ChoroplethMap],
  template: `
    <mat-radio-group class="measure" aria-label="Colorer la carte selon" [value]="measure()" (change)="measure.set($event.value)">
      <span class="measure-label" aria-hidden="true">Colorer la carte selon&nbsp;:</span>
      <mat-radio-button value="firstResponse">le délai médian</mat-radio-button>
      <mat-radio-button value="withinTarget">la part dans l’objectif</mat-radio-button>
    </mat-radio-group>
    <pas-choropleth-map
      [label]="'Carte des cantons : ' + scale().title"
      description="Les valeurs de chaque canton sont dans le tableau du regroupement par canton ; les cantons regroupés dans « autres » ne sont pas colorés."
      [legendLabel]="'Légende : ' + scale().title"
      [outlines]="outlines()"
      [fills]="fills()"
      [legend]="legend()"
      unfilledText="Regroupé dans « autres cantons » ou sans question"
    />
  `,
  styles: `
    :host {
      display: block;
    }
    .measure {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 16px;
      margin-bottom: 8px;
    }
    .measure-label {
      font-weight: 500;
    }
  `,
})
export class CantonMapView {
  readonly groups = input.required<readonly IndicatorGroupRow[]>();
  readonly outlines = input<CantonFeatureCollection | null>(null);
  readonly dayMs = input.required<number>();
  readonly targetDays = input.required<number>();

  protected readonly measure = signal<ChoroplethMeasure>('firstResponse');
  protected readonly scale = computed(() => choroplethScale(this.measure(), this.dayMs(), this.targetDays()));
  protected readonly fills = computed(() => {
    const scale = this.scale();
    const fills = new Map<string, ChoroplethFill>();
    for (const row of this.groups()) {
      if (row.key === null) {
        continue;
      }
      const index = scale.classOf(row);
      fills.set(row.key, index === null ? { color: CHOROPLETH_TOO_FEW, text: scale.tooFew } : { color: scale.classes[index].color, text: scale.describe(row) });
    }
    return fills as ReadonlyMap<string, ChoroplethFill>;
  });
  protected readonly legend = computed((): ChoroplethLegendItem[] => [
    ...this.scale().classes,
    { color: CHOROPLETH_TOO_FEW, label: this.scale().tooFew },
    { color: null, label: 'Regroupé dans « autres cantons » ou sans question' },
  ]);
}
