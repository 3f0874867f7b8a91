import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { honourDesignations, type DesignationView } from '@ronghe/schema';
import { designationViews } from './view.ts';

/** The year's designations, revoked ones included (each with its revocation: the branches' history). */
export async function listDesignations({ ctx, input }: { ctx: Ctx; input: { year: number; orgId?: string } }): Promise<{ items: DesignationView[] }> {
  const where: SQL[] = [eq(honourDesignations.year, input.year)];
  if (input.orgId) where.push(eq(honourDesignations.orgId, input.orgId));
  const rows = await ctx.db
    .select()
    .from(honourDesignations)
    .where(and(...where))
    .orderBy(asc(honourDesignations.status), desc(honourDesignations.designatedAt))
    .limit(1000);
  return { items: await designationViews(ctx, rows) };
}
