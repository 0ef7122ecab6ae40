import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  type ElementRef,
  inject,
  Injector,
  input,
  output,
  runInInjectionContext,
  signal,
  viewChild,
} from '@angular/core';
import type {
  CantonFeatureCollection,
  CommuneFeature,
  CommuneFeatureCollection,
  Outline,
} from '@passerelle/shared/dto';
import { formatInhabitants, formatInteger } from '@passerelle/web/shared/util-format';
import type * as Leaflet from 'leaflet';
import { replaceBaseTiles } from './base-tiles';
import { installTwoFingerPan, motionOptions, prefersReducedMotion } from './map-motion';
import { loadMapStylesheet } from './map-stylesheet';
import { boundaryStyle, cantonStyle, communeStyle, MAP_COLORS } from './territory-map-styles';

type LeafletModule = typeof Leaflet;

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
  selector: 'lib-territory-map',
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
  readonly outlineAttribution = input('Contours © IGN Admin Express');
  /** Outline of the département: the initial view fits it. */
  readonly boundary = input<Outline | null>(null);
  readonly communes = input<CommuneFeatureCollection | null>(null);
  readonly cantons = input<CantonFeatureCollection | null>(null);
  /** Population threshold of eligibility, for the legend. */
  readonly threshold = input.required<number>();
  readonly selectedInsee = input<string | null>(null);

  readonly communeSelected = output<string>();

  protected readonly descriptionId = `territory-map-description-${nextId++}`;
  protected readonly colors = MAP_COLORS;
  protected readonly failed = signal(false);
  protected readonly formatInteger = formatInteger;

  private readonly container = viewChild.required<ElementRef<HTMLElement>>('container');
  private readonly injector = inject(Injector);
  private readonly leaflet = signal<LeafletModule | null>(null);
  private map: Leaflet.Map | null = null;
  private tileLayer: Leaflet.TileLayer | null = null;
  private communeGroup: Leaflet.GeoJSON | null = null;
  private cantonGroup: Leaflet.GeoJSON | null = null;
  private boundaryGroup: Leaflet.GeoJSON | null = null;
  private readonly communeLayers = new Map<string, CommuneLayer>();
  private highlightedInsee: string | null = null;
  private destroyed = false;
  private removeTouchPan: (() => void) | null = null;

  constructor() {
    afterNextRender(() => {
      void this.init();
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.removeTouchPan?.();
      this.map?.remove();
      this.map = null;
    });

    effect(() => this.showTiles(this.leaflet(), this.tileUrl(), this.tileAttribution()));
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

  private async init(): Promise<void> {
    try {
      const [module] = await Promise.all([
        import('leaflet'),
        runInInjectionContext(this.injector, () => loadMapStylesheet()),
      ]);
      if (this.destroyed) {
        return;
      }
      // Leaflet is a UMD bundle: depending on the bundler the namespace is the module itself or its default export.
      const L = (module as { default?: LeafletModule }).default ?? module;
      this.map = L.map(this.container().nativeElement, {
        attributionControl: false,
        zoomControl: false,
        zoomSnap: 0.25,
        minZoom: 7,
        ...motionOptions(),
      });
      this.removeTouchPan = installTwoFingerPan(this.map, this.container().nativeElement);
      L.control.zoom({ zoomInTitle: 'Zoom avant', zoomOutTitle: 'Zoom arrière' }).addTo(this.map);
      L.control
        .attribution({ prefix: '<a href="https://leafletjs.com" lang="en">Leaflet</a>' })
        .addAttribution(this.outlineAttribution())
        .addTo(this.map);
      this.map.createPane('limits');
      const limitsPane = this.map.getPane('limits');
      if (limitsPane) {
        // Above the communes (overlayPane, 400) but under tooltips (650); lines never catch the pointer.
        limitsPane.style.zIndex = '450';
        limitsPane.style.pointerEvents = 'none';
      }
      // France as a fallback view until the département outline arrives.
      this.map.setView([46.6, 2.4], 6);
      this.leaflet.set(L);
    } catch (error) {
      console.error(error);
      this.failed.set(true);
    }
  }

  private showTiles(L: LeafletModule | null, url: string | null, attribution: string): void {
    if (L && this.map) {
      this.tileLayer = replaceBaseTiles(L, this.map, this.tileLayer, url, attribution);
    }
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
