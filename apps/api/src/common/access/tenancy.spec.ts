import { SqlParams } from '../sql/sql-params';
import type { AuthUser } from './auth-user';
import { communeVisibleParams, communeVisibleTo } from './tenancy';

const mayor = { id: 'u1', role: 'MAYOR', communeInsee: '95002', departementCode: '95' } as AuthUser;
const agent = { id: 'u2', role: 'AGENT', communeInsee: null, departementCode: '95' } as unknown as AuthUser;

describe('communeVisibleTo', () => {
  it('binds the commune then the département after the parameters already bound', () => {
    const params = new SqlParams('reader', 'thread');
    expect(communeVisibleTo('c', mayor, params)).toBe(
      'CASE WHEN $3::text IS NULL THEN c.departement_code = $4 ELSE c.insee = $3 END',
    );
    expect(params.values).toEqual(['reader', 'thread', '95002', '95']);
  });

  it('binds a null commune for staff, so that the whole département is visible', () => {
    const params = new SqlParams('x');
    expect(communeVisibleTo('c', agent, params)).toBe(
      'CASE WHEN $2::text IS NULL THEN c.departement_code = $3 ELSE c.insee = $2 END',
    );
    expect(params.values.slice(1)).toEqual(communeVisibleParams(agent));
    expect(params.values.slice(1)).toEqual([null, '95']);
  });
});
