import { ChangeDetectionStrategy, Component, effect, type ElementRef, input, output, viewChild } from '@angular/core';
import type {
  CantonFeatureCollection,
  CommuneFeature,
  CommuneFeatureCollection,
  Outline,
} from '@passerelle/shared/dto';
import { formatInhabitants, formatInteger } from '@passerelle/web/shared/util-format';
import type * as Leaflet from 'leaflet';
import { createMapHost, type LeafletModule, OUTLINE_ATTRIBUTION } from './map-host';
import { prefersReducedMotion } from './map-motion';
import { boundaryStyle, cantonStyle, communeStyle, MAP_COLORS } from './territory-map-styles';

interface CommuneLayer {
  layer: Leaflet.Path;
  eligible: boolean;
}

let nextId = 0;

/**
 * Map of a département: commune outlines coloured by eligibility, canton limits on top, optional background tiles.
 * Leaflet is loaded on first render only, so pages without a map never download it.
 */
@Component({
  selector: 'pas-territory-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './territory-map.html',
  styleUrl: './territory-map.scss',
})
export class TerritoryMap {
  /** Accessible name of the map, e.g. "Carte des communes du Val-d'Oise". */
  readonly label = input.required<string>();
  /** Read by screen readers with the map: where to find the same information without it. */
  readonly description = input('');
  readonly tileUrl = input<string | null>(null);
  readonly tileAttribution = input('');
  readonly outlineAttribution = input(OUTLINE_ATTRIBUTION);
  /** Outline of the département: the initial view fits it. */
  readonly boundary = input<Outline | null>(null);
  readonly communes = input<CommuneFeatureCollection | null>(null);
  readonly cantons = input<CantonFeatureCollection | null>(null);
  /** Population threshold of eligibility, for the legend. */
  readonly threshold = input.required<number>();
  readonly selectedInsee = input<string | null>(null);

  readonly communeSelected = output<string>();

  private readonly container = viewChild.required<ElementRef<HTMLElement>>('container');
  private readonly host = createMapHost({
    container: this.container,
    tileUrl: this.tileUrl,
    tileAttribution: this.tileAttribution,
    outlineAttribution: this.outlineAttribution,
    mapOptions: { zoomSnap: 0.25, minZoom: 7 },
    twoFingerPan: true,
    limitsPane: true,
  });

  protected readonly descriptionId = `territory-map-description-${nextId++}`;
  protected readonly colors = MAP_COLORS;
  protected readonly failed = this.host.failed;
  protected readonly formatInteger = formatInteger;

  private readonly leaflet = this.host.leaflet;
  private communeGroup: Leaflet.GeoJSON | null = null;
  private cantonGroup: Leaflet.GeoJSON | null = null;
  private boundaryGroup: Leaflet.GeoJSON | null = null;
  private readonly communeLayers = new Map<string, CommuneLayer>();
  private highlightedInsee: string | null = null;

  constructor() {
    effect(() => this.showBoundary(this.leaflet(), this.boundary()));
    effect(() => this.showCommunes(this.leaflet(), this.communes()));
    effect(() => this.showCantons(this.leaflet(), this.cantons()));
    effect(() => {
      // Depends on the commune layer too, so a selection made before the outlines arrived is applied once they do.
      this.leaflet();
      this.communes();
      this.highlight(this.selectedInsee());
    });
  }

  private get map(): Leaflet.Map | null {
    return this.host.map;
  }

  private showBoundary(L: LeafletModule | null, outline: Outline | null): void {
    if (!L || !this.map) {
      return;
    }
    this.boundaryGroup?.remove();
    this.boundaryGroup = null;
    if (!outline) {
      return;
    }
    this.boundaryGroup = L.geoJSON(outline, { style: () => boundaryStyle, pane: 'limits', interactive: false });
    this.boundaryGroup.addTo(this.map);
    this.map.fitBounds(this.boundaryGroup.getBounds(), { padding: [8, 8] });
  }

  private showCantons(L: LeafletModule | null, cantons: CantonFeatureCollection | null): void {
    if (!L || !this.map) {
      return;
    }
    this.cantonGroup?.remove();
    this.cantonGroup = null;
    if (cantons) {
      this.cantonGroup = L.geoJSON(cantons, { style: () => cantonStyle, pane: 'limits', interactive: false });
      this.cantonGroup.addTo(this.map);
    }
  }

  private showCommunes(L: LeafletModule | null, communes: CommuneFeatureCollection | null): void {
    if (!L || !this.map) {
      return;
    }
    this.communeGroup?.remove();
    this.communeGroup = null;
    this.communeLayers.clear();
    this.highlightedInsee = null;
    if (!communes) {
      return;
    }
    this.communeGroup = L.geoJSON(communes, {
      style: (feature) => communeStyle(feature?.properties.eligible ?? false, 'idle'),
      onEachFeature: (feature: CommuneFeature, layer) => this.bindCommune(feature, layer as Leaflet.Path),
    });
    this.communeGroup.addTo(this.map);
    // Leaflet's tooltip focus listeners make every SVG path a Tab stop in Chromium: hundreds of unnamed stops before
    // the list. Keyboard users choose communes in the list, the map's accessible equivalent.
    for (const { layer } of this.communeLayers.values()) {
      layer.getElement()?.setAttribute('tabindex', '-1');
    }
    if (!this.boundaryGroup) {
      this.map.fitBounds(this.communeGroup.getBounds(), { padding: [8, 8] });
    }
  }

  private bindCommune(feature: CommuneFeature, layer: Leaflet.Path): void {
    const { insee, name, population, eligible } = feature.properties;
    this.communeLayers.set(insee, { layer, eligible });
    layer.bindTooltip(() => tooltipContent(name, population), { sticky: true, direction: 'top', offset: [0, -8] });
    layer.on({
      mouseover: () => {
        if (insee !== this.highlightedInsee) {
          layer.setStyle(communeStyle(eligible, 'hovered'));
        }
      },
      mouseout: () => {
        layer.setStyle(communeStyle(eligible, insee === this.highlightedInsee ? 'selected' : 'idle'));
      },
      click: () => this.communeSelected.emit(insee),
    });
  }

  private highlight(insee: string | null): void {
    if (this.highlightedInsee) {
      const previous = this.communeLayers.get(this.highlightedInsee);
      previous?.layer.setStyle(communeStyle(previous.eligible, 'idle'));
    }
    this.highlightedInsee = insee;
    const current = insee ? this.communeLayers.get(insee) : undefined;
    if (!current || !this.map) {
      return;
    }
    current.layer.setStyle(communeStyle(current.eligible, 'selected'));
    current.layer.bringToFront();
    const bounds = (current.layer as Leaflet.Polygon).getBounds();
    // Chosen from the list while zoomed elsewhere: bring it into view without zooming in further.
    if (!this.map.getBounds().contains(bounds)) {
      this.map.fitBounds(bounds, {
        maxZoom: this.map.getZoom(),
        padding: [24, 24],
        animate: !prefersReducedMotion(),
      });
    }
  }
}

function tooltipContent(name: string, population: number): HTMLElement {
  const element = document.createElement('span');
  const title = document.createElement('strong');
  title.textContent = name;
  element.append(title, document.createElement('br'), formatInhabitants(population));
  return element;
}
