import {
  afterNextRender,
  DestroyRef,
  effect,
  type ElementRef,
  inject,
  Injector,
  runInInjectionContext,
  type Signal,
  signal,
} from '@angular/core';
import type * as Leaflet from 'leaflet';
import { replaceBaseTiles } from './base-tiles';
import { installTwoFingerPan, motionOptions } from './map-motion';
import { loadMapStylesheet } from './map-stylesheet';

export type LeafletModule = typeof Leaflet;

/** Credit for the IGN outlines that every map of the portal draws. */
export const OUTLINE_ATTRIBUTION = 'Contours © IGN Admin Express';

export interface MapHostOptions {
  /** The element Leaflet draws in: a required view query, read only after the first render. */
  readonly container: () => ElementRef<HTMLElement>;
  /** Base tiles, redrawn whenever either changes; no URL, no tiles. */
  readonly tileUrl: () => string | null;
  readonly tileAttribution: () => string;
  /** Credit shown after Leaflet's own; read once, when the map is built. */
  readonly outlineAttribution: () => string;
  /** The map's own zoom limits and snapping; animations follow `prefers-reduced-motion` whatever is given here. */
  readonly mapOptions?: Leaflet.MapOptions;
  /** One finger scrolls the page on touch screens (maps as wide as the page); see `installTwoFingerPan`. */
  readonly twoFingerPan?: boolean;
  /** A `limits` pane for lines above the outlines and below the tooltips, which never catch the pointer. */
  readonly limitsPane?: boolean;
  /** The component's own listeners and layer groups, before the first view is set. */
  readonly setup?: (map: Leaflet.Map, L: LeafletModule) => void;
}

/**
 * What a map component shares with the others: Leaflet loaded on first render only (pages without a map never
 * download it), its stylesheet, the French zoom and attribution controls, the base tiles, `failed` when Leaflet
 * cannot load, the size kept in step with the container, and the map removed with the component.
 */
export interface MapHost {
  /** Leaflet once the map is built: effects that draw layers read it, so they run again when it arrives. */
  readonly leaflet: Signal<LeafletModule | null>;
  /** True when Leaflet or its setup failed: the component shows its French error message. */
  readonly failed: Signal<boolean>;
  /** The map between its creation and the component's destruction. */
  readonly map: Leaflet.Map | null;
}

class LeafletMapHost implements MapHost {
  readonly leaflet = signal<LeafletModule | null>(null);
  readonly failed = signal(false);
  map: Leaflet.Map | null = null;

  private tileLayer: Leaflet.TileLayer | null = null;
  private destroyed = false;
  private resizeObserver: ResizeObserver | null = null;
  private removeTouchPan: (() => void) | null = null;
  private readonly injector = inject(Injector);

  constructor(private readonly options: MapHostOptions) {
    afterNextRender(() => {
      void this.init();
    });
    inject(DestroyRef).onDestroy(() => this.destroy());
    effect(() => this.showTiles(this.leaflet(), options.tileUrl(), options.tileAttribution()));
  }

  private async init(): Promise<void> {
    const options = this.options;
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
      const container = options.container().nativeElement;
      const map = L.map(container, {
        attributionControl: false,
        zoomControl: false,
        ...options.mapOptions,
        ...motionOptions(),
      });
      this.map = map;
      if (options.twoFingerPan) {
        this.removeTouchPan = installTwoFingerPan(map, container);
      }
      L.control.zoom({ zoomInTitle: 'Zoom avant', zoomOutTitle: 'Zoom arrière' }).addTo(map);
      L.control
        .attribution({ prefix: '<a href="https://leafletjs.com" lang="en">Leaflet</a>' })
        .addAttribution(options.outlineAttribution())
        .addTo(map);
      if (options.limitsPane) {
        const limitsPane = map.createPane('limits');
        // Above the outlines (overlayPane, 400) but under tooltips (650); lines never catch the pointer.
        limitsPane.style.zIndex = '450';
        limitsPane.style.pointerEvents = 'none';
      }
      options.setup?.(map, L);
      // France until the component's own view (an outline, an overview) is known.
      map.setView([46.6, 2.4], 6);
      this.observeSize(map, container);
      this.leaflet.set(L);
    } catch (error) {
      console.error(error);
      this.failed.set(true);
    }
  }

  /**
   * Leaflet measures its container once and on window resizes only: a container that grows or shrinks on its own
   * (a panel opened beside it, a tab shown, a kiosk's layout) would otherwise leave grey bands or clipped tiles.
   */
  private observeSize(map: Leaflet.Map, container: HTMLElement): void {
    if (typeof ResizeObserver === 'undefined') {
      return;
    }
    this.resizeObserver = new ResizeObserver(() => {
      if (this.map === map) {
        map.invalidateSize();
      }
    });
    this.resizeObserver.observe(container);
  }

  private showTiles(L: LeafletModule | null, url: string | null, attribution: string): void {
    if (L && this.map) {
      this.tileLayer = replaceBaseTiles(L, this.map, this.tileLayer, url, attribution);
    }
  }

  private destroy(): void {
    this.destroyed = true;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.removeTouchPan?.();
    this.removeTouchPan = null;
    if (this.map) {
      endZoomAnimation(this.map);
      this.map.remove();
    }
    this.map = null;
  }
}

/** Builds the host of one map component; call it in the component's injection context (a field or the constructor). */
export function createMapHost(options: MapHostOptions): MapHost {
  return new LeafletMapHost(options);
}

/**
 * Leaflet (1.9) ends a zoom animation with a 250 ms timer that `remove()` does not clear: a map destroyed while it
 * zooms (a page left during a fly-to) would then move panes that are gone and throw (`_leaflet_pos` of undefined).
 * Marking the animation over leaves that timer nothing to do.
 */
export function endZoomAnimation(map: Leaflet.Map): void {
  (map as unknown as { _animatingZoom?: boolean })._animatingZoom = false;
}
