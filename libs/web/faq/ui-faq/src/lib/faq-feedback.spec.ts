import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FaqFeedback } from './faq-feedback';

@Component({
  imports: [FaqFeedback],
  template: `<pas-faq-feedback [previous]="previous()" [busy]="busy()" [saved]="saved()" [error]="error()" (answered)="answers.push($event)" />`,
})
class Host {
  readonly previous = signal<boolean | null>(null);
  readonly busy = signal(false);
  readonly saved = signal(false);
  readonly error = signal('');
  readonly answers: boolean[] = [];
}

describe(FaqFeedback.name, () => {
  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const button = (label: string) =>
      Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.replace('✓', '').trim() === label) as HTMLButtonElement;
    const live = () => element.querySelector('[aria-live="polite"]')?.textContent?.trim();
    return { fixture, host: fixture.componentInstance, element, button, live };
  }

  it('asks the question as a named group of two unpressed buttons', async () => {
    const { element, button } = await render();
    const group = element.querySelector('[role="group"]');
    const name = document.getElementById(group?.getAttribute('aria-labelledby') ?? '')?.textContent;
    expect(name).toContain('Cette réponse vous a-t-elle aidé');
    expect(button('Oui').getAttribute('aria-pressed')).toBe('false');
    expect(button('Non').getAttribute('aria-pressed')).toBe('false');
  });

  it('shows the answer of an earlier visit pressed, and lets the reader change it', async () => {
    const { fixture, host, button } = await render();
    host.previous.set(false);
    await fixture.whenStable();
    expect(button('Non').getAttribute('aria-pressed')).toBe('true');
    expect(button('Oui').getAttribute('aria-pressed')).toBe('false');
    button('Oui').click();
    await fixture.whenStable();
    expect(host.answers).toEqual([true]);
    expect(button('Oui').getAttribute('aria-pressed')).toBe('true');
  });

  it('presses the chosen answer, sends it, and thanks once the page says it is recorded', async () => {
    const { fixture, host, button, live } = await render();
    button('Oui').click();
    await fixture.whenStable();
    expect(host.answers).toEqual([true]);
    expect(button('Oui').getAttribute('aria-pressed')).toBe('true');
    expect(button('Non').getAttribute('aria-pressed')).toBe('false');
    expect(live()).toBe('');

    host.saved.set(true);
    await fixture.whenStable();
    expect(live()).toBe('Merci pour votre réponse\u00a0!');

    // A change of mind: the other button is pressed instead.
    button('Non').click();
    await fixture.whenStable();
    expect(host.answers).toEqual([true, false]);
    expect(button('Oui').getAttribute('aria-pressed')).toBe('false');
    expect(button('Non').getAttribute('aria-pressed')).toBe('true');
  });

  it('sends nothing more while an answer is on its way, and reads out a failure', async () => {
    const { fixture, host, button, live } = await render();
    host.busy.set(true);
    await fixture.whenStable();
    button('Non').click();
    expect(host.answers).toEqual([]);

    host.busy.set(false);
    host.error.set('Le serveur est injoignable.');
    await fixture.whenStable();
    expect(live()).toBe('Le serveur est injoignable.');
  });
});
