import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { CONTROL, COUNTIES, TENANTS } from '../../packages/tenancy/src/registry.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
type D1 = { binding: string; migrations_dir: string; database_name: string };

function d1Of(toml: string) {
  const cfg = parse(toml) as { d1_databases?: D1[]; env?: Record<string, { d1_databases?: D1[] }> };
  return { top: cfg.d1_databases ?? [], envs: Object.fromEntries(Object.entries(cfg.env ?? {}).map(([k, v]) => [k, v.d1_databases ?? []])) };
}

describe('tenant registry and wrangler.toml agree', () => {
  const { top, envs } = d1Of(readFileSync(join(ROOT, 'wrangler.toml'), 'utf8'));

  it('has the 12 counties of Chifeng with GB/T 2260 codes, and the city', () => {
    expect(COUNTIES).toHaveLength(12);
    expect(COUNTIES.map((c) => c.name)).toContain('敖汉旗');
    expect(COUNTIES.every((c) => /^1504\d\d$/.test(c.code))).toBe(true);
    expect(new Set(TENANTS.map((t) => t.slug)).size).toBe(TENANTS.length);
    expect(new Set(TENANTS.map((t) => t.binding)).size).toBe(TENANTS.length);
    // The city is a tenant with its own database, not the control database (ADR 0013).
    expect(TENANTS.map((t) => t.binding)).not.toContain(CONTROL.binding);
  });

  for (const [envName, list] of [['(top level)', top] as const, ...Object.entries(envs)]) {
    it(`every tenant and the control database have exactly their binding in ${envName}`, () => {
      expect(list.map((d) => d.binding).sort()).toEqual([CONTROL.binding, ...TENANTS.map((t) => t.binding)].sort());
      // One migration set per kind of database: every tenant (the city included) the tenant set, control its own.
      for (const t of TENANTS) expect(list.find((x) => x.binding === t.binding)!.migrations_dir, t.binding).toBe('schema/migrations/tenant');
      expect(list.find((x) => x.binding === CONTROL.binding)!.migrations_dir).toBe('schema/migrations/control');
      expect(new Set(list.map((d) => d.database_name)).size, 'one database per binding').toBe(list.length);
    });
  }

  it('add-county writes the registry and every environment of wrangler.toml together', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ronghe-add-county-'));
    mkdirSync(join(dir, 'packages/tenancy/src'), { recursive: true });
    cpSync(join(ROOT, 'packages/tenancy/src/registry.ts'), join(dir, 'packages/tenancy/src/registry.ts'));
    cpSync(join(ROOT, 'wrangler.toml'), join(dir, 'wrangler.toml'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/add-county.ts'), '--slug', 'ceshi', '--code', '150499', '--name', '测试旗', '--skip-migrate', '--root', dir]);
    expect(readFileSync(join(dir, 'packages/tenancy/src/registry.ts'), 'utf8')).toContain("slug: 'ceshi', code: '150499', name: '测试旗'");
    const after = d1Of(readFileSync(join(dir, 'wrangler.toml'), 'utf8'));
    expect(after.top.map((d) => d.binding)).toContain('DB_CESHI');
    for (const list of Object.values(after.envs)) expect(list.map((d) => d.binding)).toContain('DB_CESHI');
  });
});
