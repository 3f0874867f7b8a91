import type { DbKind, HandWritten } from '../../scripts/lib/schema-drift.ts';
import { COUNTED_TABLES } from '../../schema/tenant/lists.ts';

// Objects the migrations must create that drizzle tables cannot declare, written
// out here by hand so that a migration losing or weakening one fails the drift
// check (test/repo/schema-drift.test.ts and `pnpm db:check`).
const appendOnly = (table: string): HandWritten[] =>
  (['update', 'delete'] as const).map((op) => ({
    name: `trigger ${table}_no_${op}`,
    sql: `CREATE TRIGGER ${table}_no_${op} BEFORE ${op.toUpperCase()} ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
  }));

// The audit trail (ADR 0005), an alliance's timeline (ADR 0007) and a project's
// 督办 thread are records: no UPDATE, no DELETE, ever.
const records = [...appendOnly('audit_log'), ...appendOnly('alliance_events'), ...appendOnly('project_notes')];

// Points (issue 11): the ledger is corrected by compensating entries only, and a
// rule change is a new version row; neither table is ever updated or deleted.
const pointRecords = [...appendOnly('point_entries'), ...appendOnly('point_rules')];

// Funds (issue 12): the alliance fund ledger is corrected by compensating entries only.
const fundRecords = appendOnly('fund_entries');
// 以奖代补 (issue 12): a published round and its lines never change; a correction is a new round.
const frozenWhenPublished = (op: 'update' | 'delete', name: string): HandWritten => ({
  name: `trigger ${name}`,
  sql: `CREATE TRIGGER ${name} BEFORE ${op.toUpperCase()} ON reward_rounds WHEN OLD.status = 'published'
          BEGIN SELECT RAISE(ABORT, 'a published reward round is immutable'); END`,
});
const rewardRecords = [...appendOnly('reward_allocations'), frozenWhenPublished('update', 'reward_rounds_published_frozen'), frozenWhenPublished('delete', 'reward_rounds_published_kept')];

// Name search (ADR 0014): a trigram FTS5 index over each searched name or
// title (external content, keyed by the base row's rowid) and the three
// triggers that keep it in step with every insert, rename and delete.
const nameSearch = (table: string, column: string): HandWritten[] => {
  const fts = `${table}_fts`;
  return [
    {
      name: `virtual table ${fts}`,
      sql: `CREATE VIRTUAL TABLE ${fts} USING fts5(${column}, content='${table}', content_rowid='rowid', tokenize='trigram')`,
    },
    {
      name: `trigger ${fts}_insert`,
      sql: `CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${table} BEGIN
              INSERT INTO ${fts} (rowid, ${column}) VALUES (new.rowid, new.${column}); END`,
    },
    {
      name: `trigger ${fts}_delete`,
      sql: `CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${table} BEGIN
              INSERT INTO ${fts} (${fts}, rowid, ${column}) VALUES ('delete', old.rowid, old.${column}); END`,
    },
    {
      name: `trigger ${fts}_update`,
      sql: `CREATE TRIGGER ${fts}_update AFTER UPDATE OF ${column} ON ${table} BEGIN
              INSERT INTO ${fts} (${fts}, rowid, ${column}) VALUES ('delete', old.rowid, old.${column});
              INSERT INTO ${fts} (rowid, ${column}) VALUES (new.rowid, new.${column}); END`,
    },
  ];
};

const nameIndexes = [
  ...nameSearch('organizations', 'name'),
  ...nameSearch('alliances', 'name'),
  ...nameSearch('needs', 'title'),
  ...nameSearch('resources', 'title'),
  ...nameSearch('projects', 'title'),
];

// What a need's suggestions and the 督办预警 board read is counted (ADR 0034): every insert, update and delete
// of a row of these tables moves its table's row in data_versions, so what an isolate keeps is never stale.
const changeCounts = COUNTED_TABLES.flatMap((table) =>
  (['insert', 'update', 'delete'] as const).map((op) => ({
    name: `trigger ${table}_version_${op}`,
    sql: `CREATE TRIGGER ${table}_version_${op} AFTER ${op.toUpperCase()} ON ${table}
          BEGIN UPDATE data_versions SET version = version + 1 WHERE name = '${table}'; END`,
  })),
);

// The control database holds only identities and their audit trail (ADR 0013);
// the name indexes are in the tenant set only.
export const HAND_WRITTEN: Record<DbKind, readonly HandWritten[]> = {
  tenant: [...records, ...nameIndexes, ...pointRecords, ...fundRecords, ...rewardRecords, ...changeCounts],
  control: appendOnly('audit_log'),
};
