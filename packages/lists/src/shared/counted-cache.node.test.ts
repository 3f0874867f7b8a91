import { describe, expect, it } from 'vitest';
import { CandidateCache } from '../matching/candidate-cache.ts';
import { CountedCache, versionsOf } from './counted-cache.ts';

// What an isolate keeps under change counts (ADR 0034): a value is given back only under the counts it was read
// with, the least recently used goes first, keys keep counties and streets apart.
describe('CountedCache', () => {
  it('gives a value back only under the counts it was read with, and forgets it once they moved', () => {
    const cache = new CountedCache<string>(4);
    cache.set('k', '7:3', 'v');
    expect(cache.has('k')).toBe(true);
    expect(cache.get('k', '7:3')).toBe('v');
    expect(cache.get('k', '8:3')).toBeUndefined();
    // Dropped, not kept for a later request that might read 7:3 from a lagging copy.
    expect(cache.has('k')).toBe(false);
    expect(cache.get('k', '7:3')).toBeUndefined();
  });

  it('drops the least recently used value beyond its size', () => {
    const cache = new CountedCache<number>(2);
    cache.set('a', '1', 1);
    cache.set('b', '1', 2);
    expect(cache.get('a', '1')).toBe(1); // a is now the most recent
    cache.set('c', '1', 3);
    expect(cache.has('b')).toBe(false);
    expect([cache.get('a', '1'), cache.get('c', '1'), cache.size]).toEqual([1, 3, 2]);
  });

  it('reads the counts of the named tables, in their order, and says when one is missing', () => {
    const rows = [
      { name: 'resources', version: 12 },
      { name: 'list_categories', version: 5 },
      { name: 'needs', version: 40 },
    ];
    expect(versionsOf(rows, ['resources', 'list_categories'])).toBe('12:5');
    expect(versionsOf(rows, ['list_categories', 'projects'])).toBe('5:none');
  });
});

describe('CandidateCache', () => {
  it('keys by tenant, category and street, so neither a county nor a street meets another\'s set', () => {
    const keys = [
      CandidateCache.key('hongshan', 'cat_culture', '150402001'),
      CandidateCache.key('songshan', 'cat_culture', '150402001'),
      CandidateCache.key('hongshan', 'cat_culture', '150402002'),
      CandidateCache.key('hongshan', 'cat_culture', null),
      CandidateCache.key('hongshan', 'cat_venue', '150402001'),
    ];
    expect(new Set(keys).size).toBe(5);
    // A separator inside a value cannot make two keys equal.
    expect(CandidateCache.key('a|b', 'c', null)).not.toBe(CandidateCache.key('a', 'b|c', null));
  });

  it('remembers per county which set a need was last ranked against, while that set is kept', () => {
    const cache = new CandidateCache(2, 2);
    const [a, b, c] = ['a', 'b', 'c'].map((s) => CandidateCache.key('t', s, null)) as [string, string, string];
    const set = { cats: new Map(), byId: new Map(), pool: { prepared: [] } };
    cache.sets.set(a, '1', set);
    cache.remember('t', 'ned_1', a);
    expect(cache.knows('t', 'ned_1')).toBe(true);
    expect(cache.knows('u', 'ned_1')).toBe(false);
    // The set evicted: the need is no longer known, so its first batch reads the candidates again.
    cache.sets.set(b, '1', set);
    cache.sets.set(c, '1', set);
    expect(cache.knows('t', 'ned_1')).toBe(false);
    cache.remember('t', 'ned_2', c);
    cache.remember('t', 'ned_3', c);
    cache.sets.set(a, '1', set);
    expect(cache.knows('t', 'ned_1')).toBe(false); // two needs remembered: the first forgotten
  });
});
