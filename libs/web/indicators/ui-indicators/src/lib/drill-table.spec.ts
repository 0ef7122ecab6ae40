import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { IndicatorThreadRow } from '@passerelle/shared/dto';
import { DrillTable, type IndicatorOpinion } from './drill-table';

const HOUR = 3_600_000;

const rated: IndicatorThreadRow = {
  threadId: 't1',
  subject: 'Subvention pour la cour d’école',
  communeInsee: '95002',
  communeName: 'Ableiges',
  category: 'FUNDING',
  createdAt: '2026-03-02T09:00:00Z',
  firstResponseAt: '2026-03-03T08:00:00Z',
  firstResponseWorkingMs: 3 * HOUR,
  closedAt: '2026-03-05T10:00:00Z',
  satisfactionScore: 4,
  effortScore: null,
};

@Component({
  imports: [DrillTable],
  template: `<pas-drill-table [rows]="rows()" caption="Questions fermées avec une note" [dayMs]="7.5 * 3600000" [opinion]="opinion()" />`,
})
class Host {
  readonly rows = signal<readonly IndicatorThreadRow[]>([rated, { ...rated, threadId: 't2', satisfactionScore: null, effortScore: 6 }]);
  readonly opinion = signal<IndicatorOpinion | null>(null);
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const cells = (row: Element | null) => Array.from(row?.querySelectorAll('th, td') ?? []).map((cell) => squash(cell.textContent));

describe(DrillTable.name, () => {
  async function render(opinion: IndicatorOpinion | null, rows?: readonly IndicatorThreadRow[]) {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.opinion.set(opinion);
    if (rows) {
      fixture.componentInstance.rows.set(rows);
    }
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    return {
      headers: Array.from(element.querySelectorAll('thead th')).map((th) => [squash(th.textContent), th.getAttribute('scope')]),
      rows: Array.from(element.querySelectorAll('tbody tr')).map(cells),
      element,
    };
  }

  it('lists the questions without any score when the figure is not an opinion', async () => {
    const { headers, rows } = await render(null);
    expect(headers.map(([text]) => text)).toEqual(['Question', 'Commune', 'Catégorie', 'Déposée le', 'Première réponse le', 'Délai ouvré', 'Fermée le']);
    expect(rows[0]).toEqual(['Subvention pour la cour d’école', 'Ableiges', 'Financement', '02/03/2026', '03/03/2026', '3 h', '05/03/2026']);
  });

  it('adds the satisfaction score, out of 5, to a list about satisfaction', async () => {
    const { headers, rows } = await render('satisfaction');
    expect(headers.at(-1)).toEqual(['Satisfaction (sur 5)', 'col']);
    expect(rows.map((row) => row.at(-1))).toEqual(['4 / 5', '—']);
  });

  it('adds the effort score, out of 7, to a list about effort', async () => {
    const { headers, rows } = await render('effort');
    expect(headers.at(-1)).toEqual(['Effort (sur 7)', 'col']);
    expect(rows.map((row) => row.at(-1))).toEqual(['—', '6 / 7']);
  });

  it('spans the whole table with « Aucune question », with or without the score', async () => {
    for (const opinion of [null, 'effort'] as const) {
      TestBed.resetTestingModule();
      const { element, headers } = await render(opinion, []);
      const empty = element.querySelector('tbody td');
      expect(squash(empty?.textContent)).toBe('Aucune question.');
      expect(Number(empty?.getAttribute('colspan'))).toBe(headers.length);
    }
  });

  it('names its scrolling region after its caption', async () => {
    const { element } = await render('satisfaction');
    const region = element.querySelector('[role="region"]');
    expect(squash(element.querySelector(`#${region?.getAttribute('aria-labelledby')}`)?.textContent)).toBe('Questions fermées avec une note');
  });
});
