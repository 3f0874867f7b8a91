import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, runGuarded, writeBatch, type Ctx, type TenantDb } from '@ronghe/core';
import { allows, isMemberAccountOf } from '@ronghe/identity';
import { people, type PersonView } from '@ronghe/schema';
import { findPersonRow } from './rows.ts';
import { toView } from './view.ts';

/**
 * Links the person to the account they sign in with (role `member` of this
 * county), or unlinks it (null). One person per account: the unique index on
 * people.user_id refuses a second link even under a race.
 */
export async function linkAccount({
  ctx,
  input,
}: {
  ctx: Ctx & { control: TenantDb };
  input: { id: string; expectedVersion: number; userId: string | null };
}): Promise<PersonView> {
  if (!allows(ctx.actor, 'user.manage', {})) throw new AppError('forbidden', '只有旗县区管理员可以关联登录账号');
  const current = await findPersonRow(ctx, input.id);
  if (current.version !== input.expectedVersion) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  if (input.userId === current.userId) return toView(current, ctx.actor, { list: false });
  if (input.userId) {
    if (current.status !== 'active') throw new AppError('conflict', '已转出的人员不能关联新账号');
    if (!(await isMemberAccountOf(ctx.control, ctx.tenant.slug, input.userId))) {
      throw new AppError('validation_failed', '该账号不是本旗县区的党员账号', {
        errors: [{ path: 'body.userId', message: '请选择本旗县区持有“党员”角色的有效账号' }],
      });
    }
    const [other] = await ctx.db.select({ id: people.id }).from(people).where(eq(people.userId, input.userId)).limit(1);
    if (other) throw new AppError('conflict', '该账号已关联其他人员', { errors: [{ path: 'body.userId', message: '一个账号只能关联一名人员' }] });
  }
  const version = current.version + 1;
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(people)
        .set({ userId: input.userId, version, updatedAt: ctx.clock.now() })
        .where(and(eq(people.id, current.id), eq(people.version, input.expectedVersion))),
      auditGuarded(ctx, {
        action: 'person.account_link',
        entityType: 'person',
        entityId: current.id,
        before: { userId: current.userId },
        after: { userId: input.userId },
      }),
    ]),
  );
  return toView(await findPersonRow(ctx, current.id), ctx.actor, { list: false });
}
