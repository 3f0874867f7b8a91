import { asc, eq } from 'drizzle-orm';
import { type Ctx } from '@ronghe/core';
import { organizations, type Organization } from '@ronghe/schema';

export interface TreeNode {
  id: string;
  parentId: string | null;
  name: string;
  kind: Organization['kind'];
  domain: Organization['domain'];
  status: Organization['status'];
  childCount: number;
}

/** The whole tenant as a flat list of nodes; the client nests them. */
export async function orgTree({ ctx, input }: { ctx: Ctx; input: { status?: 'active' | 'all' } }): Promise<TreeNode[]> {
  const rows = await ctx.db
    .select({
      id: organizations.id,
      parentId: organizations.parentId,
      name: organizations.name,
      kind: organizations.kind,
      domain: organizations.domain,
      status: organizations.status,
    })
    .from(organizations)
    .where(input.status === 'all' ? undefined : eq(organizations.status, 'active'))
    .orderBy(asc(organizations.depth), asc(organizations.sortKey), asc(organizations.id));
  const counts = new Map<string, number>();
  for (const r of rows) if (r.parentId && r.status === 'active') counts.set(r.parentId, (counts.get(r.parentId) ?? 0) + 1);
  return rows.map((r) => ({ ...r, childCount: counts.get(r.id) ?? 0 }));
}
