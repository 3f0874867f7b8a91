// The board's and suggestions' answers for many inputs (70 needs, 19 board variants, a fixed clock) hashed into
// one line, to show that a change to how they are read changes no answer: run it before and after on the same
// copy of a x10 county's D1 file (DB=/tmp/hongshan.sqlite node bench/dashboards-compare.ts).
import { createHash } from 'node:crypto';
import { openDb, fixedClock } from '@ronghe/core';
import { getWarnings, suggestionsFor } from '@ronghe/lists';
import { openSqliteD1 } from '../scripts/lib/sqlite-platform.ts';
const { db: d1, sqlite } = openSqliteD1(process.env.DB ?? '/tmp/hongshan.sqlite', { readOnly: true });
const ctx = {
  db: openDb(d1),
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
