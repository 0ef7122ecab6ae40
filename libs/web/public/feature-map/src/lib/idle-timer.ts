import { InjectionToken } from '@angular/core';

/** How long a touch desk waits without anyone using it before it goes back to the overview. */
export const KIOSK_IDLE_MS = new InjectionToken<number>('KIOSK_IDLE_MS', {
  providedIn: 'root',
  factory: () => 2 * 60 * 1000,
});

/** What counts as someone using the desk: a touch, a click, a key, the wheel. */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once after `timeoutMs` without any activity on `target`; every activity starts the wait again.
 * Listens in the capture phase, so that a control stopping the event's propagation still counts as activity.
 */
export class IdleTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private readonly onActivity = () => this.arm();

  constructor(
    private readonly target: EventTarget,
    private readonly timeoutMs: number,
    private readonly onIdle: () => void,
  ) {}

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    for (const type of ACTIVITY_EVENTS) {
      this.target.addEventListener(type, this.onActivity, { capture: true, passive: true });
    }
    this.arm();
  }

  stop(): void {
    if (!this.running) {
      return;
    }
    this.running = false;
    for (const type of ACTIVITY_EVENTS) {
      this.target.removeEventListener(type, this.onActivity, { capture: true });
    }
    this.disarm();
  }

  private arm(): void {
    this.disarm();
    this.timer = setTimeout(() => {
      this.timer = null;
      // Back at the overview, nothing more to do until someone comes: the next activity arms the timer again.
      this.onIdle();
    }, this.timeoutMs);
  }

  private disarm(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
