import { sql, type Placeholder } from 'drizzle-orm';
import { needs, type Need } from '@ronghe/schema';

// 逾期: past its deadline (an Asia/Shanghai calendar date, compared as text
// YYYY-MM-DD) and still waiting to be met. Such needs are left out of matching
// by default and wait in the overdue review, where the alliance extends the
// deadline or closes them with a reason.

export function isOverdueNeed(n: Pick<Need, 'deadline' | 'status'>, today: string): boolean {
  return n.deadline < today && (n.status === 'open' || n.status === 'partly_met');
}

/** The same rule as SQL, for lists, counts and the matching read (today as a value, or a placeholder of a prepared read). */
export const overdueNeedSql = (today: string | Placeholder<string, unknown>) => sql`${needs.deadline} < ${today} AND ${needs.status} IN ('open', 'partly_met')`;
