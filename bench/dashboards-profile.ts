// Where the warnings board's and a need's suggestions' CPU goes (issue 15 § 3, ADR 0009): the handlers in Node
// against a copy of a x10 county's D1 file through a D1-shaped adapter over node:sqlite, CPU per request and the
// share SQLite takes (PER_STATEMENT=1 for each statement, FULL=1 for its whole SQL). A measuring aid, not a test:
//   cp .bench-state/v3/d1/miniflare-D1DatabaseObject/<hongshan>.sqlite /tmp/hongshan.sqlite
//   node bench/dashboards-profile.ts /tmp/hongshan.sqlite [requests=300] [warnings|suggestions|both]
import { openDb, systemClock } from '@ronghe/core';
import { getWarnings, suggestionsFor } from '@ronghe/lists';
import { openSqliteD1 } from '../scripts/lib/sqlite-platform.ts';

const file = process.argv[2] ?? '/tmp/hongshan.sqlite';
const n = Number(process.argv[3] ?? 300);
const which = process.argv[4] ?? 'both';
let sqlMs = 0;
let statements = 0;
const bySql = new Map<string, number>();
const { db: d1, sqlite } = openSqliteD1(file, {
  readOnly: true,
  observe(sql, cpuMs) {
    sqlMs += cpuMs;
    bySql.set(sql, (bySql.get(sql) ?? 0) + cpuMs);
    statements++;
  },
});
const db = openDb(d1);
const ctx = {
  db,
  tenant: { slug: 'hongshan', code: '150402', name: '红山区', kind: 'county' as const },
  actor: { userId: 'usr_bench', displayName: 'bench', grants: [{ role: 'county_admin' as const, scopeOrgId: null, scopeAllianceId: null }] },
  clock: systemClock,
  requestId: 'bench',
};
const need = (sqlite.prepare("SELECT id FROM needs WHERE status = 'open' ORDER BY created_at DESC, id DESC LIMIT 1").get() as { id: string }).id;
async function time(name: string, f: () => Promise<unknown>) {
  for (let i = 0; i < 30; i++) await f();
  sqlMs = 0;
  statements = 0;
  bySql.clear();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let bytes = 0;
  for (let i = 0; i < n; i++) bytes += JSON.stringify(await f()).length;
  const ms = (performance.now() - t0) / n;
  const cpu = process.cpuUsage(c0);
  console.log(`${name}: ${ms.toFixed(2)} ms/request wall, ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms CPU, of which SQL (CPU) ${(sqlMs / n).toFixed(2)} ms, ${(statements / n).toFixed(1)} statements, ${(bytes / n / 1024).toFixed(1)} KB JSON`);
  if (process.env.PER_STATEMENT) for (const [q, t] of [...bySql].sort((a, b) => b[1] - a[1])) console.log(`  ${(t / n).toFixed(2)} ms  ${process.env.FULL ? q : q.slice(0, 400)}`);
}
if (which !== 'suggestions') await time('warnings', () => getWarnings({ ctx: ctx as never, input: {} }));
if (which !== 'warnings') await time('suggestions', () => suggestionsFor({ ctx: ctx as never, input: { needId: need, limit: 10 } }));
