import { describe, expect, it } from 'vitest';
import { forEachTenant } from './for-each-tenant.ts';
import { COUNTIES, TENANTS } from './registry.ts';

// A stand-in for the bindings: each "database" knows its binding name, so a
// test can tell which one a visit was handed.
const env = Object.fromEntries(TENANTS.map((t) => [t.binding, { binding: t.binding }]));
const bindingOf = (db: D1Database) => (db as unknown as { binding: string }).binding;

/** Counts visits open at the same time; each visit stays open until a later macrotask. */
function gauge() {
  const g = { open: 0, max: 0, visits: 0 };
  const visit = async () => {
    g.open++;
    g.visits++;
    g.max = Math.max(g.max, g.open);
    await new Promise((r) => setTimeout(r, 1));
    g.open--;
  };
  return { g, visit };
}

describe('forEachTenant', () => {
  it('visits every county once, with its own database, in registry order', async () => {
    const out = await forEachTenant(env, async (t, db) => `${t.slug}:${bindingOf(db)}`);
    expect(out.map((o) => (o.ok ? o.value : o.error))).toEqual(COUNTIES.map((c) => `${c.slug}:DB_${c.slug.toUpperCase()}`));
    expect(out.map((o) => o.tenant.slug)).not.toContain('chifeng');
  });

  it('keeps at most 6 visits open at once by default — D1 allows 6 connections per invocation', async () => {
    const { g, visit } = gauge();
    await forEachTenant(env, visit);
    expect(g.visits).toBe(12);
    expect(g.max).toBe(6);
  });

  it('keeps at most the concurrency asked for', async () => {
    for (const concurrency of [1, 2, 5]) {
      const { g, visit } = gauge();
      await forEachTenant(env, visit, { concurrency, tenants: TENANTS });
      expect({ concurrency, visits: g.visits, max: g.max }).toEqual({ concurrency, visits: 13, max: concurrency });
    }
  });

  it('refuses a concurrency D1 cannot serve', async () => {
    for (const concurrency of [0, 7, 13, 1.5]) {
      await expect(forEachTenant(env, async () => 1, { concurrency })).rejects.toThrow(`concurrency must be an integer from 1 to 6 (D1 connections per invocation), got ${concurrency}`);
    }
  });

  it('a failing county does not stop the others, and is reported with its error', async () => {
    const boom = new Error('songshan is down');
    const out = await forEachTenant(env, async (t) => {
      if (t.slug === 'songshan') throw boom;
      return t.code;
    });
    expect(out.filter((o) => !o.ok)).toEqual([{ tenant: COUNTIES.find((c) => c.slug === 'songshan'), ok: false, error: boom }]);
    expect(out.filter((o) => o.ok).map((o) => (o.ok ? o.value : null))).toEqual(COUNTIES.filter((c) => c.slug !== 'songshan').map((c) => c.code));
  });

  it('reports a tenant whose binding is missing instead of visiting it', async () => {
    const { DB_AOHAN: _gone, ...partial } = env;
    const out = await forEachTenant(partial, async (t) => t.slug);
    const aohan = out.find((o) => o.tenant.slug === 'aohan')!;
    expect(aohan.ok).toBe(false);
    expect(String(!aohan.ok && aohan.error)).toBe('Error: binding DB_AOHAN missing from wrangler.toml');
    expect(out.filter((o) => o.ok)).toHaveLength(11);
  });
});
