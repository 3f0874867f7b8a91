import { auditInsert, newId, type Ctx } from '@ronghe/core';
import { filings, type Filing, type FilingKind } from '@ronghe/schema';
import type { AllianceWithScope } from '../access.ts';

/**
 * The filing (备案) a decision leaves, addressed to the county and the city
 * organization departments, with its own audit row (`filing.create`) so the
 * event `filing.created` tells the city's inbox (ADR 0024). Two statements:
 * spread them into the decision's batch.
 */
export function filingInsert(
  ctx: Ctx,
  a: Pick<AllianceWithScope, 'id' | 'name' | 'committeeOrgName'>,
  f: { kind: FilingKind; title: string; summary: string; documentId?: string | null; filedOn: string },
) {
  const now = ctx.clock.now();
  const row: Filing = {
    id: newId('fil', now),
    kind: f.kind,
    allianceId: a.id,
    allianceName: a.name,
    committeeName: a.committeeOrgName,
    title: f.title,
    summary: f.summary,
    documentId: f.documentId ?? null,
    filedOn: f.filedOn,
    filedAt: now,
    filedById: ctx.actor.userId,
    filedByName: ctx.actor.displayName,
    countyState: 'unread',
    countyAckAt: null,
    countyAckBy: null,
    cityState: 'unread',
    cityAckAt: null,
    cityAckBy: null,
    version: 1,
  };
  return [
    ctx.db.insert(filings).values(row),
    auditInsert(ctx, { action: 'filing.create', entityType: 'filing', entityId: row.id, after: { kind: row.kind, allianceId: row.allianceId, countyState: 'unread', cityState: 'unread' } }),
  ] as const;
}
