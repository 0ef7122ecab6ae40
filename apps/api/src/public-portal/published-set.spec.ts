import type { PublicPortalRepository } from './public-portal.repository';
import { GenerationCache, PublishedSet } from './published-set';

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

describe('PublishedSet', () => {
  /** A repository whose reads end when the test says, each with the generation current when it started. */
  function slowRepository() {
    let generation = 1;
    const reads: { resolve: () => void; reject: (error: Error) => void }[] = [];
    const repository = {
      generation: () =>
        new Promise<string>((resolve, reject) => {
          const seen = String(generation);
          reads.push({ resolve: () => resolve(seen), reject });
        }),
    } as unknown as PublicPortalRepository;
    return { repository, reads, commit: () => (generation += 1) };
  }
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('never gives a request a value read before it arrived, and shares one read among the requests that wait', async () => {
    const { repository, reads, commit } = slowRepository();
    const set = new PublishedSet(repository);
    const first = set.generation();
    // A change commits while the first read runs; then three requests arrive.
    commit();
    const later = [set.generation(), set.generation(), set.generation()];
    expect(reads).toHaveLength(1);
    reads[0].resolve();
    expect(await first).toBe('1');
    await settle();
    // One more read for the three, started after they arrived: it sees the change.
    expect(reads).toHaveLength(2);
    reads[1].resolve();
    expect(await Promise.all(later)).toEqual(['2', '2', '2']);
  });

  it('passes a failed read to its callers only; the next request reads again', async () => {
    const { repository, reads } = slowRepository();
    const set = new PublishedSet(repository);
    const failing = set.generation();
    const waiting = set.generation();
    reads[0].reject(new Error('base indisponible'));
    await expect(failing).rejects.toThrow('base indisponible');
    await settle();
    reads[1].resolve();
    expect(await waiting).toBe('1');
    const again = set.generation();
    expect(reads).toHaveLength(3);
    reads[2].resolve();
    expect(await again).toBe('1');
  });
});
