import { TtlCache } from './ttl-cache';

describe(TtlCache.name, () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 0;
  });

  it('loads once while fresh, again once expired', async () => {
    const sut = new TtlCache<number>(1_000, 10, clock);
    const load = jest.fn().mockResolvedValueOnce(1).mockResolvedValueOnce(2);
    expect(await sut.getOrLoad('k', load)).toBe(1);
    now = 999;
    expect(await sut.getOrLoad('k', load)).toBe(1);
    now = 1_000;
    expect(await sut.getOrLoad('k', load)).toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one load between concurrent misses', async () => {
    const sut = new TtlCache<string>(1_000, 10, clock);
    const load = jest.fn().mockResolvedValue('v');
    await Promise.all([sut.getOrLoad('k', load), sut.getOrLoad('k', load), sut.getOrLoad('k', load)]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed load', async () => {
    const sut = new TtlCache<string>(1_000, 10, clock);
    await expect(sut.getOrLoad('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await sut.getOrLoad('k', () => Promise.resolve('back'))).toBe('back');
  });

  it('evicts the oldest entries beyond its size, and forgets everything on clear', async () => {
    const sut = new TtlCache<string>(1_000, 2, clock);
    const load = jest.fn((v: string) => Promise.resolve(v));
    await sut.getOrLoad('a', () => load('a'));
    await sut.getOrLoad('b', () => load('b'));
    await sut.getOrLoad('c', () => load('c'));
    await sut.getOrLoad('a', () => load('a2'));
    expect(load).toHaveBeenLastCalledWith('a2');
    sut.clear();
    await sut.getOrLoad('c', () => load('c2'));
    expect(load).toHaveBeenLastCalledWith('c2');
  });
});
