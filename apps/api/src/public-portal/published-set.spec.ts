import { GenerationCache } from './published-set';

describe('GenerationCache', () => {
  it('keeps an answer for its generation only, and shares a load between concurrent callers', async () => {
    const cache = new GenerationCache<number>(10);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    const [a, b] = await Promise.all([cache.get('k', '1', load), cache.get('k', '1', load)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await cache.get('k', '2', load)).toBe(2);
    expect(await cache.get('k', '2', load)).toBe(2);
  });

  it('forgets a failed load and the least recently used entries', async () => {
    const cache = new GenerationCache<string>(2);
    await expect(cache.get('bad', '1', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('bad', '1', () => Promise.resolve('up'))).toBe('up');
    await cache.get('a', '1', () => Promise.resolve('a'));
    await cache.get('bad', '1', () => Promise.resolve('again'));
    await cache.get('b', '1', () => Promise.resolve('b'));
    // "a" was the least recently used: it is loaded again.
    expect(await cache.get('a', '1', () => Promise.resolve('a2'))).toBe('a2');
  });
});
