import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { CommuneSummaryDto, Page } from '@passerelle/shared/dto';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of, throwError } from 'rxjs';
import { CommuneList, SEARCH_DEBOUNCE_MS } from './commune-list';

function commune(insee: string, name: string, population: number): CommuneSummaryDto {
  return {
    insee,
    name,
    population,
    postcodes: ['95000'],
    eligible: population < 5000,
    departementCode: '95',
    canton: { code: '95004', name: 'Cergy-1' },
    epci: null,
    center: null,
  };
}

function page(items: CommuneSummaryDto[], total = items.length): Page<CommuneSummaryDto> {
  return { items, total, limit: 20, offset: 0 };
}

describe(CommuneList.name, () => {
  let fixture: ComponentFixture<CommuneList>;
  let element: HTMLElement;
  let listCommunes: jest.Mock;

  async function render(): Promise<void> {
    TestBed.configureTestingModule({
      imports: [CommuneList],
      providers: [{ provide: TerritoryApi, useValue: { listCommunes } }],
    });
    fixture = TestBed.createComponent(CommuneList);
    fixture.componentRef.setInput('departementCode', '95');
    fixture.componentRef.setInput('threshold', 5000);
    fixture.componentRef.setInput('cantons', [{ code: '95004', name: 'Cergy-1', departementCode: '95', communeCount: 9 }]);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  async function typeSearch(value: string): Promise<void> {
    const input = element.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) {
      throw new Error('no search field');
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    await fixture.whenStable();
  }

  beforeEach(() => {
    // RxJS schedules the debounce with setInterval and Date; Angular's change detection keeps the real setTimeout.
    jest.useFakeTimers({
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setImmediate',
        'clearImmediate',
        'nextTick',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'performance',
      ],
    });
    listCommunes = jest.fn().mockReturnValue(of(page([commune('95002', 'Ableiges', 1108)], 183)));
  });

  afterEach(() => jest.useRealTimers());

  it('loads the first page without filters', async () => {
    await render();
    expect(listCommunes).toHaveBeenCalledTimes(1);
    expect(listCommunes).toHaveBeenLastCalledWith('95', {
      q: undefined,
      eligible: undefined,
      canton: undefined,
      limit: 20,
      offset: 0,
    });
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe('183 communes trouvées');
    expect(element.querySelector('tbody')?.textContent).toContain('1\u202f108');
  });

  it('searches once the user pauses typing, with the trimmed text', async () => {
    await render();
    const input = element.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) {
      throw new Error('no search field');
    }
    input.value = 'cer';
    input.dispatchEvent(new Event('input'));
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS / 2);
    await fixture.whenStable();
    expect(listCommunes).toHaveBeenCalledTimes(1);

    await typeSearch(' cergy ');
    expect(listCommunes).toHaveBeenCalledTimes(2);
    expect(listCommunes).toHaveBeenLastCalledWith('95', expect.objectContaining({ q: 'cergy', offset: 0 }));
  });

  it('turns the size filter into the eligible parameter', async () => {
    await render();
    const component = fixture.componentInstance as unknown as { eligibility: { setValue(v: string): void } };
    component.eligibility.setValue('ineligible');
    await fixture.whenStable();
    expect(listCommunes).toHaveBeenLastCalledWith('95', expect.objectContaining({ eligible: false }));

    component.eligibility.setValue('eligible');
    await fixture.whenStable();
    expect(listCommunes).toHaveBeenLastCalledWith('95', expect.objectContaining({ eligible: true }));
  });

  it('filters by canton and goes back to the first page when a filter changes', async () => {
    await render();
    const component = fixture.componentInstance as unknown as {
      changePage(event: { pageIndex: number; pageSize: number; length: number }): void;
      canton: { setValue(v: string): void };
    };
    component.changePage({ pageIndex: 2, pageSize: 50, length: 183 });
    await fixture.whenStable();
    expect(listCommunes).toHaveBeenLastCalledWith('95', expect.objectContaining({ limit: 50, offset: 100 }));

    component.canton.setValue('95004');
    await fixture.whenStable();
    expect(listCommunes).toHaveBeenLastCalledWith('95', expect.objectContaining({ canton: '95004', limit: 50, offset: 0 }));
  });

  it('says so when nothing matches', async () => {
    await render();
    listCommunes.mockReturnValue(of(page([])));
    await typeSearch('zzz');
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Aucune commune ne correspond à ces critères.',
    );
    expect(element.querySelector('table')).toBeNull();
  });

  it('offers to retry after a failure, and the retry asks again', async () => {
    listCommunes.mockReturnValue(throwError(() => new Error('offline')));
    await render();
    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Impossible de charger les communes.');

    listCommunes.mockReturnValue(of(page([commune('95002', 'Ableiges', 1108)])));
    alert?.querySelector('button')?.click();
    await fixture.whenStable();
    expect(listCommunes).toHaveBeenCalledTimes(2);
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelector('tbody')?.textContent).toContain('Ableiges');
  });

  it('reports the commune chosen in the table', async () => {
    await render();
    const chosen: string[] = [];
    fixture.componentInstance.communeSelected.subscribe((insee) => chosen.push(insee));
    element.querySelector<HTMLButtonElement>('tbody button')?.click();
    expect(chosen).toEqual(['95002']);
  });
});
