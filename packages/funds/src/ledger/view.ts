import { inList, type Ctx } from '@ronghe/core';
import { allianceProjectBudgets } from '@ronghe/lists/read';
import { orgNamesById } from '@ronghe/registry/read';
import { fundEntries, type FundEntry, type FundEntryView } from '@ronghe/schema';
import { signedFen } from '../shared/signed.ts';

/**
 * Ledger rows (in ledger order) as views: project and member names, the entry
 * that reversed each, and the running balance from `openingFen`.
 */
export async function entryViews(ctx: Ctx, allianceId: string, rows: readonly FundEntry[], openingFen: number): Promise<FundEntryView[]> {
  if (!rows.length) return [];
  const orgIds = [...new Set(rows.map((r) => r.orgId).filter((x): x is string => !!x))];
  const [projects, orgs, reversals] = await Promise.all([
    rows.some((r) => r.projectId) ? allianceProjectBudgets(ctx, allianceId) : Promise.resolve([]),
    orgIds.length ? orgNamesById(ctx, orgIds) : Promise.resolve([]),
    ctx.db.select({ id: fundEntries.id, of: fundEntries.reversesId }).from(fundEntries).where(inList(fundEntries.reversesId, rows.map((r) => r.id))),
  ]);
  const title = new Map(projects.map((p) => [p.id, p.title]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const reversedBy = new Map(reversals.map((r) => [r.of!, r.id]));
  let balance = openingFen;
  return rows.map((r) => {
    balance += signedFen(r);
    return {
      id: r.id,
      allianceId: r.allianceId,
      kind: r.kind,
      source: r.source,
      amountFen: r.amountFen,
      projectId: r.projectId,
      projectTitle: r.projectId ? (title.get(r.projectId) ?? null) : null,
      orgId: r.orgId,
      orgName: r.orgId ? (orgName.get(r.orgId) ?? null) : null,
      callId: r.callId,
      contributionBp: r.contributionBp,
      occurredOn: r.occurredOn,
      voucherNo: r.voucherNo,
      summary: r.summary,
      reversesId: r.reversesId,
      reversedBy: reversedBy.get(r.id) ?? null,
      reason: r.reason,
      recordedByName: r.recordedByName,
      createdAt: r.createdAt,
      balanceFen: balance,
    };
  });
}
