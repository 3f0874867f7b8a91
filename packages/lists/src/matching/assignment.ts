import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { AppError, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { assign, greedyAssign, suggest, type MatchOptions } from '@ronghe/matching';
import { needs, resources, type AssignmentView } from '@ronghe/schema';
import { loadAllianceRefs, mayOn, type AllianceRef } from '../shared/alliance.ts';
import { loadCategories } from '../categories/lookup.ts';
import { today } from '../shared/dates.ts';
import { resourceRows } from '../resources/view.ts';
import { overdueNeedSql } from '../needs/overdue.ts';
import { OPEN_NEED, toMatchNeed, toMatchResource, orgLoads, rejectedPairs, unitKey } from './engine-input.ts';
import { pairReasons } from './reasons.ts';

/**
 * The optimal assignment for an alliance (its needs and its members' resources)
 * or, for the county administrator, the whole county. Nothing is written:
 * people review the plan and accept what they agree with.
 */
export async function runAssignment({ ctx, input }: { ctx: Ctx; input: { allianceId: string | null; includeOverdue?: boolean } }): Promise<AssignmentView> {
  let scope: AllianceRef | null = null;
  if (input.allianceId) {
    scope = (await loadAllianceRefs(ctx, [input.allianceId])).get(input.allianceId) ?? null;
    if (!scope) throw new AppError('validation_failed', '党建联合体不存在', { errors: [{ path: 'body.allianceId', message: '党建联合体不存在' }] });
    if (!mayOn(ctx, 'match.run', scope)) throw new AppError('forbidden', '只有联合体牵头党组织、审批的上级党(工)委或组织部管理员可以为该联合体运行匹配');
  } else if (!allows(ctx.actor, 'match.run')) {
    throw new AppError('forbidden', '全旗县区统一匹配只能由组织部管理员运行');
  }
  const t = today(ctx);
  const waiting = and(inArray(needs.status, [...OPEN_NEED]), sql`${needs.quantity} > ${needs.committedQty} + ${needs.inDeliveryQty} + ${needs.fulfilledQty}`, scope ? eq(needs.allianceId, scope.id) : undefined);
  // Needs past their deadline wait in the overdue review (extend or close) and are not matched unless asked for.
  const needWhere = input.includeOverdue ? waiting : and(waiting, sql`NOT (${overdueNeedSql(t)})`);
  const [needRows, resRows, cats, [late]] = await Promise.all([
    ctx.db.select().from(needs).where(needWhere),
    resourceRows(ctx, and(eq(resources.status, 'available'), scope ? eq(resources.allianceId, scope.id) : undefined)),
    loadCategories(ctx),
    input.includeOverdue ? Promise.resolve([{ n: 0 }]) : ctx.db.select({ n: count() }).from(needs).where(and(waiting, overdueNeedSql(t))),
  ]);
  const options: MatchOptions = {
    today: t,
    excluded: await rejectedPairs(ctx, needRows.map((n) => n.id)),
    orgLoad: await orgLoads(ctx, resRows.map((x) => x.r.offeringOrgId)),
  };
  const matchNeeds = needRows.map((n) => toMatchNeed(ctx, n));
  const matchResources = resRows.map((x) => toMatchResource(ctx, x.r, cats));
  const optimal = assign(matchNeeds, matchResources, options);
  const greedy = greedyAssign(matchNeeds, matchResources, options);
  const needById = new Map(needRows.map((n) => [n.id, n]));
  const mNeedById = new Map(matchNeeds.map((n) => [n.id, n]));
  const resById = new Map(resRows.map((x) => [x.r.id, x]));
  const mResById = new Map(matchResources.map((r) => [r.id, r]));
  // Totals per unit: 元, 人次 and 处 are never added together.
  const byUnit = new Map<string, { unit: string; needCount: number; requested: number; planned: number; rows: number }>();
  const unitRow = (unit: string) => {
    const key = unitKey(unit);
    if (!byUnit.has(key)) byUnit.set(key, { unit: key, needCount: 0, requested: 0, planned: 0, rows: 0 });
    return byUnit.get(key)!;
  };
  for (const n of matchNeeds) {
    const u = unitRow(needById.get(n.id)!.unit);
    u.needCount += 1;
    u.requested += n.remaining;
  }
  for (const al of optimal.allocations) {
    const u = unitRow(needById.get(al.needId)!.unit);
    u.planned += al.quantity;
    u.rows += 1;
  }
  return {
    allianceId: scope?.id ?? null,
    byUnit: [...byUnit.values()].sort((x, y) => y.requested - x.requested || (x.unit < y.unit ? -1 : 1)),
    overdueExcluded: late?.n ?? 0,
    needCount: needRows.length,
    resourceCount: resRows.length,
    unitsRequested: matchNeeds.reduce((s, n) => s + n.remaining, 0),
    optimal: { unitsServed: optimal.unitsServed, weightedServed: optimal.weightedServed, totalCost: optimal.totalCost },
    greedy: { unitsServed: greedy.unitsServed, weightedServed: greedy.weightedServed, totalCost: greedy.totalCost },
    items: optimal.allocations.map((al) => {
      const n = needById.get(al.needId)!;
      const r = resById.get(al.resourceId)!;
      // The per-factor reasons of this pair, as the suggestion list shows them.
      const [why] = suggest(mNeedById.get(al.needId)!, [mResById.get(al.resourceId)!], options);
      return {
        needId: n.id,
        needTitle: n.title,
        needAllianceId: n.allianceId,
        urgency: n.urgency,
        deadline: n.deadline,
        resourceId: r.r.id,
        resourceTitle: r.r.title,
        offeringOrgName: r.offeringOrgName,
        quantity: al.quantity,
        unit: n.unit,
        cost: al.cost,
        factors: why?.factors ?? [],
        reasons: pairReasons(cats, n, r.r.categoryId, why?.factors ?? []),
      };
    }),
  };
}
