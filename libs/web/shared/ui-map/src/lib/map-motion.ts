import type * as Leaflet from 'leaflet';

/** French hint shown when one finger tries to move a map that only moves with two. */
export const TWO_FINGER_HINT = 'Utilisez deux doigts pour déplacer la carte';

/** How long the two-finger hint stays visible after the last one-finger attempt. */
export const TWO_FINGER_HINT_MS = 1500;

function matches(query: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

/** True when the visitor asked the system for less motion (WCAG 2.3.3). */
export function prefersReducedMotion(): boolean {
  return matches('(prefers-reduced-motion: reduce)');
}

/**
 * Leaflet's animation options: all off under `prefers-reduced-motion: reduce` (zoom, tile fade, marker zoom), so
 * every view change is an instant jump; Leaflet's defaults otherwise.
 */
export function motionOptions(reduced = prefersReducedMotion()): Leaflet.MapOptions {
  return reduced ? { zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false } : {};
}

/**
 * On touch screens (coarse pointer) one finger scrolls the page and two fingers move the map: Leaflet's one-finger
 * dragging is off (its CSS then lets the browser pan the page), and its pinch handler already pans and zooms with
 * two fingers. A one-finger move over the map shows a short hint. Returns a cleanup function.
 */
export function installTwoFingerPan(map: Leaflet.Map, container: HTMLElement, coarse = matches('(pointer: coarse)')): () => void {
  if (!coarse) {
    return () => undefined;
  }
  map.dragging.disable();
  const hint = document.createElement('div');
  hint.className = 'map-touch-hint';
  hint.setAttribute('aria-hidden', 'true');
  hint.textContent = TWO_FINGER_HINT;
  // Inline styles: the element is built outside any component stylesheet, and every map uses it.
  Object.assign(hint.style, {
    position: 'absolute',
    inset: '0',
    zIndex: '1000',
    display: 'none',
    alignItems: 'center',
    justifyContent: 'center',
    padding: '16px',
    textAlign: 'center',
    font: '600 18px/1.4 inherit',
    color: '#fff',
    background: 'rgba(0, 0, 0, 0.6)',
    pointerEvents: 'none',
  });
  container.append(hint);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const hide = (): void => {
    hint.style.display = 'none';
  };
  const onMove = (event: TouchEvent): void => {
    if (event.touches.length === 1) {
      hint.style.display = 'flex';
      if (timer !== null) {
        clearTimeout(timer);
      }
      timer = setTimeout(hide, TWO_FINGER_HINT_MS);
    } else {
      hide();
    }
  };
  container.addEventListener('touchmove', onMove, { passive: true });
  return () => {
    container.removeEventListener('touchmove', onMove);
    if (timer !== null) {
      clearTimeout(timer);
    }
    hint.remove();
  };
}
