import { eq } from 'drizzle-orm';
import { type Ctx } from '@ronghe/core';
import { redRoutes, type RedRouteView } from '@ronghe/schema';
import { routeView } from './route-view.ts';

export async function listRedRoutes({ ctx, input }: { ctx: Ctx; input: { status?: 'active' | 'archived' | 'all' } }): Promise<RedRouteView[]> {
  const status = input.status ?? 'active';
  const rows = await ctx.db
    .select({ id: redRoutes.id })
    .from(redRoutes)
    .where(status === 'all' ? undefined : eq(redRoutes.status, status))
    .limit(500);
  return routeView(
    ctx,
    rows.map((r) => r.id),
  );
}
