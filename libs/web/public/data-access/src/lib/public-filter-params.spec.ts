import { readAxisId, readCantonCode, readProjectKind, readPublicFilters } from './public-filter-params';

describe('readPublicFilters', () => {
  it('reads the codes of the API, whatever their case, and trims the words', () => {
    expect(readPublicFilters({ q: ' lavoir ', theme: 'voirie', canton: '9510', commune: '95002', year: '2024', status: 'completed' })).toEqual({
      q: 'lavoir',
      theme: 'VOIRIE',
      canton: '9510',
      commune: '95002',
      year: 2024,
      status: 'COMPLETED',
    });
  });

  it('leaves out what is unknown or malformed, and takes the first of a repeated value', () => {
    expect(readPublicFilters({ theme: 'toString', canton: 'abc', commune: '1', year: '1850', status: 'PUBLISHED', q: ['ecole', 'mairie'] })).toEqual({
      q: 'ecole',
      theme: null,
      canton: null,
      commune: null,
      year: null,
      status: null,
    });
  });
});

describe('readProjectKind, readAxisId and readCantonCode', () => {
  it('reads a known kind whatever its case and ignores anything else', () => {
    expect(readProjectKind({ kind: 'departement' })).toBe('DEPARTEMENT');
    expect(readProjectKind({ kind: 'COMMUNE' })).toBe('COMMUNE');
    expect(readProjectKind({ kind: 'REGION' })).toBeNull();
    expect(readProjectKind({})).toBeNull();
  });

  it('accepts only a uuid as axis, under the name given', () => {
    const id = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
    expect(readAxisId({ axis: id })).toBe(id);
    expect(readAxisId({ axe: id.toUpperCase() }, 'axe')).toBe(id);
    expect(readAxisId({ axis: 'mobilites' })).toBeNull();
    expect(readCantonCode({ canton: '9510' })).toBe('9510');
    expect(readCantonCode({ canton: 'x' })).toBeNull();
  });
});
