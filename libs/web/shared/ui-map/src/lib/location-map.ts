import { ChangeDetectionStrategy, Component, effect, type ElementRef, input, output, signal, viewChild } from '@angular/core';
import type { LatLng, Outline } from '@passerelle/shared/dto';
import type * as Leaflet from 'leaflet';
import { describePosition, KEYBOARD_STEP_METRES, movedByKey, round6 } from './location-keyboard';
import { createMapHost, type LeafletModule, OUTLINE_ATTRIBUTION } from './map-host';
import { prefersReducedMotion } from './map-motion';
import { pointInOutline } from './point-in-outline';
import { MAP_COLORS } from './territory-map-styles';

let nextId = 0;

/**
 * A small map of one commune with a project's location. Read-only, or `editable`: a click inside the outline emits
 * `picked`, a click outside emits `refused` (the parent says why). The marker is a circle marker: no image assets,
 * and it scales with the zoom the same in every browser.
 *
 * Editable, it also works without a mouse (RGAA 7.3): on the focused map, Enter or Space places the point at the
 * centre (marked by a cross), the arrows move the point by about 10 m (100 m with Shift), and each new position is
 * read out. Without a point yet, the arrows keep panning the map as Leaflet does.
 */
@Component({
  selector: 'pas-location-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="frame">
      <div
        #container
        class="map"
        role="region"
        [class.map--editable]="editable()"
        [attr.aria-label]="label()"
        [attr.aria-describedby]="description() || editable() ? descriptionId : null"
        (keydown)="onKey($event)"
      ></div>
      @if (editable()) {
        <span class="crosshair" aria-hidden="true"></span>
      }
    </div>
    @if (description() || editable()) {
      <p [id]="descriptionId" class="visually-hidden">
        {{ description() }}
        @if (editable()) {
          {{ keyboardHelp }}
        }
      </p>
    }
    @if (editable()) {
      <p class="visually-hidden" aria-live="polite">{{ announcement() }}</p>
    }
    @if (failed()) {
      <p class="map-error" role="alert">La carte n’a pas pu être affichée.</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
    }
    .map {
      height: var(--location-map-height, 280px);
      width: 100%;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: #eef1f5;
      z-index: 0;
    }
    .map--editable {
      cursor: crosshair;
    }
    .map:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    /* Where Enter places the point; shown only while the map has the keyboard focus. */
    .crosshair {
      display: none;
      position: absolute;
      top: 50%;
      left: 50%;
      width: 28px;
      height: 28px;
      margin: -14px 0 0 -14px;
      pointer-events: none;
      z-index: 1000;
      background:
        linear-gradient(#1e1e1e, #1e1e1e) center / 2px 100% no-repeat,
        linear-gradient(#1e1e1e, #1e1e1e) center / 100% 2px no-repeat;
      filter: drop-shadow(0 0 1px #ffffff) drop-shadow(0 0 1px #ffffff);
    }
    .map:focus-visible + .crosshair {
      display: block;
    }
    .map-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class LocationMap {
  readonly label = input.required<string>();
  readonly description = input('');
  readonly outline = input<Outline | null>(null);
  readonly location = input<LatLng | null>(null);
  readonly editable = input(false);
  readonly tileUrl = input<string | null>(null);
  readonly tileAttribution = input('');

  readonly picked = output<LatLng>();
  readonly refused = output<LatLng>();

  private readonly container = viewChild.required<ElementRef<HTMLElement>>('container');
  private readonly host = createMapHost({
    container: this.container,
    tileUrl: this.tileUrl,
    tileAttribution: this.tileAttribution,
    outlineAttribution: () => OUTLINE_ATTRIBUTION,
    setup: (map) => {
      map.on('click', (event: Leaflet.LeafletMouseEvent) => this.onClick(event.latlng));
    },
  });

  protected readonly descriptionId = `location-map-description-${nextId++}`;
  protected readonly failed = this.host.failed;
  /** The last position reached with the keyboard, in words, for the live region. */
  protected readonly announcement = signal('');
  protected readonly keyboardHelp =
    `Au clavier : Entrée ou Espace place le point au centre de la carte, repéré par une croix ; les flèches le ` +
    `déplacent d’environ ${KEYBOARD_STEP_METRES} m, ${KEYBOARD_STEP_METRES * 10} m avec Maj ; sans point, elles déplacent la carte ; + et − changent le zoom.`;

  private readonly leaflet = this.host.leaflet;
  private outlineLayer: Leaflet.GeoJSON | null = null;
  private marker: Leaflet.CircleMarker | null = null;

  constructor() {
    effect(() => this.showOutline(this.leaflet(), this.outline()));
    effect(() => this.showMarker(this.leaflet(), this.location()));
  }

  private get map(): Leaflet.Map | null {
    return this.host.map;
  }

  protected onKey(event: KeyboardEvent): void {
    // Keys on the zoom buttons and attribution links inside the map stay theirs.
    if (!this.editable() || !this.map || event.target !== this.container().nativeElement) {
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    let point: LatLng | null = null;
    if (event.key === 'Enter' || event.key === ' ') {
      const centre = this.map.getCenter();
      point = { lat: round6(centre.lat), lng: round6(centre.lng) };
    } else {
      const current = this.location();
      point = current ? movedByKey(current, event.key, event.shiftKey) : null;
    }
    if (!point) {
      return;
    }
    // While the map has focus Leaflet pans on the document's keydown: the key stops here, so the map stays put.
    event.preventDefault();
    event.stopImmediatePropagation();
    const outline = this.outline();
    const inside = outline ? pointInOutline(point, outline) : null;
    this.announcement.set(describePosition(point, inside));
    if (inside === false) {
      this.refused.emit(point);
      return;
    }
    this.picked.emit(point);
    this.map.panInside([point.lat, point.lng], { padding: [24, 24] });
  }

  private onClick(latlng: Leaflet.LatLng): void {
    if (!this.editable()) {
      return;
    }
    const outline = this.outline();
    // Six decimals: about 10 cm, more than a click can mean.
    const point = { lat: round6(latlng.lat), lng: round6(latlng.lng) };
    if (outline && !pointInOutline(point, outline)) {
      this.refused.emit(point);
      return;
    }
    this.picked.emit(point);
  }

  private showOutline(L: LeafletModule | null, outline: Outline | null): void {
    if (!L || !this.map) {
      return;
    }
    this.outlineLayer?.remove();
    this.outlineLayer = null;
    if (!outline) {
      return;
    }
    this.outlineLayer = L.geoJSON(outline, {
      // Clicks go through to the map, which decides whether they are inside.
      interactive: false,
      style: () => ({
        color: MAP_COLORS.eligible,
        weight: 2,
        fillColor: MAP_COLORS.eligible,
        fillOpacity: 0.12,
      }),
    }).addTo(this.map);
    this.map.fitBounds(this.outlineLayer.getBounds(), { padding: [12, 12] });
  }

  private showMarker(L: LeafletModule | null, location: LatLng | null): void {
    if (!L || !this.map) {
      return;
    }
    this.marker?.remove();
    this.marker = null;
    if (!location) {
      return;
    }
    this.marker = L.circleMarker([location.lat, location.lng], {
      radius: 9,
      color: '#ffffff',
      weight: 3,
      fillColor: MAP_COLORS.ineligible,
      fillOpacity: 1,
      interactive: false,
    }).addTo(this.map);
    if (!this.outline()) {
      this.map.setView([location.lat, location.lng], 15, { animate: !prefersReducedMotion() });
    }
  }
}
