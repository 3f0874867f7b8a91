import { newId, openDb, pinyinSortKey } from '@ronghe/core';
import { people } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { bindings } from './worker.ts';

// Points (issue 11) test data: people to award and ledger entries written
// straight into a county's database, the way the consumer and the manual
// award write them (entry and totals together).

const dbOf = (tenant: string) => {
  const t = findTenant(tenant);
  if (!t) throw new Error(`unknown tenant ${tenant}`);
  return bindings[t.binding]!;
};

let seq = 0;

/** A party member of a branch (optionally the person an account signs in as). */
export async function makePointsPerson(tenant: string, fields: { homeOrgId?: string | null; userId?: string | null; name?: string } = {}): Promise<{ id: string; name: string; homeOrgId: string | null }> {
  const now = Date.now();
  const id = newId('psn', now);
  const name = fields.name ?? `积分党员${++seq}`;
  await openDb(dbOf(tenant))
    .insert(people)
    .values({ id, name, sortKey: pinyinSortKey(name), kind: 'party_member', partyStanding: '正式', homeOrgId: fields.homeOrgId ?? null, userId: fields.userId ?? null, phone: '13912345678', createdAt: now, updatedAt: now });
  return { id, name, homeOrgId: fields.homeOrgId ?? null };
}

/**
 * A ledger entry of `points` under a rule's current version, with its totals,
 * as one batch (the way packages/points writes one). Default: a manual
 * 政治学习 entry this month.
 */
export async function makePointEntry(
  tenant: string,
  person: { id: string; homeOrgId: string | null },
  opts: { ruleCode?: string; points?: number; kind?: 'award' | 'manual'; year?: number; month?: number; sourceKey?: string } = {},
): Promise<{ id: string; personId: string }> {
  const db = dbOf(tenant);
  const now = Date.now();
  const id = newId('ple', now);
  const d = new Date(now + 8 * 3600_000);
  const year = opts.year ?? d.getUTCFullYear();
  const month = opts.month ?? d.getUTCMonth() + 1;
  const points = opts.points ?? 2;
  const code = opts.ruleCode ?? 'study';
  await db.batch([
    db
      .prepare(
        `INSERT INTO point_entries (id, person_id, rule_id, rule_code, kind, points, requested, reason, source_key, source_type, source_id, compensates_id, home_org_id, year, month, occurred_at, created_by, created_at)
         SELECT ?, ?, r.id, r.code, ?, ?, ?, '参加专题学习', ?, 'manual', NULL, NULL, ?, ?, ?, ?, 'test', ?
         FROM point_rules r WHERE r.code = ? ORDER BY r.version DESC LIMIT 1`,
      )
      .bind(id, person.id, opts.kind ?? 'manual', points, points, opts.sourceKey ?? `manual:${id}`, person.homeOrgId, year, month, now, now, code),
    db
      .prepare('INSERT INTO point_totals (person_id, year, total, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (person_id, year) DO UPDATE SET total = total + excluded.total')
      .bind(person.id, year, points, now),
    ...(person.homeOrgId
      ? [db.prepare('INSERT INTO point_org_totals (org_id, year, total, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (org_id, year) DO UPDATE SET total = total + excluded.total').bind(person.homeOrgId, year, points, now)]
      : []),
  ]);
  return { id, personId: person.id };
}

/** The current version of a rule (for If-Match). */
export async function ruleVersion(tenant: string, code: string): Promise<number> {
  const row = await dbOf(tenant).prepare('SELECT max(version) AS v FROM point_rules WHERE code = ?').bind(code).first<{ v: number }>();
  return row!.v;
}
