import { newId } from '@ronghe/core';
import { findTenant } from '@ronghe/tenancy';
import type { FundEntryKind, FundSource } from '@ronghe/schema';
import { bindings } from './worker.ts';

// Funds (issue 12) test data: ledger entries written straight into a county's
// database (as packages/funds writes one, without its audit row), and the
// members' 出资比例 a contribution call splits by.

const dbOf = (tenant: string) => {
  const t = findTenant(tenant);
  if (!t) throw new Error(`unknown tenant ${tenant}`);
  return bindings[t.binding]!;
};

/** One original ledger entry (default: a 上级拨 income of 1,000.00 元 dated 2026-01-05). */
export async function makeFundEntry(
  tenant: string,
  allianceId: string,
  opts: { kind?: FundEntryKind; source?: FundSource | null; amountFen?: number; projectId?: string | null; occurredOn?: string; summary?: string } = {},
): Promise<{ id: string }> {
  const now = Date.now();
  const id = newId('fle', now);
  const kind = opts.kind ?? 'income';
  await dbOf(tenant)
    .prepare(
      `INSERT INTO fund_entries (id, alliance_id, kind, source, amount_fen, project_id, occurred_on, summary, source_key, recorded_by, recorded_by_name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'usr_factory', '测试记账人', ?)`,
    )
    .bind(id, allianceId, kind, kind === 'income' ? (opts.source ?? 'allocation') : null, opts.amountFen ?? 100_000, opts.projectId ?? null, opts.occurredOn ?? '2026-01-05', opts.summary ?? '区委组织部拨付党建经费', `manual:${id}`, now)
    .run();
  return { id };
}

/** Sets the current members' 出资比例 (bp of 10,000) of an alliance, by organization. */
export async function setContributionBps(tenant: string, allianceId: string, bps: Record<string, number>): Promise<void> {
  const db = dbOf(tenant);
  await db.batch(Object.entries(bps).map(([orgId, bp]) => db.prepare('UPDATE alliance_members SET contribution_bp = ? WHERE alliance_id = ? AND org_id = ? AND left_on IS NULL').bind(bp, allianceId, orgId)));
}
