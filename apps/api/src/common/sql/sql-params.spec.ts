import { SqlParams } from './sql-params';

describe('SqlParams', () => {
  it('numbers placeholders in the order values are added', () => {
    const params = new SqlParams();
    expect(params.add('a')).toBe('$1');
    expect(params.add(2)).toBe('$2');
    expect(params.add(null)).toBe('$3');
    expect(params.values).toEqual(['a', 2, null]);
    expect(params.length).toBe(3);
  });

  it('starts after the values given to the constructor', () => {
    const params = new SqlParams('reader', 'id');
    expect(params.add('x')).toBe('$3');
    expect(params.values).toEqual(['reader', 'id', 'x']);
  });

  it('binds a list as one typed array parameter', () => {
    const params = new SqlParams('reader');
    expect(`t.id = ${params.any(['a', 'b'], 'uuid[]')}`).toBe('t.id = ANY($2::uuid[])');
    expect(params.values).toEqual(['reader', ['a', 'b']]);
  });

  it('answers a snapshot of the values, which later additions do not change', () => {
    const params = new SqlParams('a');
    const before = params.values;
    params.add('b');
    expect(before).toEqual(['a']);
    expect(params.values).toEqual(['a', 'b']);
  });
});
