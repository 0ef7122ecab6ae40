import { afterNextRender, Directive, effect, ElementRef, inject, Injector, input } from '@angular/core';

/**
 * Moves focus to its host each time the bound text becomes non-empty: the confirmation of an action
 * (« La réponse est envoyée. ») takes focus, so that a keyboard or screen-reader user is not left on `<body>` when the
 * button they pressed is disabled or disappears. The host is focusable by script only (`tabindex="-1"`).
 */
@Directive({
  selector: '[pasFocusOnText]',
  host: { tabindex: '-1' },
})
export class FocusOnText {
  readonly pasFocusOnText = input<string | null | undefined>('');

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  constructor() {
    effect(() => {
      if (this.pasFocusOnText()) {
        afterNextRender(() => this.host.nativeElement.focus(), { injector: this.injector });
      }
    });
  }
}
