import { and, asc, eq, inArray } from 'drizzle-orm';
import { allAllianceRefsQuery, loadAllianceRefs } from '@ronghe/alliance/read';
import { notFound, type Ctx } from '@ronghe/core';
import { allocations, needs, projects, resources, type OpenWorkView } from '@ronghe/schema';

/**
 * A project is open until it is accepted or cancelled: one reported complete
 * still waits for acceptance (验收), which a dissolved alliance can no longer give.
 */
export const SETTLE_PROJECT = ['proposed', 'claimed', 'in_progress', 'completed'] as const;
/** A need is open while it still asks for something. */
export const SETTLE_NEED = ['open', 'partly_met'] as const;
/** A resource is open while it is offered (even when fully used: what it gave stays with the accepted projects). */
export const SETTLE_RESOURCE = ['available', 'exhausted'] as const;

/** An alliance's open projects, needs and resources, with the promises (live allocations) that tie them together. One round trip. */
export async function loadOpenWork(ctx: Ctx, allianceId: string) {
  const [ps, ns, rs, live] = await ctx.db.batch([
    ctx.db
      .select({ id: projects.id, title: projects.title, status: projects.status, version: projects.version, dueOn: projects.dueOn })
      .from(projects)
      .where(and(eq(projects.allianceId, allianceId), inArray(projects.status, [...SETTLE_PROJECT])))
      .orderBy(asc(projects.dueOn), asc(projects.id)),
    ctx.db
      .select({ id: needs.id, title: needs.title, status: needs.status, quantity: needs.quantity, unit: needs.unit, committedQty: needs.committedQty, inDeliveryQty: needs.inDeliveryQty, fulfilledQty: needs.fulfilledQty })
      .from(needs)
      .where(and(eq(needs.allianceId, allianceId), inArray(needs.status, [...SETTLE_NEED])))
      .orderBy(asc(needs.deadline), asc(needs.id)),
    ctx.db
      .select({ id: resources.id, title: resources.title, status: resources.status, capacity: resources.capacity, allocatedQty: resources.allocatedQty, unit: resources.unit })
      .from(resources)
      .where(and(eq(resources.allianceId, allianceId), inArray(resources.status, [...SETTLE_RESOURCE])))
      .orderBy(asc(resources.createdAt), asc(resources.id)),
    ctx.db
      .select()
      .from(allocations)
      .where(and(eq(allocations.allianceId, allianceId), inArray(allocations.state, ['committed', 'in_delivery'])))
      .orderBy(asc(allocations.id)),
  ]);
  return { projects: ps, needs: ns, resources: rs, live };
}
export type OpenWork = Awaited<ReturnType<typeof loadOpenWork>>;

/** What the dissolution dialog shows: the open items and the alliances that could take them over (running, this county). */
export async function getOpenWork({ ctx, input }: { ctx: Ctx; input: { allianceId: string } }): Promise<OpenWorkView> {
  const a = (await loadAllianceRefs(ctx, [input.allianceId])).get(input.allianceId);
  if (!a) throw notFound('党建联合体');
  const work = await loadOpenWork(ctx, a.id);
  const all = (await allAllianceRefsQuery(ctx)).filter((t) => t.status === 'active' && t.id !== a.id);
  return {
    projects: work.projects.map((p) => ({ id: p.id, title: p.title, status: p.status })),
    needs: work.needs.map((n) => ({ id: n.id, title: n.title, status: n.status, remaining: n.quantity - n.committedQty - n.inDeliveryQty - n.fulfilledQty, unit: n.unit })),
    resources: work.resources.map((r) => ({ id: r.id, title: r.title, status: r.status, unit: r.unit })),
    targets: all.map((t) => ({ id: t.id, name: t.name })).sort((x, y) => x.name.localeCompare(y.name, 'zh-Hans-CN')),
  };
}
