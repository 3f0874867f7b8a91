import { AppError, auditInsert, newId, notFound, writeBatch, type Ctx } from '@ronghe/core';
import { pointRules, type PointRule, type PointRuleUpdate, type PointRuleView } from '@ronghe/schema';
import { currentRule } from './current.ts';
import { ruleView } from './view.ts';

/**
 * A rule change: the next version of the code, valid from now. Nothing
 * already in the ledger changes — each entry names the version it used. Two
 * administrators saving from the same version race for the same
 * (code, version) and the unique index lets only one win; the other gets 412.
 */
export async function updatePointRule({ ctx, input }: { ctx: Ctx; input: { code: string; expectedVersion: number; rule: PointRuleUpdate } }): Promise<PointRuleView> {
  const cur = await currentRule(ctx.db, input.code);
  if (!cur) throw notFound('积分规则');
  if (cur.version !== input.expectedVersion) throw new AppError('precondition_failed', '积分规则已被他人修改，请刷新后重试');
  const now = ctx.clock.now();
  const next: PointRule = {
    ...cur,
    ...input.rule,
    id: newId('ptr', now),
    version: cur.version + 1,
    validFrom: now,
    createdBy: ctx.actor.userId,
    createdAt: now,
  };
  try {
    await writeBatch(ctx.db, [
      ctx.db.insert(pointRules).values(next),
      auditInsert(ctx, { action: 'points.rule_change', entityType: 'point_rule', entityId: next.id, before: ruleView(cur), after: ruleView(next) }),
    ]);
  } catch (err) {
    if (/UNIQUE constraint failed: point_rules/.test(String((err as Error)?.message ?? err) + String((err as { cause?: Error })?.cause?.message ?? ''))) {
      throw new AppError('precondition_failed', '积分规则已被他人修改，请刷新后重试');
    }
    throw err;
  }
  return ruleView(next);
}
