import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { PublicDeptProjectsApi, PublicProjectsApi } from '@passerelle/web/public/data-access';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { ProjectClusterMap } from '@passerelle/web/shared/ui-map';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of } from 'rxjs';
import { PublicHomePage } from './public-home-page';
import {
  configFixture,
  departementFixture,
  deptSummaryFixture,
  mapDtoFixture,
  StubProjectClusterMap,
  summaryFixture,
} from '@passerelle/web/public/ui-public/testing';

describe(PublicHomePage.name, () => {
  let fixture: ComponentFixture<PublicHomePage>;
  let element: HTMLElement;
  let mapLayer: jest.Mock;
  let list: jest.Mock;
  let deptList: jest.Mock;
  let navigate: jest.SpyInstance;

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(PublicHomePage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  beforeEach(() => {
    mapLayer = jest.fn().mockReturnValue(of(mapDtoFixture(11, ['ableiges-lavoir'])));
    list = jest.fn().mockReturnValue(
      of({
        items: Array.from({ length: 6 }, (_, i) => summaryFixture(`projet-${i}`, `Projet ${i + 1}`)),
        total: 11,
        limit: 6,
        offset: 0,
      }),
    );
    deptList = jest.fn().mockReturnValue(
      of({ items: [deptSummaryFixture('veloroute-vexin', 'Véloroute du Vexin')], total: 1, limit: 3, offset: 0 }),
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: PublicProjectsApi, useValue: { map: mapLayer, list } },
        { provide: PublicDeptProjectsApi, useValue: { list: deptList } },
        {
          provide: TerritoryApi,
          useValue: {
            getDepartement: () => of(departementFixture),
            getCantonOutlines: () => of({ type: 'FeatureCollection', features: [] }),
          },
        },
        { provide: PublicConfig, useValue: { load: () => of(configFixture) } },
      ],
    });
    TestBed.overrideComponent(PublicHomePage, {
      remove: { imports: [ProjectClusterMap] },
      add: { imports: [StubProjectClusterMap] },
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  it('welcomes with one heading naming the département', async () => {
    await render();
    const headings = element.querySelectorAll('h1');
    expect(headings).toHaveLength(1);
    expect(headings[0].textContent?.trim()).toBe("Val-d'Oise\u00a0: les projets des communes");
    expect(element.querySelector('.sign-in a')?.getAttribute('href')).toBe('/connexion');
  });

  it('lists the six latest publications of the département as cards', async () => {
    await render();
    expect(list).toHaveBeenCalledWith({ departement: '95', sort: 'recent', limit: 6 });
    const cards = element.querySelectorAll('pas-public-project-card');
    expect(cards).toHaveLength(6);
    expect(cards[0].querySelector('a')?.getAttribute('href')).toBe('/projets/projet-0');
  });

  it('says so when nothing is published yet', async () => {
    list.mockReturnValue(of({ items: [], total: 0, limit: 6, offset: 0 }));
    await render();
    expect(element.textContent).toContain('Aucun projet n’est encore publié.');
  });

  it('shows the whole département’s projects on the map and opens the one chosen', async () => {
    await render();
    const map = fixture.debugElement.query(By.directive(StubProjectClusterMap)).componentInstance as StubProjectClusterMap;
    map.viewChanged.emit({ bbox: '1.5,48.8,2.7,49.4', zoom: 9 });
    await fixture.whenStable();
    expect(mapLayer).toHaveBeenCalledWith({ departement: '95', bbox: '1.5,48.8,2.7,49.4', zoom: 9 });
    expect(element.querySelector('.summary')?.textContent).toContain('11 projets publiés sur la carte.');

    map.projectChosen.emit({ kind: 'COMMUNE', slug: 'ableiges-lavoir' });
    expect(navigate).toHaveBeenCalledWith(['/projets', 'ableiges-lavoir']);
    map.projectChosen.emit({ kind: 'DEPARTEMENT', slug: 'veloroute-vexin' });
    expect(navigate).toHaveBeenLastCalledWith(['/projets-du-departement', 'veloroute-vexin']);
  });

  it('shows the three latest projects of the département in their own block, and hides it when there is none', async () => {
    await render();
    expect(deptList).toHaveBeenCalledWith({ departement: '95', limit: 3 });
    const block = element.querySelector('section[aria-labelledby="dept-title"]');
    expect(block?.querySelector('h2')?.textContent?.trim()).toBe('Projets du Département');
    expect(block?.querySelector('pas-public-dept-project-card a')?.getAttribute('href')).toBe('/projets-du-departement/veloroute-vexin');

    fixture.destroy();
    deptList.mockReturnValue(of({ items: [], total: 0, limit: 3, offset: 0 }));
    await render();
    expect(element.querySelector('section[aria-labelledby="dept-title"]')).toBeNull();
  });

  it('searches on the search page', async () => {
    await render();
    const input = element.querySelector<HTMLInputElement>('form[role="search"] input');
    if (!input) {
      throw new Error('no search field');
    }
    input.value = '  école ';
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('form[role="search"] button[type="submit"]')?.click();
    expect(navigate).toHaveBeenCalledWith(['/projets'], { queryParams: { q: 'école' } });
  });

  it('leads to the map, the search, the open data and the communes', async () => {
    await render();
    const hrefs = Array.from(element.querySelectorAll('.links a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/carte', '/projets', '/projets-du-departement', '/lettre', '/donnees-ouvertes', '/communes']);
  });
});
