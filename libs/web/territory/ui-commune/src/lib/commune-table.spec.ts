import { TestBed } from '@angular/core/testing';
import type { CommuneSummaryDto } from '@passerelle/shared/dto';
import { CommuneTable } from './commune-table';

const communes: CommuneSummaryDto[] = [
  {
    insee: '95002',
    name: 'Ableiges',
    population: 1108,
    postcodes: ['95450'],
    eligible: true,
    departementCode: '95',
    canton: { code: '95016', name: 'Pontoise' },
    epci: null,
    center: null,
  },
  {
    insee: '95018',
    name: 'Argenteuil',
    population: 106130,
    postcodes: ['95100'],
    eligible: false,
    departementCode: '95',
    canton: { code: '95002', name: 'Argenteuil-2' },
    epci: null,
    center: null,
  },
];

describe(CommuneTable.name, () => {
  async function render(inputs: { compact?: boolean; selectedInsee?: string | null } = {}) {
    const fixture = TestBed.createComponent(CommuneTable);
    fixture.componentRef.setInput('communes', communes);
    fixture.componentRef.setInput('threshold', 5000);
    fixture.componentRef.setInput('compact', inputs.compact ?? false);
    fixture.componentRef.setInput('selectedInsee', inputs.selectedInsee ?? null);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const rows = Array.from(element.querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );
    const headers = Array.from(element.querySelectorAll('th')).map((th) => th.textContent?.trim());
    return { fixture, element, rows, headers };
  }

  it('shows each commune with French-formatted population and its size in words', async () => {
    const { rows, headers } = await render();
    expect(headers).toEqual(['Commune', 'Code postal', 'Population', 'Canton', 'Taille']);
    expect(rows[0]).toEqual(['Ableiges', '95450', '1\u202f108', 'Pontoise', 'Moins de 5\u202f000 hab.']);
    expect(rows[1][4]).toBe('5\u202f000 hab. ou plus');
  });

  it('fits a phone: postcode under the name, no canton, the threshold in the header', async () => {
    const { rows, headers } = await render({ compact: true });
    expect(headers).toEqual(['Commune', 'Population', 'Moins de 5\u202f000 hab.']);
    expect(rows[0][0]).toContain('95450');
    expect(rows.map((row) => row[2])).toEqual(['Oui', 'Non']);
  });

  it('emits the INSEE code of the commune whose name is activated', async () => {
    const { fixture, element } = await render();
    const chosen: string[] = [];
    fixture.componentInstance.communeSelected.subscribe((insee) => chosen.push(insee));
    element.querySelectorAll<HTMLButtonElement>('tbody button')[1].click();
    expect(chosen).toEqual(['95018']);
  });

  it('marks the selected commune for assistive technologies', async () => {
    const { element } = await render({ selectedInsee: '95018' });
    const buttons = element.querySelectorAll('tbody button');
    expect(buttons[0].getAttribute('aria-current')).toBeNull();
    expect(buttons[1].getAttribute('aria-current')).toBe('true');
  });
});
