import { signal, type WritableSignal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router } from '@angular/router';
import type { AidSchemeTestCaseRun } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { SimulatorApi } from '@passerelle/web/simulator/data-access';
import { todayInParis } from '@passerelle/web/shared/util-format';
import { of, throwError } from 'rxjs';
import { AidSchemeEditorPage } from './aid-scheme-editor-page';
import { expectationFixture, schemeFixture, testCaseFixture } from './testing/aid-scheme-fixtures';

/** Intl's no-break spaces, read as plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

const changedRun: AidSchemeTestCaseRun = {
  testCaseId: 'tc1',
  name: 'Voirie d’Ableiges',
  expected: expectationFixture(),
  actual: expectationFixture({ maxCents: 6_000_000, retainedCents: 5_000_000 }),
};

describe(AidSchemeEditorPage.name, () => {
  let fixture: ComponentFixture<AidSchemeEditorPage>;
  let element: HTMLElement;
  let api: { getScheme: jest.Mock; createScheme: jest.Mock; updateScheme: jest.Mock; testRule: jest.Mock };
  let navigate: jest.SpyInstance;
  let snack: jest.SpyInstance;
  let user: WritableSignal<{ role: string; installationAdmin: boolean }>;

  async function render(id?: string) {
    fixture = TestBed.createComponent(AidSchemeEditorPage);
    if (id) {
      fixture.componentRef.setInput('id', id);
    }
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  function type(selector: string, value: string) {
    const field = element.querySelector<HTMLInputElement>(selector);
    if (!field) {
      throw new Error(`no field ${selector}`);
    }
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  function button(label: string): HTMLButtonElement {
    return Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find((b) => plain(b.textContent) === label) as HTMLButtonElement;
  }

  async function click(label: string) {
    button(label).click();
    await fixture.whenStable();
  }

  function patch(value: object) {
    const form = (fixture.componentInstance as unknown as { form: { patchValue(v: object): void; markAsDirty(): void } }).form;
    form.patchValue(value);
    form.markAsDirty();
  }

  beforeEach(() => {
    api = {
      getScheme: jest.fn(() => of(schemeFixture())),
      createScheme: jest.fn(() => of(schemeFixture({ id: 'new1' }))),
      updateScheme: jest.fn(() => of({ scheme: schemeFixture({ version: 5 }), changedTestCases: [] })),
      testRule: jest.fn(),
    };
    user = signal({ role: 'ADMIN', installationAdmin: false });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: SimulatorApi, useValue: api },
        { provide: AuthSession, useValue: { user, role: signal('ADMIN') } },
      ],
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open').mockReturnValue(undefined as never);
  });

  it('creates a scheme with its amounts in cents and its rates in basis points', async () => {
    await render();
    type('#field-code', ' AMC ');
    type('#field-name', 'Aide aux communes rurales');
    type('#field-validFrom', '2026-03-01');
    type('#field-rule-populationMax', '3 500');
    type('#field-rule-rateMin', '12,5');
    type('#field-rule-rateMax', '40');
    type('#field-rule-expenseFloor', '10 000');
    type('#field-rule-expenseCeiling', '300 000,50');
    type('#field-rule-grantCeiling', '50 000');
    type('#field-rule-commissionAbove', '100 000');
    patch({ funder: 'DEPARTEMENT', rule: { themes: ['VOIRIE', 'SECURITE'] } });
    await click('Ajouter une source');
    type('#field-rule-sources-0-label', 'Délibération du 12 décembre 2025');
    type('#field-rule-sources-0-url', 'https://www.valdoise.fr/deliberation');
    await click('Enregistrer');

    expect(api.createScheme).toHaveBeenCalledWith({
      code: 'AMC',
      name: 'Aide aux communes rurales',
      funder: 'DEPARTEMENT',
      kind: 'GRANT',
      destination: 'INVESTMENT',
      description: '',
      audiences: [],
      recurrence: '',
      callForProjects: false,
      links: [],
      firstVersion: {
        validFrom: '2026-03-01',
        validTo: null,
        rule: {
          eligibility: { populationMax: 3500, themes: ['VOIRIE', 'SECURITE'] },
          base: 'HT',
          expenseFloorCents: 1_000_000,
          expenseCeilingCents: 30_000_050,
          rateMinBp: 1250,
          rateMaxBp: 4000,
          grantCeilingCents: 5_000_000,
          capGroup: null,
          lastFunder: false,
          priority: 50,
          noSpendingBeforeFiling: true,
          commissionAboveCents: 10_000_000,
          deadline: null,
          illustrative: false,
          sources: [{ label: 'Délibération du 12 décembre 2025', url: 'https://www.valdoise.fr/deliberation' }],
        },
      },
    });
    expect(snack).toHaveBeenCalledWith('Dispositif créé.', 'OK', expect.anything());
    expect(navigate).toHaveBeenCalledWith(['/departement/dispositifs', 'new1']);
  });

  it('offers a national scheme to the installation’s admins only, and says so in the request', async () => {
    await render();
    expect(element.querySelector('#field-national')).toBeNull();

    user.set({ role: 'ADMIN', installationAdmin: true });
    await fixture.whenStable();
    type('#field-code', 'DSID');
    type('#field-name', 'Dotation de soutien à l’investissement des départements');
    type('#field-validFrom', '2026-03-01');
    patch({ funder: 'ETAT' });
    (element.querySelector('#field-national input') as HTMLInputElement).click();
    await click('Enregistrer');
    expect(api.createScheme).toHaveBeenCalledWith(expect.objectContaining({ code: 'DSID', national: true }));
  });

  it('says what is wrong, in the summary and under the field, and sends nothing', async () => {
    await render();
    type('#field-rule-rateMax', '120');
    await click('Enregistrer');

    expect(api.createScheme).not.toHaveBeenCalled();
    const summary = Array.from(element.querySelectorAll('pas-error-summary li')).map((li) => plain(li.textContent));
    expect(summary).toEqual([
      'Code court : Ce champ est obligatoire.',
      'Nom du dispositif : Ce champ est obligatoire.',
      'Financeur : Ce champ est obligatoire.',
      'Taux maximal : Indiquez un pourcentage entre 0 et 100, par exemple 20 ou 12,5.',
    ]);
    expect(element.querySelector('#field-rule-rateMax')?.closest('mat-form-field')?.querySelector('mat-error')?.textContent).toContain('entre 0 et 100');
  });

  it('starts from the version in force, and adds no version when only the description changed', async () => {
    await render('s1');
    expect(api.getScheme).toHaveBeenCalledWith('s1');
    expect(element.querySelector('h1')?.textContent).toBe('Modifier le dispositif');
    expect(element.querySelector<HTMLInputElement>('#field-rule-rateMax')?.value).toBe('40');
    expect(plain(element.querySelector<HTMLInputElement>('#field-rule-expenseCeiling')?.value)).toBe('300 000,00');
    expect(element.querySelector<HTMLInputElement>('#field-validFrom')?.value).toBe(todayInParis());
    expect(element.textContent).toContain('Le formulaire part de la version en vigueur (depuis le 01/01/2025).');
    expect(element.querySelector('.version-note')?.textContent).toContain('La règle n’a pas changé');
    // No saved case: nothing to test.
    expect(button('Tester la règle')).toBeUndefined();

    type('#field-description', 'Pour les communes rurales.');
    await click('Enregistrer');
    const [id, request] = api.updateScheme.mock.calls[0];
    expect(id).toBe('s1');
    expect(request).toMatchObject({ version: 4, description: 'Pour les communes rurales.', code: 'Val-d’Oise' });
    expect(request).not.toHaveProperty('newVersion');
    expect(request).not.toHaveProperty('acceptChangedTestCases');
    expect(navigate).toHaveBeenCalledWith(['/departement/dispositifs', 's1']);
  });

  it('shows the saved cases a new rule would change, and saves again accepting their new results', async () => {
    api.getScheme.mockReturnValue(of(schemeFixture({ testCases: [testCaseFixture()] })));
    await render('s1');
    type('#field-rule-rateMax', '60');
    await fixture.whenStable();
    expect(plain(element.querySelector('.version-note')?.textContent)).toContain(`Une nouvelle version de la règle commencera le`);

    api.updateScheme.mockReturnValueOnce(
      throwError(() => ({
        status: 409,
        error: { code: 'AID_SCHEME_TEST_CASES_CHANGED', message: 'Cette modification change le résultat de cas de test enregistrés.', changedTestCases: [changedRun] },
      })),
    );
    await click('Enregistrer');
    const refused = api.updateScheme.mock.calls[0][1];
    expect(refused).toMatchObject({ version: 4, newVersion: { validFrom: todayInParis(), validTo: null, rule: { rateMinBp: 2000, rateMaxBp: 6000 } } });
    expect(navigate).not.toHaveBeenCalled();
    const changed = element.querySelector('.changed');
    expect(changed?.querySelector('h2')?.textContent).toBe('Des cas de test changeraient de résultat');
    expect(document.activeElement).toBe(changed?.querySelector('h2'));
    const lines = Array.from(changed?.querySelectorAll('.comparison li') ?? []).map((li) => plain(li.textContent));
    expect(lines).toEqual([
      'Éligible : attendu oui, obtenu oui',
      'Minimum : attendu 20 000,00 €, obtenu 20 000,00 €',
      'Maximum : attendu 40 000,00 €, obtenu 60 000,00 € (changé)',
      'Montant retenu : attendu 40 000,00 €, obtenu 50 000,00 € (changé)',
    ]);

    api.updateScheme.mockReturnValueOnce(of({ scheme: schemeFixture({ version: 5 }), changedTestCases: [changedRun] }));
    await click('Enregistrer et accepter les nouveaux résultats');
    expect(api.updateScheme).toHaveBeenCalledTimes(2);
    expect(api.updateScheme.mock.calls[1]).toEqual(['s1', { ...refused, acceptChangedTestCases: true }]);
    expect(plain(snack.mock.calls[0][0])).toBe('Dispositif enregistré ; un cas de test a pris son nouveau résultat.');
    expect(navigate).toHaveBeenCalledWith(['/departement/dispositifs', 's1']);
  });

  it('forgets a refused save once the form changes: the cases are to be checked again', async () => {
    api.getScheme.mockReturnValue(of(schemeFixture({ testCases: [testCaseFixture()] })));
    api.updateScheme.mockReturnValue(
      throwError(() => ({ status: 409, error: { code: 'AID_SCHEME_TEST_CASES_CHANGED', message: '…', changedTestCases: [changedRun] } })),
    );
    await render('s1');
    type('#field-rule-rateMax', '60');
    await click('Enregistrer');
    expect(element.querySelector('.changed')).not.toBeNull();
    type('#field-rule-rateMax', '55');
    await fixture.whenStable();
    expect(element.querySelector('.changed')).toBeNull();
  });

  it('« Tester la règle » sends what the save would, and shows each case passed or not', async () => {
    const other = testCaseFixture({ id: 'tc2', name: 'École de Vigny' });
    api.getScheme.mockReturnValue(of(schemeFixture({ testCases: [testCaseFixture(), other] })));
    api.testRule.mockReturnValue(
      of({
        checks: [
          { ...changedRun, passed: false },
          { testCaseId: 'tc2', name: 'École de Vigny', expected: other.expected, actual: other.expected, passed: true },
        ],
      }),
    );
    await render('s1');
    expect(plain(element.querySelector('.test .hint')?.textContent)).toContain('les 2 cas de test enregistrés');
    type('#field-rule-rateMax', '60');
    await click('Tester la règle');

    expect(api.testRule).toHaveBeenCalledWith('s1', expect.objectContaining({ version: 4, newVersion: expect.objectContaining({ rule: expect.objectContaining({ rateMaxBp: 6000 }) }) }));
    expect(api.testRule.mock.calls[0][1]).not.toHaveProperty('acceptChangedTestCases');
    expect(api.updateScheme).not.toHaveBeenCalled();
    expect(element.querySelector('#editor-checks')?.textContent).toBe('1 cas sur 2 donne un résultat différent.');
    const verdicts = Array.from(element.querySelectorAll('.test .verdict')).map((p) => plain(p.textContent));
    expect(verdicts).toEqual(['✗ Voirie d’Ableiges : résultat différent', '✓ École de Vigny : même résultat']);
    expect(plain(element.querySelector('.test .comparison')?.textContent)).toContain('Maximum : attendu 40 000,00 €, obtenu 60 000,00 €');

    type('#field-rule-rateMax', '55');
    await fixture.whenStable();
    expect(element.querySelector('.test')?.textContent).toContain('Le formulaire a changé depuis ce test');
  });

  it('shows the API’s field errors under their fields, and asks to reload after a concurrent edit', async () => {
    await render('s1');
    type('#field-rule-rateMin', '50');
    api.updateScheme.mockReturnValueOnce(
      throwError(() => ({
        status: 400,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Certaines informations sont invalides.',
          errors: { 'newVersion.rule.rateMaxBp': 'Le taux maximal ne peut pas être inférieur au taux minimal.', 'newVersion.rule': 'Règle incomplète.' },
        },
      })),
    );
    await click('Enregistrer');
    const summary = Array.from(element.querySelectorAll('pas-error-summary li')).map((li) => plain(li.textContent));
    expect(summary).toEqual(['Taux maximal : Le taux maximal ne peut pas être inférieur au taux minimal.', 'Règle incomplète.']);
    expect(element.querySelector('#field-rule-rateMax')?.closest('mat-form-field')?.querySelector('mat-error')?.textContent).toContain('inférieur au taux minimal');

    api.updateScheme.mockReturnValueOnce(throwError(() => ({ status: 409, error: { code: 'AID_SCHEME_VERSION_CONFLICT', message: 'Conflit' } })));
    await click('Enregistrer');
    expect(element.querySelector('.message[role="status"]')?.textContent).toContain('rechargez la version actuelle');
    expect(element.querySelector<HTMLInputElement>('#field-rule-rateMin')?.value).toBe('50');
    await click('Recharger la version actuelle');
    expect(api.getScheme).toHaveBeenCalledTimes(2);
    expect(element.querySelector<HTMLInputElement>('#field-rule-rateMin')?.value).toBe('20');
  });

  it('refuses to edit a national scheme', async () => {
    api.getScheme.mockReturnValue(of(schemeFixture({ departementCode: null, editable: false })));
    await render('detr');
    expect(element.querySelector('form')).toBeNull();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('dispositifs nationaux');
  });

  it('asks before leaving with unsaved changes only', async () => {
    await render('s1');
    const open = jest.spyOn(TestBed.inject(MatDialog), 'open');
    let leave: boolean | undefined;
    fixture.componentInstance.confirmLeave().subscribe((ok) => (leave = ok));
    expect(leave).toBe(true);
    expect(open).not.toHaveBeenCalled();

    patch({ name: 'Autre nom' });
    fixture.componentInstance.confirmLeave().subscribe();
    expect(open).toHaveBeenCalled();
  });
});
