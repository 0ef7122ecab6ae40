import { TestBed } from '@angular/core/testing';
import type { ProjectHistoryEntryDto } from '@passerelle/shared/dto';
import { HistoryTimeline } from './history-timeline';

describe(HistoryTimeline.name, () => {
  it('tells who changed which field, when in Paris time, from what to what', async () => {
    const entries: ProjectHistoryEntryDto[] = [
      {
        id: 'h1',
        at: '2026-07-14T10:00:00Z',
        actor: 'Nathalie Girard',
        action: 'UPDATED',
        changes: [{ field: 'forecastCostCents', label: 'Coût prévisionnel HT', before: 1_000_000, after: 1_234_567 }],
      },
    ];
    const fixture = TestBed.createComponent(HistoryTimeline);
    fixture.componentRef.setInput('entries', entries);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const text = (selector: string) => element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(text('.head')).toBe('Nathalie Girard a modifié la fiche le 14/07/2026 à 12:00');
    expect(text('.label')).toBe('Coût prévisionnel HT :');
    expect(text('.before')).toBe('10 000,00 €');
    expect(text('.after')).toBe('12 345,67 €');
  });
});
