import { openDb, systemClock, type Ctx } from '@ronghe/core';
import { describe, expect, it } from 'vitest';
import { migratedDatabase } from '../../../../scripts/lib/schema-drift.ts';
import { d1Over } from '../../../../scripts/lib/sqlite-platform.ts';
import { CANDIDATE_TABLES } from '../matching/candidate-cache.ts';
import { suggestionReads } from '../matching/suggestions.ts';
import { BOARD_TABLES, boardReads } from '../projects/warnings-get.ts';
import { COUNTED_TABLES } from './counted-cache.ts';

// A read kept per isolate is correct only if every table it reads moves a change count (ADR 0034). The tables
// come from SQLite itself: the statement compiled against the migrated schema (EXPLAIN), every table or index it
// opens for reading, mapped to its table. A kept read that starts joining an uncounted table fails here.
const sqlite = await migratedDatabase('tenant');
const rootOf = new Map((sqlite.prepare('SELECT rootpage, tbl_name FROM sqlite_schema WHERE rootpage > 0').all() as Array<{ rootpage: number; tbl_name: string }>).map((r) => [r.rootpage, r.tbl_name]));
function tablesRead(text: string): string[] {
  const ops = sqlite.prepare(`EXPLAIN ${text}`).all() as Array<{ opcode: string; p2: number }>;
  return [...new Set(ops.filter((o) => o.opcode === 'OpenRead').map((o) => rootOf.get(o.p2) ?? `root page ${o.p2}`))].sort();
}
const ctx: Ctx = {
  db: openDb(d1Over(sqlite)),
  tenant: { slug: 'hongshan', code: '150402', name: '红山区', kind: 'county' },
  actor: { userId: 'usr_check', displayName: '检查', grants: [{ role: 'county_admin', scopeOrgId: null, scopeAllianceId: null }] },
  clock: systemClock,
  requestId: 'check',
} as Ctx;

describe('reads kept per isolate read counted tables only (ADR 0034)', () => {
  it('the tables every count covers are the ones the migrations count', () => {
    const counted = (sqlite.prepare('SELECT name FROM data_versions ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
    expect(counted).toEqual([...COUNTED_TABLES].sort());
    const triggers = (sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%_version_%' ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name);
    expect(triggers).toEqual(COUNTED_TABLES.flatMap((t) => ['delete', 'insert', 'update'].map((op) => `${t}_version_${op}`)).sort());
  });

  it('every statement of the 督办预警 board, in every filter shape, reads tables among BOARD_TABLES', () => {
    const seen = new Set<string>();
    for (const allianceId of [undefined, 'all_x']) {
      for (const level of [undefined, 'red', 'yellow'] as const) {
        for (const mine of [null, ['all_x']]) {
          for (const read of boardReads(ctx, { allianceId, level }, mine).board()) {
            const tables = tablesRead(read.shape.text);
            for (const t of tables) seen.add(t);
            expect(BOARD_TABLES, read.shape.text).toEqual(expect.arrayContaining(tables));
          }
        }
      }
    }
    // The check saw what the board shows: projects with their alliances, owners and claims; needs with categories.
    expect([...seen].sort()).toEqual(['alliances', 'list_categories', 'needs', 'organizations', 'project_claims', 'projects']);
  });

  it('a need\'s candidates read resources and categories only; the need\'s own row names which set they are', () => {
    const r = suggestionReads(ctx, 'ned_x');
    for (const read of r.candidatesOfPlace('cat_culture', '150402001')) expect(tablesRead(read.shape.text)).toEqual([...CANDIDATE_TABLES].sort());
    // Read with the need's row in one batch: the need gives the category and street the set is kept under.
    for (const read of r.candidatesOfNeed()) expect(tablesRead(read.shape.text)).toEqual([...CANDIDATE_TABLES, 'needs'].sort());
    expect(tablesRead(r.categories().shape.text)).toEqual(['list_categories']);
  });
});
