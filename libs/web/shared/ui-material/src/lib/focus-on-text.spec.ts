import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FocusOnText } from './focus-on-text';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FocusOnText],
  template: `
    <button type="button" id="action" [disabled]="busy()">Fermer la question</button>
    <p class="notice" role="status" [pasFocusOnText]="notice()">{{ notice() }}</p>
  `,
})
class Host {
  readonly busy = signal(false);
  readonly notice = signal('');
}

describe('FocusOnText', () => {
  async function render() {
    const fixture = TestBed.createComponent(Host);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    return fixture;
  }

  it('leaves focus alone while the text is empty', async () => {
    const fixture = await render();
    const button = fixture.nativeElement.querySelector('#action') as HTMLButtonElement;
    button.focus();
    fixture.componentInstance.notice.set('');
    await fixture.whenStable();
    expect(document.activeElement).toBe(button);
    fixture.destroy();
  });

  it('moves focus to the confirmation when it appears, and again for the next action', async () => {
    const fixture = await render();
    const host = fixture.componentInstance;
    const notice = fixture.nativeElement.querySelector('.notice') as HTMLElement;
    const button = fixture.nativeElement.querySelector('#action') as HTMLButtonElement;
    expect(notice.getAttribute('tabindex')).toBe('-1');

    button.focus();
    host.busy.set(true);
    host.notice.set('La question est fermée.');
    await fixture.whenStable();
    expect(document.activeElement).toBe(notice);

    host.busy.set(false);
    await fixture.whenStable();
    button.focus();
    host.notice.set('');
    await fixture.whenStable();
    host.notice.set('La question est rouverte.');
    await fixture.whenStable();
    expect(document.activeElement).toBe(notice);
    fixture.destroy();
  });
});
