import { sql, type SQL } from 'drizzle-orm';
import { newId, primaryRole, type Ctx } from '@ronghe/core';
import { allianceInStatus, FOUNDED } from '@ronghe/alliance/read';
import type { AllianceStatus, FundEntryKind, FundSource } from '@ronghe/schema';

/** Alliances whose ledger takes new entries: formed and not dissolved (a dissolved alliance's books are closed). */
export const RECORDING_STATUSES: readonly AllianceStatus[] = FOUNDED;

/** One ledger entry to write. */
export interface EntryDraft {
  id: string;
  allianceId: string;
  kind: FundEntryKind;
  source: FundSource | null;
  amountFen: number;
  projectId: string | null;
  orgId: string | null;
  callId: string | null;
  contributionBp: number | null;
  occurredOn: string;
  voucherNo: string | null;
  summary: string;
  reversesId: string | null;
  reason: string | null;
  sourceKey: string;
}

const COLUMNS = ['id', 'alliance_id', 'kind', 'source', 'amount_fen', 'project_id', 'org_id', 'call_id', 'contribution_bp', 'occurred_on', 'voucher_no', 'summary', 'reverses_id', 'reason', 'source_key'] as const;

/**
 * The entries' INSERT: one statement however many entries (a contribution
 * call writes one per member; D1 allows 100 bound parameters, so the drafts
 * travel as one JSON parameter). It writes nothing unless the alliance is
 * still in a recording state when the batch runs, and a source key already in
 * the ledger (a second posting of the same thing, a second reversal) writes
 * nothing either: the caller reads back what was written.
 */
export function entriesInsert(ctx: Ctx, allianceId: string, drafts: readonly EntryDraft[]): SQL {
  const rows = drafts.map((d) => ({
    id: d.id, alliance_id: d.allianceId, kind: d.kind, source: d.source, amount_fen: d.amountFen, project_id: d.projectId, org_id: d.orgId,
    call_id: d.callId, contribution_bp: d.contributionBp, occurred_on: d.occurredOn, voucher_no: d.voucherNo, summary: d.summary,
    reverses_id: d.reversesId, reason: d.reason, source_key: d.sourceKey,
  }));
  const fields = sql.raw(COLUMNS.map((c) => `json_extract(value, '$.${c}')`).join(', '));
  return sql`INSERT INTO fund_entries (${sql.raw(COLUMNS.join(', '))}, recorded_by, recorded_by_name, created_at)
    SELECT ${fields}, ${ctx.actor.userId}, ${ctx.actor.displayName}, ${ctx.clock.now()}
    FROM json_each(${JSON.stringify(rows)})
    WHERE ${allianceInStatus(allianceId, RECORDING_STATUSES)}
    ON CONFLICT DO NOTHING`;
}

/**
 * The audit rows of the entries just written, built FROM the rows as the
 * database holds them (no entry, no audit row, no event); one per entry, so
 * each entry has its `fund_entry.recorded` event.
 */
export function entriesAudit(ctx: Ctx, action: 'fund.record' | 'fund.contribution_call' | 'fund.reverse' | 'fund.reward_post', entryIds: readonly string[]): SQL {
  const at = ctx.clock.now();
  // Audit ids ascend with the entry ids, so the audit rows and their events come in the entries' order.
  const sortedEntries = [...entryIds].sort();
  const fresh = sortedEntries.map(() => newId('aud', at)).sort();
  const auditIds = Object.fromEntries(sortedEntries.map((id, i) => [id, fresh[i]!]));
  return sql`INSERT INTO audit_log (id, at, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, request_id)
    SELECT json_extract(${JSON.stringify(auditIds)}, '$.' || id), ${at}, ${ctx.actor.userId}, ${ctx.actor.displayName}, ${primaryRole(ctx)}, ${action}, 'fund_entry', id, NULL,
      json_object('allianceId', alliance_id, 'kind', kind, 'source', source, 'amountFen', amount_fen, 'projectId', project_id, 'orgId', org_id,
        'callId', call_id, 'contributionBp', contribution_bp, 'occurredOn', occurred_on, 'voucherNo', voucher_no, 'entrySummary', summary,
        'reversesId', reverses_id, 'reason', reason),
      ${ctx.requestId}
    FROM fund_entries WHERE id IN (SELECT value FROM json_each(${JSON.stringify(entryIds)}))
    ORDER BY id`;
}
