import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  type ElementRef,
  inject,
  input,
  output,
  untracked,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import {
  type CantonFeatureCollection,
  type CommuneFeatureCollection,
  PROJECT_STATUS_LABELS,
  type PublicMapFeature,
  type PublicMapProjectProperties,
} from '@passerelle/shared/dto';
import { formatInteger } from '@passerelle/web/shared/util-format';
import type * as Leaflet from 'leaflet';
import { createMapHost, type LeafletModule, OUTLINE_ATTRIBUTION } from './map-host';
import { prefersReducedMotion } from './map-motion';
import {
  clusterIconSize,
  clusterLabel,
  formatBbox,
  type MapBounds,
  type ProjectMapView,
  projectMarkerLabel,
  publicProjectPath,
  type PublicProjectRef,
} from './project-cluster-map-view';
import { PROJECT_PIN_SHAPES } from './project-pin-shapes';

/** A pause after the last move before the view is reported: a drag or a wheel spin costs one request, not ten. */
export const MAP_VIEW_DEBOUNCE_MS = 250;

/** Light outlines: they place the markers without tiles and do not compete with them. */
const COMMUNE_STYLE: Leaflet.PathOptions = {
  color: '#8a93a3',
  weight: 0.8,
  opacity: 0.9,
  fillColor: '#ffffff',
  fillOpacity: 0.6,
  interactive: false,
};
const CANTON_STYLE: Leaflet.PathOptions = { color: '#4a5160', weight: 1.8, opacity: 0.9, fill: false, interactive: false };
/** Without the communes, the cantons carry the département's light fill. */
const FILLED_CANTON_STYLE: Leaflet.PathOptions = { ...CANTON_STYLE, fill: true, fillColor: '#ffffff', fillOpacity: 0.6 };

const SVG_NS = 'http://www.w3.org/2000/svg';

let nextId = 0;

/**
 * Map of the published projects: clusters (a circle with the count; activating it zooms in until it splits) and
 * single projects (a pin; activating it opens a short fiche with a link to the project's page). The parent fetches
 * the features for each reported view. Markers are built by Leaflet outside Angular's templates, hence the
 * unencapsulated stylesheet (every selector starts with `pcm-` or the map's own class). Leaflet is loaded on first
 * render only.
 */
@Component({
  selector: 'pas-project-cluster-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `
    <div
      #container
      class="pcm-map"
      role="region"
      [class.pcm-map--kiosk]="kiosk()"
      [attr.aria-label]="label()"
      [attr.aria-describedby]="description() ? descriptionId : null"
    ></div>
    @if (description()) {
      <p [id]="descriptionId" class="visually-hidden">{{ description() }}</p>
    }
    @if (failed()) {
      <p class="pcm-error" role="alert">La carte n’a pas pu être affichée.</p>
    }
  `,
  styleUrl: './project-cluster-map.scss',
})
export class ProjectClusterMap {
  /** Accessible name of the map, e.g. "Carte des projets publiés". */
  readonly label = input.required<string>();
  /** Read by screen readers with the map: where to find the same projects without it. */
  readonly description = input('');
  readonly features = input<readonly PublicMapFeature[]>([]);
  readonly communes = input<CommuneFeatureCollection | null>(null);
  readonly cantons = input<CantonFeatureCollection | null>(null);
  readonly tileUrl = input<string | null>(null);
  readonly tileAttribution = input('');
  readonly outlineAttribution = input(OUTLINE_ATTRIBUTION);
  /** The overview (usually the département); without it the commune outlines give it. */
  readonly bounds = input<MapBounds | null>(null);
  /** Touch desk: bigger markers and zoom buttons. */
  readonly kiosk = input(false);

  /** The view after each move (debounced), and once when the overview is first shown. */
  readonly viewChanged = output<ProjectMapView>();
  /** The visitor followed a project's link (a plain click: the parent navigates; other clicks open a new tab). */
  readonly projectChosen = output<PublicProjectRef>();

  private readonly container = viewChild.required<ElementRef<HTMLElement>>('container');
  private readonly host = createMapHost({
    container: this.container,
    tileUrl: this.tileUrl,
    tileAttribution: this.tileAttribution,
    outlineAttribution: this.outlineAttribution,
    mapOptions: { zoomSnap: 0.25, minZoom: 6, maxZoom: 18 },
    twoFingerPan: true,
    limitsPane: true,
    setup: (map, L) => {
      this.markerGroup = L.layerGroup().addTo(map);
      map.on('moveend', () => this.scheduleView());
      map.on('popupopen', (event: Leaflet.PopupEvent) => this.onPopupOpen(event.popup));
      map.on('popupclose', (event: Leaflet.PopupEvent) => this.onPopupClose(event.popup));
    },
  });

  protected readonly descriptionId = `project-cluster-map-description-${nextId++}`;
  protected readonly failed = this.host.failed;

  private readonly leaflet = this.host.leaflet;
  private communeGroup: Leaflet.GeoJSON | null = null;
  private cantonGroup: Leaflet.GeoJSON | null = null;
  private markerGroup: Leaflet.LayerGroup | null = null;
  /** By feature key, so that a marker still in the next view keeps its element (and the keyboard focus). */
  private readonly markers = new Map<string, Leaflet.Marker>();
  private popup: Leaflet.Popup | null = null;
  private popupMarkerKey: string | null = null;
  private overview: Leaflet.LatLngBounds | null = null;
  private viewTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.clearViewTimer());
    effect(() => this.showCantons(this.leaflet(), this.cantons(), this.communes() === null));
    effect(() => this.showCommunes(this.leaflet(), this.communes()));
    effect(() => this.fitOverview(this.leaflet(), this.bounds()));
    effect(() => this.showFeatures(this.leaflet(), this.features(), this.kiosk()));
  }

  private get map(): Leaflet.Map | null {
    return this.host.map;
  }

  /** Back to the overview: popup closed, initial bounds. */
  resetView(): void {
    this.map?.closePopup();
    if (this.map && this.overview) {
      this.map.fitBounds(this.overview, { animate: false });
    }
  }

  private scheduleView(): void {
    if (!this.overview) {
      return;
    }
    this.clearViewTimer();
    this.viewTimer = setTimeout(() => {
      this.viewTimer = null;
      // Gone with the component (the host removes the map on destroy).
      if (!this.map) {
        return;
      }
      // A margin around the view, so that markers just outside it are there when the visitor pans a little.
      const bounds = this.map.getBounds().pad(0.1);
      this.viewChanged.emit({
        bbox: formatBbox({
          west: bounds.getWest(),
          south: bounds.getSouth(),
          east: bounds.getEast(),
          north: bounds.getNorth(),
        }),
        // Clusters are made for whole zoom levels; rounding down never shows overlapping circles.
        zoom: Math.max(0, Math.floor(this.map.getZoom())),
      });
    }, MAP_VIEW_DEBOUNCE_MS);
  }

  private clearViewTimer(): void {
    if (this.viewTimer !== null) {
      clearTimeout(this.viewTimer);
      this.viewTimer = null;
    }
  }

  private fitOverview(L: LeafletModule | null, bounds: MapBounds | null): void {
    if (!L || !this.map || !bounds) {
      return;
    }
    this.overview = L.latLngBounds([bounds.south, bounds.west], [bounds.north, bounds.east]);
    this.map.fitBounds(this.overview, { animate: false });
  }

  private showCantons(L: LeafletModule | null, cantons: CantonFeatureCollection | null, filled: boolean): void {
    if (!L || !this.map) {
      return;
    }
    this.cantonGroup?.remove();
    // Lines alone go above the communes; filled, they take the communes' place below.
    this.cantonGroup = cantons
      ? L.geoJSON(cantons, {
          style: () => (filled ? FILLED_CANTON_STYLE : CANTON_STYLE),
          pane: filled ? 'overlayPane' : 'limits',
          interactive: false,
        }).addTo(this.map)
      : null;
  }

  private showCommunes(L: LeafletModule | null, communes: CommuneFeatureCollection | null): void {
    if (!L || !this.map) {
      return;
    }
    this.communeGroup?.remove();
    this.communeGroup = communes ? L.geoJSON(communes, { style: () => COMMUNE_STYLE, interactive: false }) : null;
    if (!this.communeGroup) {
      return;
    }
    this.communeGroup.addTo(this.map);
    // The outlines are the overview only when the parent gave none.
    if (!this.overview && !untracked(this.bounds) && this.communeGroup.getBounds().isValid()) {
      this.overview = this.communeGroup.getBounds();
      this.map.fitBounds(this.overview, { animate: false });
    }
  }

  private showFeatures(L: LeafletModule | null, features: readonly PublicMapFeature[], kiosk: boolean): void {
    const group = this.markerGroup;
    if (!L || !this.map || !group) {
      return;
    }
    const next = new Map(features.map((feature) => [featureKey(feature, kiosk), feature]));
    for (const [key, marker] of this.markers) {
      if (!next.has(key)) {
        marker.remove();
        this.markers.delete(key);
      }
    }
    for (const [key, feature] of next) {
      if (!this.markers.has(key)) {
        const marker = this.createMarker(L, key, feature, kiosk);
        marker.addTo(group);
        this.markers.set(key, marker);
      }
    }
  }

  private createMarker(L: LeafletModule, key: string, feature: PublicMapFeature, kiosk: boolean): Leaflet.Marker {
    const [lng, lat] = feature.geometry.coordinates;
    const properties = feature.properties;
    let icon: Leaflet.DivIcon;
    let label: string;
    let activate: (viaKeyboard: boolean) => void;
    if (properties.cluster) {
      const size = clusterIconSize(properties.count, kiosk);
      const count = document.createElement('span');
      count.textContent = formatInteger(properties.count);
      count.setAttribute('aria-hidden', 'true');
      icon = L.divIcon({ className: 'pcm-cluster', html: count, iconSize: [size, size] });
      label = clusterLabel(properties.count);
      activate = (viaKeyboard) => this.zoomInto(lat, lng, properties.expansionZoom, viaKeyboard);
    } else {
      const [width, height] = kiosk ? [56, 72] : [32, 42];
      const departement = properties.kind === 'DEPARTEMENT';
      icon = L.divIcon({
        // The two kinds differ by shape and inner sign as well as by colour (RGAA 3.1), and by their names.
        className: departement ? 'pcm-pin pcm-pin--departement' : 'pcm-pin pcm-pin--commune',
        html: pinGraphic(departement ? 'DEPARTEMENT' : 'COMMUNE'),
        iconSize: [width, height],
        iconAnchor: [width / 2, height],
      });
      label = projectMarkerLabel(properties);
      activate = (viaKeyboard) => this.openProject(L, key, lat, lng, properties, height, viaKeyboard);
    }
    const marker = L.marker([lat, lng], { icon, keyboard: true, title: label, riseOnHover: true });
    marker.on('add', () => marker.getElement()?.setAttribute('aria-label', label));
    marker.on('click', () => activate(false));
    // Leaflet gives markers role="button" but only mouse clicks activate them: Enter and Space do here too.
    marker.on('keydown', (event: Leaflet.LeafletKeyboardEvent) => {
      const key = event.originalEvent.key;
      if (key === 'Enter' || key === ' ') {
        event.originalEvent.preventDefault();
        activate(true);
      }
    });
    return marker;
  }

  private zoomInto(lat: number, lng: number, expansionZoom: number, viaKeyboard: boolean): void {
    if (!this.map) {
      return;
    }
    this.map.closePopup();
    const zoom = Math.min(this.map.getMaxZoom(), Math.max(expansionZoom, Math.floor(this.map.getZoom()) + 1));
    this.map.setView([lat, lng], zoom, { animate: !prefersReducedMotion() });
    if (viaKeyboard) {
      // The cluster disappears with the next view: keep the keyboard in the map rather than lose it to the page.
      this.container().nativeElement.focus();
    }
  }

  private openProject(
    L: LeafletModule,
    key: string,
    lat: number,
    lng: number,
    project: PublicMapProjectProperties,
    pinHeight: number,
    viaKeyboard: boolean,
  ): void {
    if (!this.map) {
      return;
    }
    const content = this.popupContent(project);
    // Not bound to the marker: the popup stays open when the next view replaces the markers around it.
    this.popup = L.popup({
      className: 'pcm-popup',
      offset: [0, 4 - pinHeight],
      maxWidth: this.kiosk() ? 360 : 280,
      autoPanPadding: [24, 24],
    })
      .setLatLng([lat, lng])
      .setContent(content);
    this.popupMarkerKey = key;
    this.popup.openOn(this.map);
    if (viaKeyboard) {
      content.querySelector('a')?.focus();
    }
  }

  private popupContent(project: PublicMapProjectProperties): HTMLElement {
    const root = document.createElement('div');
    const title = document.createElement('p');
    title.className = 'pcm-popup__title';
    title.textContent = project.title;
    const departement = project.kind === 'DEPARTEMENT';
    const kind = document.createElement('p');
    kind.className = departement ? 'pcm-popup__kind pcm-popup__kind--departement' : 'pcm-popup__kind';
    kind.textContent = departement ? 'Projet du Département' : 'Projet d’une commune';
    const place = document.createElement('p');
    place.className = 'pcm-popup__place';
    place.textContent = project.year && !departement ? `${project.communeName} · ${project.year}` : project.communeName;
    const link = document.createElement('a');
    link.className = 'pcm-popup__link';
    link.href = publicProjectPath({ kind: project.kind, slug: project.slug });
    link.textContent = 'Voir le projet';
    const context = document.createElement('span');
    context.className = 'visually-hidden';
    context.textContent = ` « ${project.title} »`;
    link.append(context);
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
        return;
      }
      event.preventDefault();
      this.projectChosen.emit({ kind: departement ? 'DEPARTEMENT' : 'COMMUNE', slug: project.slug });
    });
    root.append(kind, title, place);
    if (departement && project.status) {
      root.append(progressLine(project.status, project.progress ?? null));
    }
    root.append(link);
    // Leaflet closes popups on Escape only when the map itself has the focus, not a link inside the popup.
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.map?.closePopup();
      }
    });
    return root;
  }

  private onPopupOpen(popup: Leaflet.Popup): void {
    const close = popup.getElement()?.querySelector<HTMLElement>('.leaflet-popup-close-button');
    if (close) {
      close.setAttribute('aria-label', 'Fermer');
      close.title = 'Fermer';
    }
  }

  private onPopupClose(popup: Leaflet.Popup): void {
    if (popup !== this.popup) {
      return;
    }
    const active = document.activeElement;
    const hadFocus = !!active && (active === document.body || !!popup.getElement()?.contains(active));
    const marker = this.popupMarkerKey ? this.markers.get(this.popupMarkerKey) : undefined;
    this.popup = null;
    this.popupMarkerKey = null;
    if (hadFocus) {
      marker?.getElement()?.focus();
    }
  }
}

/** Identity of a marker across views; the mode is part of it since it changes the icon. */
function featureKey(feature: PublicMapFeature, kiosk: boolean): string {
  const mode = kiosk ? 'k' : 'd';
  const properties = feature.properties;
  if (properties.cluster) {
    const [lng, lat] = feature.geometry.coordinates;
    return `${mode}:c:${properties.clusterId}:${properties.count}:${lng},${lat}`;
  }
  return `${mode}:p:${properties.slug}`;
}

/** A pin drawn with the DOM (no image asset, no inline markup to sanitise), the same shapes as the legend's. */
function pinGraphic(kind: keyof typeof PROJECT_PIN_SHAPES): HTMLElement {
  const shape = PROJECT_PIN_SHAPES[kind];
  const wrapper = document.createElement('span');
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 32');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const body = document.createElementNS(SVG_NS, 'path');
  body.setAttribute('d', shape.body);
  body.setAttribute('class', 'pcm-pin__body');
  const sign = document.createElementNS(SVG_NS, 'path');
  sign.setAttribute('d', shape.sign);
  sign.setAttribute('class', 'pcm-pin__dot');
  svg.append(body, sign);
  wrapper.append(svg);
  return wrapper;
}

/** « En cours · 40 % » with a small bar, on the card of a project of the département. */
function progressLine(status: NonNullable<PublicMapProjectProperties['status']>, progress: number | null): HTMLElement {
  const line = document.createElement('p');
  line.className = 'pcm-popup__progress';
  const text = document.createElement('span');
  text.textContent = progress === null ? PROJECT_STATUS_LABELS[status] : `${PROJECT_STATUS_LABELS[status]} · ${progress} %`;
  line.append(text);
  if (progress !== null) {
    const bar = document.createElement('span');
    bar.className = 'pcm-popup__bar';
    bar.setAttribute('aria-hidden', 'true');
    const fill = document.createElement('span');
    fill.style.width = `${Math.max(0, Math.min(100, progress))}%`;
    bar.append(fill);
    line.append(bar);
  }
  return line;
}
