import * as L from 'leaflet';
import { installTwoFingerPan, motionOptions, prefersReducedMotion, TWO_FINGER_HINT } from './map-motion';

function mockMedia(matching: string[]): void {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string) => ({ matches: matching.includes(query), media: query }) as MediaQueryList,
  });
}

function touchMove(target: HTMLElement, fingers: number): void {
  const event = new Event('touchmove');
  Object.defineProperty(event, 'touches', { value: Array.from({ length: fingers }, () => ({})) });
  target.dispatchEvent(event);
}

describe('map motion', () => {
  let container: HTMLElement;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.appendChild(container);
  });

  afterEach(() => {
    container.remove();
    Reflect.deleteProperty(window, 'matchMedia');
  });

  it('turns every Leaflet animation off under prefers-reduced-motion', () => {
    mockMedia(['(prefers-reduced-motion: reduce)']);
    expect(prefersReducedMotion()).toBe(true);
    expect(motionOptions()).toEqual({ zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false });
    const map = L.map(container, motionOptions());
    expect(map.options.zoomAnimation).toBe(false);
    expect(map.options.fadeAnimation).toBe(false);
    expect(map.options.markerZoomAnimation).toBe(false);
    map.remove();
  });

  it('keeps Leaflet’s animations otherwise', () => {
    mockMedia([]);
    expect(prefersReducedMotion()).toBe(false);
    expect(motionOptions()).toEqual({});
    const map = L.map(container, motionOptions());
    expect(map.options.zoomAnimation).toBe(true);
    map.remove();
  });

  it('on a touch screen, moves the map with two fingers only and tells so on a one-finger move', () => {
    jest.useFakeTimers();
    const map = L.map(container);
    const cleanup = installTwoFingerPan(map, container, true);
    expect(map.dragging.enabled()).toBe(false);
    expect(map.touchZoom.enabled()).toBe(true);
    const hint = container.querySelector<HTMLElement>('.map-touch-hint');
    expect(hint?.textContent).toBe(TWO_FINGER_HINT);
    expect(hint?.style.display).toBe('none');

    touchMove(container, 1);
    expect(hint?.style.display).toBe('flex');
    jest.advanceTimersByTime(2000);
    expect(hint?.style.display).toBe('none');

    touchMove(container, 1);
    touchMove(container, 2);
    expect(hint?.style.display).toBe('none');

    cleanup();
    expect(container.querySelector('.map-touch-hint')).toBeNull();
    map.remove();
    jest.useRealTimers();
  });

  it('leaves mouse dragging alone on a fine pointer', () => {
    const map = L.map(container);
    installTwoFingerPan(map, container, false);
    expect(map.dragging.enabled()).toBe(true);
    expect(container.querySelector('.map-touch-hint')).toBeNull();
    map.remove();
  });
});
