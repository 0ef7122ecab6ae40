import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './validation';

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
