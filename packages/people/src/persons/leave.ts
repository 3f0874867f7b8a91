import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, runGuarded, shanghaiDate, writeBatch, type Ctx } from '@ronghe/core';
import { people, type Person, type PersonLeaveInput, type PersonView } from '@ronghe/schema';
import { findPersonRow } from './rows.ts';
import { assertManage } from './rules.ts';
import { snapshot, toView } from './view.ts';

/**
 * 转出: the person leaves the registry's active roll with a date and reason.
 * The row stays (points, reports and service records keep pointing at it);
 * the account link is kept too, so the member still reads their history.
 */
export async function leavePerson({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; expectedVersion: number; body: PersonLeaveInput };
}): Promise<PersonView> {
  const current = await findPersonRow(ctx, input.id);
  assertManage(ctx, current.homeOrgId ? { id: current.homeOrgId, path: current.homeOrgPath ?? '' } : null);
  if (current.version !== input.expectedVersion) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  if (current.status !== 'active') throw new AppError('conflict', '该人员已转出');
  const today = shanghaiDate(ctx.clock.now());
  const leftOn = input.body.leftOn ?? today;
  if (leftOn > today) {
    throw new AppError('validation_failed', '转出日期不能晚于今天', { errors: [{ path: 'body.leftOn', message: '转出日期不能晚于今天' }] });
  }
  const { homeOrgName: _n, homeOrgPath: _p, ...stored } = current;
  const next: Person = { ...stored, status: 'left', leftOn, leftReason: input.body.reason, version: current.version + 1, updatedAt: ctx.clock.now() };
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(people)
        .set({ status: next.status, leftOn, leftReason: next.leftReason, version: next.version, updatedAt: next.updatedAt })
        .where(and(eq(people.id, current.id), eq(people.version, input.expectedVersion), eq(people.status, 'active'))),
      auditGuarded(ctx, { action: 'person.leave', entityType: 'person', entityId: current.id, before: snapshot(stored), after: snapshot(next) }),
    ]),
  );
  return toView(await findPersonRow(ctx, current.id), ctx.actor, { list: false });
}
