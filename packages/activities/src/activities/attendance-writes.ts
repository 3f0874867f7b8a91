import { sql } from 'drizzle-orm';
import { auditIfChanged, newId, type Ctx, type Statement } from '@ronghe/core';
import type { Activity, CheckinMethod } from '@ronghe/schema';

/**
 * The statements that record one person's attendance: the check-in row (or
 * nothing when the person is already recorded — unique (activity, person)),
 * its audit row only when the row was written (so a duplicate produces no
 * event), and the activity's attendance count and status recomputed from the
 * rows (a first attendance makes a planned activity held). Concurrent
 * requests of one person cannot write twice: the unique index decides.
 * The row is written only while the activity is as it was read (same version,
 * not cancelled): the window, place and participants checked before the write
 * cannot be changed or the activity cancelled in between.
 */
export function attendanceStatements(ctx: Ctx, a: Activity, personId: string, method: CheckinMethod, distanceM: number | null, now: number): { checkinId: string; statements: Statement[] } {
  const checkinId = newId('chk', now);
  return {
    checkinId,
    statements: [
      sql`INSERT INTO activity_checkins (id, activity_id, person_id, alliance_id, method, distance_m, at, recorded_by)
          SELECT ${checkinId}, ${a.id}, ${personId}, ${a.allianceId}, ${method}, ${distanceM}, ${now}, ${ctx.actor.userId}
          WHERE EXISTS (SELECT 1 FROM activities WHERE id = ${a.id} AND version = ${a.version} AND status <> 'cancelled')
          ON CONFLICT (activity_id, person_id) DO NOTHING`,
      auditIfChanged(ctx, {
        id: newId('aud', now),
        action: method === 'self' ? 'activity.checkin' : 'activity.attendance_record',
        entityType: 'activity_checkin',
        entityId: checkinId,
        after: { activityId: a.id, personId, allianceId: a.allianceId, method, distanceM },
      }),
    ],
  };
}

/** Recomputes the activity's attendance from its rows; the first attendance marks a planned activity held. */
export function attendanceCountStatement(a: Activity, now: number): Statement {
  return sql`UPDATE activities
             SET attendance = (SELECT count(*) FROM activity_checkins WHERE activity_id = ${a.id}),
                 status = CASE WHEN status = 'planned' AND EXISTS (SELECT 1 FROM activity_checkins WHERE activity_id = ${a.id}) THEN 'held' ELSE status END,
                 updated_at = ${now}
             WHERE id = ${a.id}`;
}
