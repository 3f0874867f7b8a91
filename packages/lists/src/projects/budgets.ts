import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { projects, type ProjectStatus } from '@ronghe/schema';

/** Every project of an alliance with its budget (分), oldest first: what the fund ledger reconciles against. */
export async function allianceProjectBudgets(ctx: Ctx, allianceId: string): Promise<Array<{ id: string; title: string; status: ProjectStatus; budgetFen: number }>> {
  return ctx.db
    .select({ id: projects.id, title: projects.title, status: projects.status, budgetFen: projects.budgetFen })
    .from(projects)
    .where(eq(projects.allianceId, allianceId))
    .orderBy(asc(projects.createdAt), asc(projects.id));
}
