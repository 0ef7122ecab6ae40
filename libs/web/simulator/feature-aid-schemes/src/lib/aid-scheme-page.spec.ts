import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MeDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { SimulatorApi } from '@passerelle/web/simulator/data-access';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { of, throwError } from 'rxjs';
import { AidSchemePage } from './aid-scheme-page';
import { schemeFixture, testCaseFixture } from './testing/aid-scheme-fixtures';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

describe(AidSchemePage.name, () => {
  let fixture: ComponentFixture<AidSchemePage>;
  let element: HTMLElement;
  let api: { getScheme: jest.Mock; addTestCase: jest.Mock };
  let territory: { listCommunes: jest.Mock };

  async function render() {
    fixture = TestBed.createComponent(AidSchemePage);
    fixture.componentRef.setInput('id', 's1');
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  function type(selector: string, value: string) {
    const field = element.querySelector<HTMLInputElement>(selector) as HTMLInputElement;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  function button(label: string): HTMLButtonElement {
    return Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find((b) => plain(b.textContent) === label) as HTMLButtonElement;
  }

  beforeEach(() => {
    api = {
      getScheme: jest.fn(() => of(schemeFixture({ testCases: [testCaseFixture()] }))),
      addTestCase: jest.fn(() => of(testCaseFixture({ id: 'tc2', name: 'École de Vigny' }))),
    };
    territory = { listCommunes: jest.fn(() => of({ items: [], total: 0, limit: 10, offset: 0 })) };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: SimulatorApi, useValue: api },
        { provide: TerritoryApi, useValue: territory },
        { provide: AuthSession, useValue: { user: signal({ id: 'u1', role: 'ADMIN', departement: { code: '95', name: 'Val-d’Oise' } } as MeDto) } },
      ],
    });
  });

  it('shows the scheme, its links and every version newest first with its rule and sources', async () => {
    await render();
    expect(api.getScheme).toHaveBeenCalledWith('s1');
    expect(element.querySelector('h1')?.textContent).toBe('Aide du Val-d’Oise aux communes rurales');
    expect(element.textContent).toContain('Pour les travaux des communes de moins de 3 500 habitants.');
    expect(element.querySelector<HTMLAnchorElement>('a[href="https://www.valdoise.fr/aides"]')?.textContent).toBe('Le guide des aides');
    const versions = Array.from(element.querySelectorAll('.version'));
    expect(versions.map((v) => plain(v.querySelector('h3')?.textContent))).toEqual(['Depuis le 01/01/2025 en vigueur exemple', 'Du 01/01/2024 au 31/12/2024']);
    expect(plain(versions[0].querySelector('.rule')?.textContent)).toContain('Taux de 20 % à 40 % de la dépense HT');
    expect(plain(versions[1].querySelector('.rule')?.textContent)).toContain('Taux de 20 % à 30 %');
    expect(versions[0].querySelector<HTMLAnchorElement>('.links a')?.href).toBe('https://www.valdoise.fr/');
    expect(element.querySelector<HTMLAnchorElement>('.actions a')?.getAttribute('href')).toBe('/departement/dispositifs/s1/modifier');
  });

  it('shows the saved test cases to admins with their expected line', async () => {
    await render();
    const testCase = element.querySelector('.case');
    expect(testCase?.querySelector('.case-name')?.textContent).toBe('Voirie d’Ableiges');
    expect(plain(testCase?.textContent)).toContain('95002 (1 108 habitants)');
    expect(plain(testCase?.textContent)).toContain('Éligible · minimum 20 000,00 € · maximum 40 000,00 € · retenu 40 000,00 €');
    expect(plain(testCase?.textContent)).toContain('14/03/2026');
  });

  it('shows no test case nor edit to an agent, and a national scheme as read-only', async () => {
    api.getScheme.mockReturnValue(of(schemeFixture({ departementCode: null, editable: false, testCases: null })));
    await render();
    expect(element.querySelector('#scheme-cases')).toBeNull();
    expect(element.querySelector('form')).toBeNull();
    expect(element.textContent).not.toContain('Modifier le dispositif');
    expect(element.textContent).toContain('Dispositif national, tenu à jour avec l’application');
  });

  it('adds a test case for a commune of the département, and reads the scheme again', async () => {
    await render();
    button('Ajouter le cas de test').click();
    await fixture.whenStable();
    expect(api.addTestCase).not.toHaveBeenCalled();
    expect(element.querySelectorAll('pas-error-summary li').length).toBe(4);

    type('#case-name', 'École de Vigny');
    (fixture.componentInstance as unknown as { caseForm: { patchValue(v: object): void } }).caseForm.patchValue({
      commune: { insee: '95658', name: 'Vigny' },
      theme: 'ECOLES_PETITE_ENFANCE',
      date: '2026-03-14',
    });
    type('#case-expenseHt', '180 000,50');
    type('#case-expenseTtc', '216 000');
    button('Ajouter le cas de test').click();
    await fixture.whenStable();

    expect(api.addTestCase).toHaveBeenCalledWith('s1', {
      name: 'École de Vigny',
      communeInsee: '95658',
      theme: 'ECOLES_PETITE_ENFANCE',
      eligibleExpenseHtCents: 18_000_050,
      expenseTtcCents: 21_600_000,
      derogation: null,
      date: '2026-03-14',
    });
    expect(api.getScheme).toHaveBeenCalledTimes(2);
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Cas de test « École de Vigny » enregistré');
    expect(element.querySelector<HTMLInputElement>('#case-name')?.value).toBe('');
  });

  it('shows the API’s refusal of a case under its field', async () => {
    api.addTestCase.mockReturnValue(
      throwError(() => ({ status: 403, error: { code: 'SIMULATION_COMMUNE_FORBIDDEN', message: 'Commune refusée.', errors: { communeInsee: 'Commune d’un autre département.' } } })),
    );
    await render();
    type('#case-name', 'Hors département');
    (fixture.componentInstance as unknown as { caseForm: { patchValue(v: object): void } }).caseForm.patchValue({
      commune: { insee: '78001', name: 'Ailleurs' },
      theme: 'VOIRIE',
    });
    type('#case-expenseHt', '1000');
    button('Ajouter le cas de test').click();
    await fixture.whenStable();
    expect(plain(element.querySelector('pas-error-summary li')?.textContent)).toBe('Commune : Commune d’un autre département.');
  });
});
