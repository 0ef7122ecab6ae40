import { BreakpointObserver } from '@angular/cdk/layout';
import { TestBed } from '@angular/core/testing';
import type { FundingLineDto } from '@passerelle/shared/dto';
import { of } from 'rxjs';
import { FundingTable } from './funding-table';

const lines: FundingLineDto[] = [
  {
    funder: 'ETAT',
    funderName: null,
    scheme: 'DETR',
    amountRequestedCents: 1_234_567_89,
    amountObtainedCents: 1_000_000_00,
    state: 'OBTAINED',
    requestedOn: null,
    decidedOn: null,
  },
];

describe(FundingTable.name, () => {
  const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

  async function render(phone: boolean) {
    TestBed.configureTestingModule({
      providers: [{ provide: BreakpointObserver, useValue: { observe: () => of({ matches: phone, breakpoints: {} }) } }],
    });
    const fixture = TestBed.createComponent(FundingTable);
    fixture.componentRef.setInput('lines', lines);
    fixture.componentRef.setInput('costCents', 2_469_135_78);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('is a table with a caption and headed rows and columns on a wide screen', async () => {
    const element = await render(false);
    expect(element.querySelector('table caption')?.textContent).toContain('Financements du projet');
    expect(element.querySelectorAll('thead th[scope="col"]')).toHaveLength(5);
    expect(element.querySelector('.cards')).toBeNull();
  });

  it('turns into one card per funder on a phone, every amount written in full', async () => {
    const element = await render(true);
    expect(element.querySelector('table')).toBeNull();
    const cards = element.querySelectorAll('.cards > li');
    expect(cards).toHaveLength(2);
    expect(squash(cards[0].querySelector('.funder')?.textContent)).toBe('État');
    const terms = Array.from(cards[0].querySelectorAll('dt')).map((term) => term.textContent);
    expect(terms).toEqual(['Dispositif', 'État', 'Demandé', 'Obtenu']);
    expect(squash(cards[0].textContent)).toContain('1 234 567,89 €');
    expect(squash(element.querySelector('.total-requested')?.textContent)).toBe('1 234 567,89 € 50 % du coût HT');
  });
});
