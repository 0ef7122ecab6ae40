import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { PublicDeptProjectsApi } from '@passerelle/web/public/data-access';
import { configFixture, deptSummaryFixture } from '@passerelle/web/public/ui-public/testing';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of } from 'rxjs';
import { DeptProjectListPage } from './dept-project-list-page';

const AXIS = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';

describe(DeptProjectListPage.name, () => {
  let list: jest.Mock;
  let navigate: jest.SpyInstance;

  async function render(params: Record<string, string> = {}) {
    const fixture = TestBed.createComponent(DeptProjectListPage);
    for (const [name, value] of Object.entries(params)) {
      fixture.componentRef.setInput(name, value);
    }
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => {
    list = jest.fn().mockReturnValue(
      of({ items: [deptSummaryFixture('veloroute-vexin', 'Véloroute du Vexin')], total: 1, limit: 12, offset: 0 }),
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: PublicDeptProjectsApi,
          useValue: { list, axes: () => of([{ id: AXIS, label: 'Mobilités du quotidien', description: '', publishedCount: 1 }]) },
        },
        { provide: PublicConfig, useValue: { load: () => of(configFixture) } },
        {
          provide: TerritoryApi,
          useValue: { listCantons: () => of({ items: [{ code: '9510', name: 'Pontoise' }], total: 1, limit: 100, offset: 0 }) },
        },
      ],
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  it('asks for the search, canton, axis and status of the address, and shows the cards', async () => {
    const element = await render({ q: 'piste', canton: '9510', axis: AXIS, status: 'in_progress', page: '2' });
    expect(list).toHaveBeenLastCalledWith({
      departement: '95',
      q: 'piste',
      canton: '9510',
      axis: AXIS,
      status: 'IN_PROGRESS',
      limit: 12,
      offset: 12,
    });
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe('1 projet trouvé');
    expect(element.querySelector('pas-public-dept-project-card a')?.getAttribute('href')).toBe('/projets-du-departement/veloroute-vexin');
    expect(element.querySelector('nav[aria-label="Listes de projets"] a[aria-current="page"]')?.textContent?.trim()).toBe(
      'Projets du Département',
    );
  });

  it('ignores a malformed axis or status rather than failing', async () => {
    await render({ axis: 'mobilites', status: 'PUBLISHED' });
    expect(list).toHaveBeenLastCalledWith({ departement: '95', limit: 12, offset: 0 });
  });

  it('clears every filter in the address at once', async () => {
    const element = await render({ canton: '9510' });
    const clear = Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find((b) =>
      b.textContent?.includes('Effacer'),
    );
    clear?.click();
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: { page: null, q: null, canton: null, axis: null, status: null }, queryParamsHandling: 'merge' }),
    );
  });
});
