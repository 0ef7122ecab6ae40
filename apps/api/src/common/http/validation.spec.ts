import type { ValidationError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max } from 'class-validator';
import { ValidationFailedException } from '../exceptions/domain.exception';
import { AppValidationPipe, MAX_FIELD_ERRORS, createValidationPipe, flattenValidationErrors } from './validation';

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

describe(AppValidationPipe.name, () => {
  class PageQuery {
    @Type(() => Number)
    @IsInt({ message: 'limit doit être un entier.' })
    @Max(100, { message: 'limit ne peut pas dépasser 100.' })
    limit = 20;

    @IsOptional()
    @IsString({ each: true })
    tags?: string[];
  }
  const query = { type: 'query', metatype: PageQuery } as const;

  it('gives each request its own copy of a query validated before, with the same values and class', async () => {
    const pipe = createValidationPipe();
    const first = (await pipe.transform({ limit: '50', tags: ['a', 'b'] }, query)) as PageQuery;
    const second = (await pipe.transform({ limit: '50', tags: ['a', 'b'] }, query)) as PageQuery;
    expect(second).toBeInstanceOf(PageQuery);
    expect(second).toEqual(first);
    expect(second.limit).toBe(50);
    // What one request changes, the next does not see.
    second.tags?.push('c');
    second.limit = 1;
    const third = (await pipe.transform({ limit: '50', tags: ['a', 'b'] }, query)) as PageQuery;
    expect(third).toEqual({ limit: 50, tags: ['a', 'b'] });
  });

  it('refuses an invalid query every time (nothing kept)', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 2; i++) {
      await expect(pipe.transform({ limit: '500' }, query)).rejects.toBeInstanceOf(ValidationFailedException);
      await expect(pipe.transform({ limit: '5', role: 'ADMIN' }, query)).rejects.toBeInstanceOf(ValidationFailedException);
    }
  });

  it('validates bodies every time, as before', async () => {
    const pipe = createValidationPipe();
    const body = { type: 'body', metatype: PageQuery } as const;
    const a = (await pipe.transform({ limit: 3 }, body)) as PageQuery;
    const b = (await pipe.transform({ limit: 3 }, body)) as PageQuery;
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });
});
