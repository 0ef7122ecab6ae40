import type { ValidationError } from '@nestjs/common';
import { MAX_FIELD_ERRORS, flattenValidationErrors } from './validation';

describe(flattenValidationErrors.name, () => {
  it('gives one French message per field, nested fields joined by dots, unknown fields named as such', () => {
    const errors: ValidationError[] = [
      { property: 'limit', constraints: { max: 'limit ne peut pas dépasser 100', isInt: 'entier' }, children: [] },
      { property: 'role', constraints: { whitelistValidation: 'property role should not exist' }, children: [] },
      {
        property: 'location',
        children: [{ property: 'lat', constraints: { max: 'latitude invalide' }, children: [] }],
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual({
      limit: 'limit ne peut pas dépasser 100',
      role: 'Ce champ n’est pas accepté.',
      'location.lat': 'latitude invalide',
    });
  });
});

describe('field error cap', () => {
  it(`stops the list at ${MAX_FIELD_ERRORS} fields`, () => {
    const unknown = (n: number): ValidationError[] =>
      Array.from({ length: n }, (_, i) => ({ property: `x${i}`, constraints: { whitelistValidation: 'no' }, children: [] }));
    expect(Object.keys(flattenValidationErrors(unknown(MAX_FIELD_ERRORS - 1)))).toHaveLength(MAX_FIELD_ERRORS - 1);
    expect(Object.keys(flattenValidationErrors(unknown(1999)))).toHaveLength(MAX_FIELD_ERRORS);
    const nested: ValidationError[] = [{ property: 'a', children: unknown(80) }, ...unknown(10)];
    expect(Object.keys(flattenValidationErrors(nested))).toHaveLength(MAX_FIELD_ERRORS);
  });
});
