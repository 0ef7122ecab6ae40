import { readPublicFilters } from './public-filter-params';

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
