import { AppError, inList, type Ctx, type FieldError } from '@ronghe/core';
import { alliances } from '@ronghe/schema';
import { allows } from '@ronghe/identity';

// 红色风景线 (an ordered chain of alliances with a theme) and 红色片区 (a
// cluster of alliances and routes), seed 000 3.3–3.4. Both are built on
// alliances that exist: a route strings together alliances already formed.

export function assertManage(ctx: Ctx) {
  // Routes and districts are the county organization department's planning.
  if (!allows(ctx.actor, 'red.manage')) throw new AppError('forbidden', '只有旗县区委组织部管理员可以规划红色风景线和红色片区');
}

/** Statuses an alliance may be in to sit on a route: formed and not dissolved. */
const ON_ROUTE = new Set(['approved', 'established', 'active', 'rectifying']);

export async function checkAlliances(ctx: Ctx, ids: string[], path: string, requireFormed: boolean): Promise<FieldError[]> {
  if (!ids.length) return [];
  const rows = await ctx.db.select({ id: alliances.id, name: alliances.name, status: alliances.status }).from(alliances).where(inList(alliances.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    const r = byId.get(id);
    if (!r) errors.push({ path: `${path}.${i}`, message: '该联合体不存在' });
    else if (requireFormed && !ON_ROUTE.has(r.status)) errors.push({ path: `${path}.${i}`, message: `“${r.name}”尚未批准组建或已撤销，不能列入` });
  });
  return errors;
}
