import { AppError, writeBatch, type Ctx } from '@ronghe/core';
import { peopleById } from '@ronghe/people/read';
import type { ActivityDetail } from '@ronghe/schema';
import { attendanceCountStatement, attendanceStatements } from './attendance-writes.ts';
import { getActivity, loadActivity } from './get.ts';
import { requireManagedAlliance } from './shared.ts';

/**
 * The alliance records attendance for people without a phone (or who could
 * not scan): active people of the registry; those already recorded are left
 * as they are (no second row, no second event).
 */
export async function recordAttendance({ ctx, input }: { ctx: Ctx; input: { id: string; personIds: string[] } }): Promise<ActivityDetail> {
  const a = await loadActivity(ctx, input.id);
  await requireManagedAlliance(ctx, a.allianceId, null);
  if (a.status === 'cancelled') throw new AppError('conflict', '活动已取消，不能补录参加人员');
  const now = ctx.clock.now();
  if (now < a.startsAt) throw new AppError('conflict', '活动尚未开始，不能补录参加人员');
  const ids = [...new Set(input.personIds)];
  const people = await peopleById(ctx, ids);
  const errors = input.personIds.flatMap((id, i) => (people.get(id)?.status === 'active' ? [] : [{ path: `body.personIds.${i}`, message: '人员不存在或已转出' }]));
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  const statements = ids.flatMap((pid, i) => attendanceStatements(ctx, a, pid, 'recorded', null, now + i).statements);
  await writeBatch(ctx.db, [...statements, attendanceCountStatement(a, now)]);
  const after = await getActivity({ ctx, input: { id: a.id } });
  // Edited or cancelled after it was read above: the guarded INSERTs wrote nothing.
  if (after.version !== a.version) throw new AppError('precondition_failed', '活动已被他人修改，请刷新后重新补录');
  return after;
}
