import { and, eq, ne } from 'drizzle-orm';
import { AppError, type Ctx } from '@ronghe/core';
import { alliances, type Alliance } from '@ronghe/schema';

export async function assertNameFree(ctx: Ctx, name: string, selfId?: string) {
  const clash = await ctx.db.query.alliances.findFirst({
    where: and(eq(alliances.name, name), ne(alliances.status, 'dissolved'), selfId ? ne(alliances.id, selfId) : undefined),
    columns: { id: true },
  });
  if (clash) throw new AppError('conflict', `已有名为“${name}”的党建联合体`, { errors: [{ path: 'body.name', message: '联合体名称不能与现有联合体重复' }] });
}

/** The snapshot an audit row keeps of the alliance itself. */
export function snapshot(a: Alliance) {
  // The sort key follows the name (ADR 0018): no one needs to read it in the audit log.
  const { createdAt: _c, updatedAt: _u, sortKey: _s, ...rest } = a;
  return rest;
}

export function pick(o: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}
