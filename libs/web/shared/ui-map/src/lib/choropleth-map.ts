import { ChangeDetectionStrategy, Component, effect, type ElementRef, input, viewChild } from '@angular/core';
import type { CantonFeatureCollection, CantonFeatureProperties } from '@passerelle/shared/dto';
import type * as Leaflet from 'leaflet';
import { createMapHost, type LeafletModule, OUTLINE_ATTRIBUTION } from './map-host';
import { MAP_COLORS } from './territory-map-styles';

/** How one area is filled, and what its tooltip says after its name. */
export interface ChoroplethFill {
  color: string;
  text: string;
}

/** One line of the legend; `color: null` for the areas drawn without a fill. */
export interface ChoroplethLegendItem {
  color: string | null;
  label: string;
}

let nextId = 0;

/**
 * Cantons coloured by a value (a choropleth): each canton of `fills` in its colour, the others outlined only. Without
 * base tiles by default: the colours are the map's whole message and tiles under them would blur it. The outlines stay
 * out of the Tab order: keyboard and screen-reader users read the table the page puts next to the map.
 */
@Component({
  selector: 'pas-choropleth-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      #container
      class="map"
      role="region"
      [attr.aria-label]="label()"
      [attr.aria-describedby]="description() ? descriptionId : null"
    ></div>
    @if (description()) {
      <p [id]="descriptionId" class="visually-hidden">{{ description() }}</p>
    }
    @if (failed()) {
      <p class="map-error" role="alert">La carte n’a pas pu être affichée. Le tableau donne les mêmes informations.</p>
    }
    <ul class="legend" [attr.aria-label]="legendLabel()">
      @for (item of legend(); track item.label) {
        <li>
          <span class="swatch" [class.swatch--empty]="!item.color" [style.--swatch]="item.color ?? outlineColor" aria-hidden="true"></span>
          {{ item.label }}
        </li>
      }
    </ul>
  `,
  styleUrl: './choropleth-map.scss',
})
export class ChoroplethMap {
  readonly label = input.required<string>();
  /** Where to find the same information without the map. */
  readonly description = input('');
  readonly legendLabel = input('Légende de la carte');
  readonly tileUrl = input<string | null>(null);
  readonly tileAttribution = input('');
  readonly outlines = input<CantonFeatureCollection | null>(null);
  /** By canton code; the cantons left out are outlined without a fill. */
  readonly fills = input<ReadonlyMap<string, ChoroplethFill>>(new Map());
  /** The tooltip of a canton left out of `fills`. */
  readonly unfilledText = input('');
  readonly legend = input<readonly ChoroplethLegendItem[]>([]);

  private readonly container = viewChild.required<ElementRef<HTMLElement>>('container');
  private readonly host = createMapHost({
    container: this.container,
    tileUrl: this.tileUrl,
    tileAttribution: this.tileAttribution,
    outlineAttribution: () => OUTLINE_ATTRIBUTION,
    mapOptions: { zoomSnap: 0.25 },
    twoFingerPan: true,
  });

  protected readonly descriptionId = `choropleth-description-${nextId++}`;
  protected readonly failed = this.host.failed;
  protected readonly outlineColor = MAP_COLORS.canton;
  private areaGroup: Leaflet.GeoJSON | null = null;
  /** The outlines the view was fitted to: new colours keep the reader's zoom, new outlines fit again. */
  private fitted: CantonFeatureCollection | null = null;

  constructor() {
    effect(() => this.showAreas(this.host.leaflet(), this.outlines(), this.fills(), this.unfilledText()));
  }

  private showAreas(L: LeafletModule | null, outlines: CantonFeatureCollection | null, fills: ReadonlyMap<string, ChoroplethFill>, unfilled: string): void {
    const map = this.host.map;
    if (!L || !map) {
      return;
    }
    this.areaGroup?.remove();
    this.areaGroup = null;
    if (!outlines) {
      return;
    }
    const styleOf = (code: string, hovered: boolean): Leaflet.PathOptions => {
      const fill = fills.get(code);
      return {
        color: MAP_COLORS.canton,
        weight: hovered ? 3 : 1,
        opacity: 1,
        dashArray: fill ? undefined : '4 3',
        fillColor: fill?.color ?? '#ffffff',
        fillOpacity: fill ? 0.85 : 0,
      };
    };
    this.areaGroup = L.geoJSON(outlines, {
      style: (feature) => styleOf(feature?.properties.code ?? '', false),
      onEachFeature: (feature: { properties: CantonFeatureProperties }, layer) => {
        const path = layer as Leaflet.Path;
        const { code, name } = feature.properties;
        path.bindTooltip(() => tooltipContent(name, fills.get(code)?.text ?? unfilled), { sticky: true, direction: 'top' });
        path.on({ mouseover: () => path.setStyle(styleOf(code, true)), mouseout: () => path.setStyle(styleOf(code, false)) });
      },
    });
    this.areaGroup.addTo(map);
    this.areaGroup.eachLayer((layer) => (layer as Leaflet.Path).getElement()?.setAttribute('tabindex', '-1'));
    if (this.fitted !== outlines && this.areaGroup.getLayers().length > 0) {
      this.fitted = outlines;
      map.fitBounds(this.areaGroup.getBounds(), { padding: [8, 8] });
    }
  }
}

function tooltipContent(name: string, text: string): HTMLElement {
  const element = document.createElement('span');
  const title = document.createElement('strong');
  title.textContent = name;
  element.append(title);
  if (text) {
    element.append(document.createElement('br'), text);
  }
  return element;
}
