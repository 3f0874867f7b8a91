import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { allianceProjectBudgets } from '@ronghe/lists/read';
import { fundEntries, type FundBalanceView } from '@ronghe/schema';
import { assertMayRead, loadAlliance } from '../shared/scope.ts';
import { addSource, emptyBySource } from './by-source.ts';

/**
 * An alliance's balance (income − spending, exact to the 分) with its income
 * by source, and the reconciliation of its spending against its projects'
 * budgets (lists: budgetFen): per project, budget, spent, remaining, and
 * whether the spending passed the budget (超支). One grouped read of the ledger.
 */
export async function fundBalance({ ctx, input }: { ctx: Ctx; input: { allianceId: string } }): Promise<FundBalanceView> {
  const a = await loadAlliance(ctx, input.allianceId);
  await assertMayRead(ctx, a);
  const [groups, projects] = await Promise.all([
    ctx.db
      .select({ kind: fundEntries.kind, source: fundEntries.source, projectId: fundEntries.projectId, fen: sql<number>`sum(${fundEntries.amountFen})` })
      .from(fundEntries)
      .where(eq(fundEntries.allianceId, a.id))
      .groupBy(fundEntries.kind, fundEntries.source, fundEntries.projectId),
    allianceProjectBudgets(ctx, a.id),
  ]);
  const bySource = emptyBySource();
  const spentBy = new Map<string, number>();
  let incomeFen = 0;
  let spendingFen = 0;
  let unassignedSpendingFen = 0;
  for (const g of groups) {
    const fen = Number(g.fen);
    if (g.kind === 'income') {
      incomeFen += fen;
      addSource(bySource, g.source, fen);
    } else {
      spendingFen += fen;
      if (g.projectId) spentBy.set(g.projectId, (spentBy.get(g.projectId) ?? 0) + fen);
      else unassignedSpendingFen += fen;
    }
  }
  const balanceFen = incomeFen - spendingFen;
  return {
    allianceId: a.id,
    allianceName: a.name,
    incomeFen,
    spendingFen,
    balanceFen,
    overdrawn: balanceFen < 0,
    bySource,
    unassignedSpendingFen,
    projects: projects.map((p) => {
      const spentFen = spentBy.get(p.id) ?? 0;
      return { projectId: p.id, title: p.title, status: p.status, budgetFen: p.budgetFen, spentFen, remainingFen: p.budgetFen - spentFen, overBudget: spentFen > p.budgetFen };
    }),
  };
}
