import { departementProjectQuery } from './backoffice-projects-filters';

describe('departementProjectQuery', () => {
  it('sends the filters chosen and the page as limit and offset', () => {
    expect(
      departementProjectQuery(
        { q: '  école ', commune: '95002', canton: '9509', status: 'IN_PROGRESS', theme: 'VOIRIE' },
        2,
        20,
      ),
    ).toEqual({ q: 'école', commune: '95002', canton: '9509', status: 'IN_PROGRESS', theme: 'VOIRIE', limit: 20, offset: 40 });
  });

  it('leaves out the filters left on "all", so that the API applies none', () => {
    expect(departementProjectQuery({ q: '   ', commune: null, canton: '', status: '', theme: '' }, 0, 50)).toEqual({
      limit: 50,
      offset: 0,
    });
  });
});
