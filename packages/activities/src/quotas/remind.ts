import { eq } from 'drizzle-orm';
import { allAllianceRefsQuery } from '@ronghe/alliance/read';
import { auditGuarded, isStaleGuardError, newId, shanghaiDate, writeBatch, type Ctx } from '@ronghe/core';
import { activityQuotaReminders, type ActivityKind } from '@ronghe/schema';
import { RUNNING } from '../activities/shared.ts';
import { planViews } from './standings.ts';

export interface QuotaReminderResult {
  month: string;
  /** Reminders written now (one per alliance and standing). */
  reminded: number;
  /** At risk or behind but already told this month. */
  alreadyTold: number;
}

/**
 * The daily job's pass over the county's activity quotas (issue 11 §
 * Activities: "reminders to the alliance admin through the 工作台 and
 * messages"): every running alliance whose plan for this year has quotas at
 * risk or behind gets one reminder per standing and month. Each reminder is
 * its own batch (row + audit; the message follows from its event through the
 * 工作台's consumer), and the unique key (alliance, standing, month) makes a
 * second run on the same day — or two runs at once — tell nobody twice.
 */
export async function remindQuotas(ctx: Ctx): Promise<QuotaReminderResult> {
  const today = shanghaiDate(ctx.clock.now());
  const month = today.slice(0, 7);
  const year = Number(today.slice(0, 4));
  const [refs, told] = await Promise.all([
    allAllianceRefsQuery(ctx),
    ctx.db.select({ allianceId: activityQuotaReminders.allianceId, standing: activityQuotaReminders.standing }).from(activityQuotaReminders).where(eq(activityQuotaReminders.month, month)),
  ]);
  const running = refs.filter((a) => RUNNING.includes(a.status));
  const views = await planViews(ctx, running, year, today);
  const done = new Set(told.map((t) => `${t.allianceId}|${t.standing}`));
  const result: QuotaReminderResult = { month, reminded: 0, alreadyTold: 0 };
  for (const v of views) {
    for (const standing of ['behind', 'at_risk'] as const) {
      const kinds = v.rows.filter((r) => r.standing === standing).map((r) => r.kind as ActivityKind);
      if (!kinds.length) continue;
      if (done.has(`${v.allianceId}|${standing}`)) {
        result.alreadyTold++;
        continue;
      }
      const now = ctx.clock.now();
      const row = { id: newId('aqr', now), allianceId: v.allianceId, year, month, standing, kinds, createdAt: now };
      try {
        await writeBatch(ctx.db, [
          ctx.db.insert(activityQuotaReminders).values(row).onConflictDoNothing(),
          // Written only when the reminder was (a concurrent run that told first leaves this one without a row).
          auditGuarded(ctx, { action: 'activity_quota.remind', entityType: 'activity_quota_reminder', entityId: row.id, after: { allianceId: v.allianceId, year, month, standing, kinds } }),
        ]);
        result.reminded++;
      } catch (err) {
        if (!isStaleGuardError(err)) throw err;
        result.alreadyTold++;
      }
    }
  }
  return result;
}
