import {
  type AidSchemeForm,
  aidSchemeForm,
  controlOf,
  fillAidSchemeForm,
  linkForm,
  newVersionStart,
  parseWholeNumber,
  versionInputOf,
  versionKey,
} from './aid-scheme-form';
import { ruleFixture, schemeFixture } from './testing/aid-scheme-fixtures';

describe('aid scheme form', () => {
  let form: AidSchemeForm;

  beforeEach(() => {
    form = aidSchemeForm();
  });

  it('reads whole numbers of inhabitants, spaces allowed', () => {
    expect(parseWholeNumber('3 500', 1_000_000)).toEqual({ value: 3500, error: null });
    expect(parseWholeNumber('3,5', 1_000_000).error).toContain('nombre entier');
    expect(parseWholeNumber('2000', 1000).error).toContain('de 0 à 1');
  });

  it('turns euros into cents and percentages into basis points, leaving out the empty bounds', () => {
    form.patchValue({
      validFrom: '2026-03-01',
      rule: {
        populationMin: '',
        populationMax: '3 500',
        themes: ['VOIRIE'],
        expenseFloor: '10 000',
        expenseCeiling: '300 000,50',
        rateMin: '12,5',
        rateMax: '',
        grantCeiling: '50 000 €',
        commissionAbove: '',
        priority: '40',
      },
    });
    expect(versionInputOf(form.getRawValue())).toEqual({
      validFrom: '2026-03-01',
      validTo: null,
      rule: {
        eligibility: { populationMax: 3500, themes: ['VOIRIE'] },
        base: 'HT',
        expenseFloorCents: 1_000_000,
        expenseCeilingCents: 30_000_050,
        rateMinBp: 1250,
        grantCeilingCents: 5_000_000,
        capGroup: null,
        lastFunder: false,
        priority: 40,
        noSpendingBeforeFiling: true,
        commissionAboveCents: null,
        deadline: null,
        illustrative: false,
        sources: [],
      },
    });
  });

  it('fills the form from a version, which gives the same rule back', () => {
    const scheme = schemeFixture();
    fillAidSchemeForm(form, scheme, scheme.current, '2026-03-01');
    expect(form.pristine).toBe(true);
    expect(form.controls.rule.controls.rateMax.value).toBe('40');
    expect(form.controls.rule.controls.sources.length).toBe(1);
    expect(versionInputOf(form.getRawValue()).rule).toEqual(ruleFixture());
    const before = versionKey(form.getRawValue());
    form.controls.rule.controls.rateMax.setValue('45');
    expect(versionKey(form.getRawValue())).not.toBe(before);
  });

  it('keeps the end of the version it starts from, unless the new version starts after it', () => {
    const scheme = schemeFixture();
    const ending = { ...scheme.versions[0], validTo: '2026-12-31' };
    fillAidSchemeForm(form, scheme, ending, '2026-03-01');
    expect(form.controls.validTo.value).toBe('2026-12-31');
    fillAidSchemeForm(form, scheme, scheme.versions[1], '2026-03-01');
    expect(form.controls.validTo.value).toBe('');
  });

  it('starts a new version today, or the day after the latest one when that one starts later', () => {
    const scheme = schemeFixture();
    expect(newVersionStart(scheme, '2026-03-14')).toBe('2026-03-14');
    expect(newVersionStart({ ...scheme, versions: [{ ...scheme.versions[0], validFrom: '2026-12-31' }] }, '2026-03-14')).toBe('2027-01-01');
    expect(newVersionStart(null, '2026-03-14')).toBe('2026-03-14');
  });

  it('finds the field of each error the API names', () => {
    form.controls.links.push(linkForm('Le guide', 'https://www.valdoise.fr/'));
    expect(controlOf(form, 'newVersion.rule.rateMaxBp')).toBe(form.controls.rule.controls.rateMax);
    expect(controlOf(form, 'firstVersion.rule.eligibility.populationMax')).toBe(form.controls.rule.controls.populationMax);
    expect(controlOf(form, 'newVersion.validFrom')).toBe(form.controls.validFrom);
    expect(controlOf(form, 'code')).toBe(form.controls.code);
    expect(controlOf(form, 'audiences.3')).toBe(form.controls.audiences);
    expect(controlOf(form, 'links.0.url')).toBe(form.controls.links.at(0).controls.url);
    expect(controlOf(form, 'newVersion.rule.eligibility')).toBeNull();
    expect(controlOf(form, 'version')).toBeNull();
  });
});

