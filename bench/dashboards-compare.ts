// The board's and suggestions' answers for many inputs (70 needs, 19 board variants, a fixed clock) hashed into
// one line, to show that a change to how they are read changes no answer: run it before and after on the same
// copy of a x10 county's D1 file (DB=/tmp/hongshan.sqlite node bench/dashboards-compare.ts).
import { DatabaseSync } from 'node:sqlite';
import { createHash } from 'node:crypto';
import { openDb, fixedClock } from '@ronghe/core';
import { getWarnings, suggestionsFor } from '@ronghe/lists';
const sqlite = new DatabaseSync(process.env.DB ?? '/tmp/hongshan.sqlite', { readOnly: true });
const conv = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
class Stmt {
  sql: string;
  params: unknown[];
  constructor(sql: string, params: unknown[] = []) {
    this.sql = sql;
    this.params = params;
  }
  bind(...p: unknown[]) {
    return new Stmt(this.sql, p);
  }
  rows() {
    return sqlite.prepare(this.sql).all(...(this.params.map(conv) as never[])) as Record<string, unknown>[];
  }
  async all() {
    return { results: this.rows(), success: true, meta: {} };
  }
  async raw() {
    return this.rows().map((r) => Object.values(r));
  }
  async first(col?: string) {
    const r = this.rows()[0];
    return r ? (col ? r[col] : r) : null;
  }
}
const d1 = { prepare: (sql: string) => new Stmt(sql), batch: async (stmts: Stmt[]) => Promise.all(stmts.map((s) => s.all())) };
const ctx = {
  db: openDb(d1 as unknown as D1Database),
  tenant: { slug: 'hongshan', code: '150402', name: '红山区', kind: 'county' as const },
  actor: { userId: 'usr_bench', displayName: 'bench', grants: [{ role: 'county_admin' as const, scopeOrgId: null, scopeAllianceId: null }] },
  clock: fixedClock(Date.parse('2026-12-05T04:00:00Z')),
  requestId: 'bench',
};
const h = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
const needIds = (sqlite.prepare("SELECT id FROM needs WHERE status IN ('open','partly_met') ORDER BY id LIMIT 60").all() as { id: string }[]).map((r) => r.id);
needIds.push(...(sqlite.prepare("SELECT id FROM needs WHERE street_code IS NULL ORDER BY id LIMIT 10").all() as { id: string }[]).map((r) => r.id));
const all: string[] = [];
for (const id of needIds) all.push(h(await suggestionsFor({ ctx: ctx as never, input: { needId: id, limit: 10 } })));
const alliances = (sqlite.prepare("SELECT id FROM alliances ORDER BY id LIMIT 15").all() as { id: string }[]).map((r) => r.id);
for (const input of [{}, { level: 'red' as const }, { level: 'yellow' as const }, { limit: 100 }, ...alliances.map((allianceId) => ({ allianceId }))]) all.push(h(await getWarnings({ ctx: ctx as never, input })));
console.log(needIds.length, 'needs;', h(all), all.slice(0, 5).join(' '));
