import { prepareCandidates } from '@ronghe/matching';
import { describe, expect, it } from 'vitest';
import { CandidateCache, type CandidateSet } from './candidate-cache.ts';

// The isolate's candidate sets (ADR 0034): a set is used only under the change counts it was read with, the
// oldest goes first when the cache is full, and what a need was last ranked against is remembered per tenant.
const setOf = (versions: string): CandidateSet => ({ versions, cats: new Map(), byId: new Map(), pool: prepareCandidates([], {}) });

describe('CandidateCache', () => {
  it('gives a set back only under the counts it was read with, and forgets it once they moved', () => {
    const cache = new CandidateCache();
    const key = CandidateCache.key('hongshan', 'cat_culture', '150402001');
    const set = setOf('7:3');
    cache.set(key, set);
    expect(cache.get(key, '7:3')).toBe(set);
    expect(cache.get(key, '8:3')).toBeUndefined();
    // Dropped, not kept for a later request that might still read 7:3 from a lagging copy.
    expect(cache.get(key, '7:3')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keys by tenant, category and street, so neither a county nor a street sees another\'s set', () => {
    const cache = new CandidateCache();
    cache.set(CandidateCache.key('hongshan', 'cat_culture', '150402001'), setOf('1:1'));
    expect(cache.get(CandidateCache.key('songshan', 'cat_culture', '150402001'), '1:1')).toBeUndefined();
    expect(cache.get(CandidateCache.key('hongshan', 'cat_culture', '150402002'), '1:1')).toBeUndefined();
    expect(cache.get(CandidateCache.key('hongshan', 'cat_culture', null), '1:1')).toBeUndefined();
    // A separator inside a value cannot make two keys equal.
    expect(CandidateCache.key('a|b', 'c', null)).not.toBe(CandidateCache.key('a', 'b|c', null));
  });

  it('drops the least recently used set beyond its size, and remembers which set each need was ranked against', () => {
    const cache = new CandidateCache(2, 2);
    const [a, b, c] = ['a', 'b', 'c'].map((s) => CandidateCache.key('t', s, null)) as [string, string, string];
    cache.set(a, setOf('1:1'));
    cache.set(b, setOf('1:1'));
    expect(cache.get(a, '1:1')).toBeDefined(); // a is now the most recent
    cache.set(c, setOf('1:1'));
    expect(cache.get(b, '1:1')).toBeUndefined();
    expect(cache.get(a, '1:1')).toBeDefined();

    cache.remember('t', 'ned_1', a);
    expect(cache.lastFor('t', 'ned_1')?.versions).toBe('1:1');
    expect(cache.lastFor('u', 'ned_1')).toBeUndefined();
    cache.remember('t', 'ned_2', c);
    cache.remember('t', 'ned_3', c);
    expect(cache.lastFor('t', 'ned_1')).toBeUndefined(); // two needs kept: the first forgotten
  });
});
