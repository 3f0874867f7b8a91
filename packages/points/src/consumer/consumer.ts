import { newId, openDb, prepareStatements, systemClock, type Ctx, type Statement } from '@ronghe/core';
import type { Consumer, EventEnvelope } from '@ronghe/events';
import { peopleById } from '@ronghe/people/read';
import { findTenant } from '@ronghe/tenancy';
import { entryStatements, type EntryDraft } from '../ledger/write.ts';
import { currentRules } from '../rules/current.ts';
import { periodOf } from '../shared/period.ts';
import { AWARDS, awardsOf } from './awards.ts';

/**
 * The ledger statements one event earns: for each award, the CURRENT version
 * of its rule (a disabled rule, an unknown person or zero units earn nothing),
 * units × points per unit clipped to the cap in SQL, the totals in the same
 * batch: three statements however many people the event names. The period is when the thing happened (the event's time, Asia/Shanghai).
 */
export async function pointsStatementsOf(db: D1Database, event: EventEnvelope): Promise<Statement[]> {
  const claims = awardsOf(event).filter((c) => c.units > 0);
  if (!claims.length) return [];
  const tdb = openDb(db);
  const tenant = findTenant(event.tenant);
  const ctx: Ctx = {
    db: tdb,
    tenant: { slug: event.tenant, code: tenant?.code ?? '', name: tenant?.name ?? event.tenant, kind: tenant?.kind ?? 'county' },
    actor: { userId: 'system', displayName: '积分规则', grants: [] },
    clock: systemClock,
    requestId: event.requestId,
  };
  const [rules, persons] = await Promise.all([currentRules(tdb), peopleById(ctx, claims.map((c) => c.personId))]);
  const byCode = new Map(rules.map((r) => [r.code, r]));
  const { year, month } = periodOf(event.at);
  const now = Date.now();
  const drafts: EntryDraft[] = [];
  for (const c of claims) {
    const rule = byCode.get(c.ruleCode);
    const person = persons.get(c.personId);
    if (!rule || !rule.enabled || !person) continue;
    const requested = c.units * rule.pointsPerUnit;
    if (requested <= 0) continue;
    drafts.push({
      id: newId('ple', now),
      personId: person.id,
      homeOrgId: person.homeOrgId,
      rule,
      kind: 'award',
      requested,
      reason: null,
      sourceKey: c.sourceKey,
      sourceType: event.type,
      sourceId: c.sourceId,
      compensatesId: null,
      year,
      month,
      occurredAt: event.at,
      createdBy: 'system',
      now,
    });
  }
  return entryStatements(drafts);
}

/**
 * 积分 from domain events (ADR 0012): the dispatcher runs the ledger
 * statements in one batch with this consumer's `consumed_events` row, and
 * every entry's source key is unique besides — two deliveries of one event,
 * even at the same moment, award once.
 */
export const pointsConsumer: Consumer = {
  name: 'points.awards',
  types: Object.keys(AWARDS),
  async handle(event, { db }) {
    return prepareStatements(db, await pointsStatementsOf(db, event));
  },
};
