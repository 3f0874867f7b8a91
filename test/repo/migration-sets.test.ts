import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeSql, ROOT } from '../../scripts/lib/schema-drift.ts';
import { MIGRATIONS_DIR } from '../../scripts/lib/wrangler-d1.ts';

// ADR 0013: one migration set per kind of database, no migration written
// twice. Before it, seven of nine migrations existed in both sets because the
// city tenant lived in the control database. The sets are read from disk, so a
// new set or file is covered without editing this test.
const sets = Object.entries(MIGRATIONS_DIR).map(([kind, dir]) => ({
  kind,
  files: readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => ({ file: `${dir}/${f}`, sql: normalizeSql(readFileSync(join(ROOT, dir, f), 'utf8').replaceAll('--> statement-breakpoint', '')) })),
}));

/** Tables every kind of database has: its own audit trail (ADR 0005) and its own outbox (ADR 0012). */
const SHARED = new Set(['audit_log', 'outbox', 'consumed_events', 'dead_letters']);

describe('migration sets', () => {
  it('reads both sets, and each has migrations', () => {
    expect(sets.map((s) => s.kind).sort()).toEqual(['control', 'tenant']);
    for (const s of sets) expect(s.files.length, s.kind).toBeGreaterThan(0);
  });

  it('no migration appears in two sets (comments and spacing aside)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const s of sets) {
      for (const f of s.files) {
        const other = seen.get(f.sql);
        // The event tables are one drizzle definition generated into each kind (ADR 0012):
        // a migration that creates only tables both kinds must have is generated twice, not written twice.
        const creates = [...f.sql.matchAll(/create table (\w+)/g)].map((m) => m[1]!);
        const onlyShared = creates.length > 0 && creates.every((t) => SHARED.has(t)) && !/create trigger/.test(f.sql);
        if (other && !onlyShared) twice.push(`${f.file} = ${other}`);
        seen.set(f.sql, f.file);
      }
    }
    expect(twice).toEqual([]);
  });

  it('the control set creates no tenant table', () => {
    const tenantTables = new Set(
      sets.find((s) => s.kind === 'tenant')!.files.flatMap((f) => [...f.sql.matchAll(/create table (\w+)/g)].map((m) => m[1]!)),
    );
    const controlTables = sets.find((s) => s.kind === 'control')!.files.flatMap((f) => [...f.sql.matchAll(/create table (\w+)/g)].map((m) => m[1]!));
    // The audit trail and the event tables are the tables both kinds have: each database
    // audits its own changes (ADR 0005) and emits their events from its own outbox (ADR 0012).
    expect(controlTables.filter((t) => tenantTables.has(t) && !SHARED.has(t))).toEqual([]);
    // city_filings: the city's inbox copy of every county's filings (issue 13, ADR 0024); rollup_*: the city's rollup (ADR 0022);
    // api_key_usage: every tenant's public-API calls per key per day, written with the rate-limit hit (ADR 0026).
    expect(controlTables.sort()).toEqual(['api_key_usage', 'audit_log', 'city_filings', 'consumed_events', 'dead_letters', 'login_failures', 'outbox', 'rate_limits', 'role_grants', 'rollup_alliances', 'rollup_counties', 'rollup_months', 'rollup_parts', 'sessions', 'users']);
  });
});
