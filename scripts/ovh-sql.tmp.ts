import { openDb } from '../packages/core/src/index.ts';
import { loadAllianceParts } from '../packages/alliance/src/alliances/parts.ts';
import { listAlliances } from '../packages/alliance/src/alliances/list.ts';
import { listOrgRows } from '../packages/registry/src/orgs/list.ts';
const log: string[] = [];
const stmt = (sql: string) => { const s: any = { sql, params: [] as unknown[], bind(...p: unknown[]) { s.params = p; return s; }, all: async () => ({ results: [] }), raw: async () => [], first: async () => null, run: async () => ({}) }; return s; };
const d1: any = { prepare: (sql: string) => stmt(sql), batch: async (ss: any[]) => { for (const s of ss) log.push(s.sql + '\n  -- ' + JSON.stringify(s.params)); return ss.map(() => ({ results: [] })); } };
const ctx: any = { db: openDb(d1), actor: { userId: 'u', displayName: 'x', grants: [{ role: 'county_admin', scopeOrgId: null, scopeAllianceId: null }] }, tenant: { slug: 'hongshan', kind: 'county' }, clock: { now: () => 0 } };
const which = process.argv[2];
try {
  if (which === 'detail') await loadAllianceParts(ctx, 'aln_01c39q0jr0g5vdqkf5mnhzz0xs');
  if (which === 'alist') await listAlliances({ ctx, input: { limit: 20 } as any });
  if (which === 'afilter') await listAlliances({ ctx, input: { limit: 20, status: 'active', type: '党建引领多元治理共同体' } as any });
  if (which === 'list') await listOrgRows(ctx, { limit: 20 } as any);
  if (which === 'search') await listOrgRows(ctx, { limit: 20, q: '社区' } as any);
  if (which === 'domain') await listOrgRows(ctx, { limit: 20, domain: '嘎查村' } as any);
} catch (e) { /* empty results */ }
console.log(log.join('\n\n'));
