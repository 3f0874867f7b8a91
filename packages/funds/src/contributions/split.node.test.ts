import { describe, expect, it } from 'vitest';
import { splitByContribution } from './split.ts';

describe('各方筹: split by 出资比例, exact to the 分', () => {
  it('10,000.00 元 over 3333 / 3333 / 3334 bp: 333,300 + 333,300 + 333,400 分', () => {
    // 1,000,000 分 × 3333 / 10000 = 333,300 exactly; × 3334 / 10000 = 333,400 exactly: no remainder to place.
    const r = splitByContribution(1_000_000, [
      { orgId: 'org_a', bp: 3333 },
      { orgId: 'org_b', bp: 3333 },
      { orgId: 'org_c', bp: 3334 },
    ]);
    expect(r.parts.map((p) => p.fen)).toEqual([333_300, 333_300, 333_400]);
    expect(r).toMatchObject({ bpTotal: 10_000, scaled: false });
  });

  it('100.00 元 over three equal shares: 3334 / 3333 / 3333 分, the extra 分 to the smallest id', () => {
    // 10,000 × 3333 / 9999 = 3333.33… each; floors 3333 × 3 = 9999; 1 分 left; equal remainders and bps → org_a.
    const r = splitByContribution(10_000, [
      { orgId: 'org_c', bp: 3333 },
      { orgId: 'org_a', bp: 3333 },
      { orgId: 'org_b', bp: 3333 },
    ]);
    expect(Object.fromEntries(r.parts.map((p) => [p.orgId, p.fen]))).toEqual({ org_a: 3334, org_b: 3333, org_c: 3333 });
    expect(r).toMatchObject({ bpTotal: 9_999, scaled: true });
  });

  it('largest remainder first: 1.00 元 at 5000 / 3000 / 2000 bp of an incomplete 7 分 total', () => {
    // 7 分: 7×0.5 = 3.5, 7×0.3 = 2.1, 7×0.2 = 1.4 → floors 3, 2, 1 (6); 1 分 left → remainder .5 wins → 4, 2, 1.
    const r = splitByContribution(7, [
      { orgId: 'org_x', bp: 5000 },
      { orgId: 'org_y', bp: 3000 },
      { orgId: 'org_z', bp: 2000 },
    ]);
    expect(r.parts.map((p) => p.fen)).toEqual([4, 2, 1]);
  });

  it('members with 0 bp get nothing; no positive bp → no parts', () => {
    const r = splitByContribution(500, [
      { orgId: 'org_a', bp: 0 },
      { orgId: 'org_b', bp: 2500 },
    ]);
    // Only org_b holds a ratio: scaled to its own total, it carries the whole 500 分.
    expect(r.parts).toEqual([{ orgId: 'org_b', bp: 2500, fen: 500 }]);
    expect(r.scaled).toBe(true);
    expect(splitByContribution(500, [{ orgId: 'org_a', bp: 0 }]).parts).toEqual([]);
  });

  it('conserves the amount and ignores input order, on many shapes', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let k = 0; k < 200; k++) {
      const shares = Array.from({ length: 1 + rnd(12) }, (_, i) => ({ orgId: `org_${i}`, bp: rnd(4) === 0 ? 0 : rnd(10_001) }));
      const amount = rnd(10_000_000);
      const a = splitByContribution(amount, shares);
      const b = splitByContribution(amount, [...shares].reverse());
      if (a.parts.length) expect(a.parts.reduce((t, p) => t + p.fen, 0)).toBe(amount);
      expect(Object.fromEntries(b.parts.map((p) => [p.orgId, p.fen]))).toEqual(Object.fromEntries(a.parts.map((p) => [p.orgId, p.fen])));
    }
  });
});
