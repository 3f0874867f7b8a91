import type { DbKind, HandWritten } from '../../scripts/lib/schema-drift.ts';

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

// The control database holds only identities and their audit trail (ADR 0013).
export const HAND_WRITTEN: Record<DbKind, readonly HandWritten[]> = {
  tenant: records,
  control: appendOnly('audit_log'),
};
