import { eq } from 'drizzle-orm';
import { AppError, forbidden, newId, shanghaiDate, validation, writeBatch, type Ctx } from '@ronghe/core';
import { peopleById } from '@ronghe/people/read';
import { pointEntries, type ManualAward, type PointEntryView } from '@ronghe/schema';
import { currentRule } from '../rules/current.ts';
import { periodOf, shanghaiNoon } from '../shared/period.ts';
import { entryAudit } from './audit.ts';
import { entryViews } from './view.ts';
import { mayAwardByHand } from './who-may-award.ts';
import { entryStatements } from './write.ts';

/**
 * A manual award (手工加分): units of a rule the actor's role may award by
 * hand, to a person it covers, with a reason when the rule asks for one. The
 * rule's cap applies as for automatic awards (the answer shows the points
 * granted beside those asked). One batch: entry, totals, audit.
 */
export async function awardPoints({ ctx, input }: { ctx: Ctx; input: ManualAward }): Promise<PointEntryView> {
  const [rule, persons] = await Promise.all([currentRule(ctx.db, input.ruleCode), peopleById(ctx, [input.personId])]);
  if (!rule) throw validation([{ path: 'body.ruleCode', message: '积分规则不存在' }]);
  const person = persons.get(input.personId);
  if (!person) throw validation([{ path: 'body.personId', message: '人员不存在' }]);
  if (!mayAwardByHand(ctx, rule.awardRoles, person.homeOrgId)) throw forbidden('当前角色不能按此规则为该人员手工加分');
  if (!rule.enabled) throw new AppError('conflict', `积分规则“${rule.name}”已停用`);
  const reason = input.reason?.trim() || null;
  if (rule.reasonRequired && !reason) throw validation([{ path: 'body.reason', message: '此规则手工加分须填写理由' }]);
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  if (input.occurredOn && input.occurredOn > today) throw validation([{ path: 'body.occurredOn', message: '发生日期不能晚于今天' }]);
  const occurredAt = input.occurredOn ? shanghaiNoon(input.occurredOn) : now;
  if (Number.isNaN(occurredAt)) throw validation([{ path: 'body.occurredOn', message: '发生日期不是有效日期' }]);
  const { year, month } = periodOf(occurredAt);
  const id = newId('ple', now);
  await writeBatch(ctx.db, [
    ...entryStatements({
      id,
      personId: person.id,
      homeOrgId: person.homeOrgId,
      rule,
      kind: 'manual',
      requested: input.units * rule.pointsPerUnit,
      reason,
      sourceKey: `manual:${id}`,
      sourceType: 'manual',
      sourceId: null,
      compensatesId: null,
      year,
      month,
      occurredAt,
      createdBy: ctx.actor.userId,
      now,
    }),
    entryAudit(ctx, 'points.award', id),
  ]);
  const [row] = await ctx.db.select().from(pointEntries).where(eq(pointEntries.id, id));
  return (await entryViews(ctx, [row!]))[0]!;
}
