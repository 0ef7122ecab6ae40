import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { DurationFigure } from '@passerelle/shared/dto';
import { DurationFigureView } from './duration-figure';
import { FigureCard } from './figure-card';
import type { Comparison } from './comparison';

const HOUR = 3_600_000;

@Component({
  imports: [FigureCard, DurationFigureView],
  template: `
    <pas-figure-card title="Première réponse" definition="Du dépôt à la première réponse." [comparison]="comparison()">
      <pas-duration-figure [figure]="figure()" [dayMs]="7.5 * 3600000" />
      <button figureActions type="button">Voir les questions</button>
    </pas-figure-card>
  `,
})
class Host {
  readonly figure = signal<DurationFigure>({ count: 42, p50Ms: 1.5 * HOUR, p90Ms: 18 * HOUR });
  readonly comparison = signal<Comparison | null>({ direction: 'up', text: '+12 min par rapport aux 30 jours précédents' });
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe(FigureCard.name, () => {
  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows the median and the 90th percentile with their count, and the change in words', async () => {
    const { element } = await render();
    expect(text(element.querySelector('h3'))).toBe('Première réponse');
    expect(Array.from(element.querySelectorAll('dd')).map(text)).toEqual(['1 h 30', '2 j 3 h']);
    expect(text(element.querySelector('.count'))).toBe('Sur 42 questions répondues');
    // The arrow is decoration: the words carry the change.
    expect(text(element.querySelector('.arrow'))).toBe('↑');
    expect(element.querySelector('.arrow')?.getAttribute('aria-hidden')).toBe('true');
    expect(text(element.querySelector('.comparison span:not(.arrow)'))).toBe('+12 min par rapport aux 30 jours précédents');
    expect(text(element.querySelector('.actions'))).toBe('Voir les questions');
  });

  it('shows « — » and the count when a figure rests on fewer than 10 questions', async () => {
    const { fixture, element } = await render();
    fixture.componentInstance.figure.set({ count: 4, p50Ms: null, p90Ms: null });
    await fixture.whenStable();
    expect(Array.from(element.querySelectorAll('dd')).map(text)).toEqual(['—', '—']);
    expect(text(element.querySelector('.count'))).toBe('4 questions répondues : trop peu pour un délai (moins de 10)');
  });

  it('opens the definition behind « ? »', async () => {
    const { fixture, element } = await render();
    const help = element.querySelector<HTMLButtonElement>('button.help') as HTMLButtonElement;
    const definition = element.querySelector<HTMLElement>('.definition') as HTMLElement;
    expect(help.getAttribute('aria-label')).toBe('Définition : Première réponse');
    expect(help.getAttribute('aria-controls')).toBe(definition.id);
    expect(definition.hidden).toBe(true);
    help.click();
    await fixture.whenStable();
    expect(help.getAttribute('aria-expanded')).toBe('true');
    expect(definition.hidden).toBe(false);
    expect(text(definition)).toBe('Du dépôt à la première réponse.');
  });
});
