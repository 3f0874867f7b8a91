import { sql } from 'drizzle-orm';
import { pointRules, type PointRule } from '@ronghe/schema';
import type { TenantDb } from '@ronghe/core';

/** The current version of every rule (the highest version of each code), by code. */
export async function currentRules(db: TenantDb): Promise<PointRule[]> {
  return db
    .select()
    .from(pointRules)
    .where(sql`${pointRules.version} = (SELECT max(r2.version) FROM point_rules r2 WHERE r2.code = ${pointRules.code})`)
    .orderBy(pointRules.code);
}

/** The current version of one rule, or null for an unknown code. */
export async function currentRule(db: TenantDb, code: string): Promise<PointRule | null> {
  const [row] = await db
    .select()
    .from(pointRules)
    .where(sql`${pointRules.code} = ${code}`)
    .orderBy(sql`${pointRules.version} DESC`)
    .limit(1);
  return row ?? null;
}
