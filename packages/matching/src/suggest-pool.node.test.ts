import { describe, expect, it } from 'vitest';
import { prepareCandidates, suggest, suggestFromPool } from './suggest.ts';
import { prng, smallInstance } from './test-fixtures.ts';

// One prepared pool serves many needs (ADR 0034): ranking a need must not change the pool, so every need gets
// what it would get from resources prepared for it alone, whatever was ranked before it.
describe('suggestFromPool', () => {
  it('ranks every need of an instance from one shared pool as from a pool of its own, in any order', () => {
    const rand = prng(20261205);
    for (let k = 0; k < 40; k++) {
      const { needs, resources, options } = smallInstance(rand);
      const pool = prepareCandidates(resources, options);
      const alone = needs.map((n) => suggest(n, resources, options, { limit: 3 }));
      for (const i of [...needs.keys()].reverse()) expect(suggestFromPool(needs[i]!, pool, options, { limit: 3 })).toEqual(alone[i]);
    }
  });

  it('refuses a resource with a reversed window when the pool is prepared, as suggest does', () => {
    const { resources, options } = smallInstance(prng(7));
    const bad = { ...resources[0]!, availableFrom: '2026-12-10', availableTo: '2026-12-01' };
    expect(() => prepareCandidates([bad], options)).toThrow(/早于开始日期/);
  });
});
