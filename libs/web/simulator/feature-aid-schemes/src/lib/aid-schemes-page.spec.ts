import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AidSchemeDto, AidSchemeSummaryDto, MeDto, Role } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { SimulatorApi } from '@passerelle/web/simulator/data-access';
import { of } from 'rxjs';
import { AidSchemesPage } from './aid-schemes-page';
import { ruleFixture, schemeFixture, versionFixture } from './testing/aid-scheme-fixtures';

/** What the list gives of a scheme: the fixture without its versions and test cases. */
function summary(overrides: Partial<AidSchemeSummaryDto>): AidSchemeSummaryDto {
  const scheme: Partial<AidSchemeDto> = schemeFixture();
  delete scheme.versions;
  delete scheme.testCases;
  return { ...(scheme as AidSchemeSummaryDto), ...overrides };
}

const own = summary({});
const national = summary({
  id: 'detr',
  departementCode: null,
  code: 'DETR',
  name: 'Dotation d’équipement des territoires ruraux',
  funder: 'ETAT',
  editable: false,
  current: versionFixture({ id: 'detr-2024', validFrom: '2024-01-01', rule: ruleFixture({ rateMaxBp: 8000, illustrative: false, eligibility: { populationMax: 20_000, themes: [] } }) }),
});
const expired = summary({ id: 'old', departementCode: '95', code: 'Ancienne', name: 'Ancienne aide', editable: true, current: null });

describe(AidSchemesPage.name, () => {
  let fixture: ComponentFixture<AidSchemesPage>;
  let element: HTMLElement;
  let api: { listSchemes: jest.Mock };

  async function render(role: Role) {
    TestBed.overrideProvider(AuthSession, {
      useValue: { user: signal({ id: 'u1', role, departement: { code: '95', name: 'Val-d’Oise' }, commune: null } as MeDto) },
    });
    fixture = TestBed.createComponent(AidSchemesPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  const text = (selector: string) => Array.from(element.querySelectorAll(selector)).map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
  const links = (label: string) => Array.from(element.querySelectorAll<HTMLAnchorElement>('a')).filter((a) => a.textContent?.trim().startsWith(label));

  beforeEach(() => {
    api = { listSchemes: jest.fn(() => of([own, expired, national])) };
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: SimulatorApi, useValue: api }, { provide: AuthSession, useValue: {} }],
    });
  });

  it('lists the département’s schemes, then the national ones, each with its rule in force in words', async () => {
    await render('AGENT');

    expect(text('h2')).toEqual(['Dispositifs du département', 'Dispositifs nationaux']);
    expect(text('h3')).toEqual(['Aide du Val-d’Oise aux communes rurales', 'Ancienne aide', 'Dotation d’équipement des territoires ruraux']);
    const [first, second, third] = Array.from(element.querySelectorAll('article'));
    expect(first.textContent).toContain('Val-d’Oise · Département · Subvention · Investissement');
    expect(first.textContent).toContain('En vigueur depuis le 01/01/2025');
    expect(first.querySelector('.badge')?.textContent).toContain('exemple');
    expect(first.querySelector('.rule')?.textContent?.replace(/[\u00a0\u202f]/g, ' ')).toContain('Taux de 20 % à 40 % de la dépense HT');
    expect(second.textContent).toContain('Aucune version en vigueur aujourd’hui');
    expect(third.querySelector('.badge')).toBeNull();
    expect(third.textContent?.replace(/[\u00a0\u202f]/g, ' ')).toContain('Communes de 20 000 habitants au plus');
    expect(element.querySelector('.count')?.textContent).toContain('3 dispositifs');
  });

  it('offers « Modifier » on the editable schemes only, and « Nouveau dispositif » to admins', async () => {
    await render('ADMIN');
    expect(links('Nouveau dispositif').map((a) => a.getAttribute('href'))).toEqual(['/departement/dispositifs/nouveau']);
    expect(links('Importer les subventions').length).toBe(1);
    expect(links('Modifier').map((a) => a.getAttribute('href'))).toEqual(['/departement/dispositifs/s1/modifier', '/departement/dispositifs/old/modifier']);
    const nationalCard = Array.from(element.querySelectorAll('article')).find((a) => a.textContent?.includes('DETR'));
    expect(nationalCard?.textContent).not.toContain('Modifier');
  });

  it('offers no edit nor creation to an agent', async () => {
    api.listSchemes.mockReturnValue(of([{ ...own, editable: false }, national]));
    await render('AGENT');
    expect(links('Nouveau dispositif')).toEqual([]);
    expect(links('Modifier')).toEqual([]);
    expect(links('Importer')).toEqual([]);
  });

  it('asks the API again for the theme chosen', async () => {
    await render('AGENT');
    api.listSchemes.mockReturnValue(of([national]));
    (fixture.componentInstance as unknown as { chooseTheme(theme: string): void }).chooseTheme('VOIRIE');
    await fixture.whenStable();
    expect(api.listSchemes).toHaveBeenLastCalledWith({ theme: 'VOIRIE' });
    expect(element.querySelector('.count')?.textContent).toContain('1 dispositif pour la thématique « Voirie »');
    expect(text('.empty')).toEqual(['Aucun dispositif pour cette thématique.']);
  });
});
