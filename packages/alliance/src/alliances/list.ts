import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { orgJoin } from '@ronghe/registry/read';
import { belowTrigram, ftsPhrase, nameContainsBound, PAGE_SIZE_DEFAULT, pagedPreparedRead, ph, type Ctx } from '@ronghe/core';
import { alliances, type AllianceStatus, type AllianceListQuery, type AllianceSummary } from '@ronghe/schema';

const lead = orgJoin('lead');
const committee = orgJoin('committee');

const memberCount = sql<number>`(SELECT count(*) FROM alliance_members m WHERE m.alliance_id = ${alliances.id} AND m.left_on IS NULL)`
  .mapWith(Number)
  .as('member_count');

/** States in which the founding conditions must keep holding (rules.ts `runningProblems`). */
export const FOUNDED: readonly AllianceStatus[] = ['established', 'active', 'rectifying'];

/**
 * `runningProblems` (rules.ts) in SQL, for a page of alliances in one
 * statement: the three layers staffed, every current member with an adopted
 * agreement and (once started) a named party-member liaison, ratios summing
 * to 0 or 100 %.
 * NULL before founding. A test breaks each rule and compares list and detail.
 * One pass over the current members answers both the per-member rules (no
 * member fails: the largest failure is 0) and the ratio total; the layers and
 * the agreements are read from their indexes alone (migration 0029). At ×10
 * this cut the flag's SQL from about 0.75 to 0.35 ms per page (issue 15 § 2).
 */
const compliantSql = sql<number | null>`(CASE WHEN ${alliances.status} IN ('established', 'active', 'rectifying') THEN (
    (SELECT count(DISTINCT s.layer) FROM alliance_governance_seats s WHERE s.alliance_id = ${alliances.id}) = 3
    AND (SELECT coalesce(sum(m.contribution_bp), 0) IN (0, 10000)
        AND coalesce(max(
          (${alliances.status} <> 'established' AND (m.liaison_name IS NULL OR m.liaison_name = '' OR m.liaison_party_member = 0))
          OR NOT EXISTS (SELECT 1 FROM alliance_documents d WHERE d.alliance_id = m.alliance_id AND d.kind = 'agreement' AND d.signer_org_id = m.org_id AND d.status = 'adopted')
        ), 0) = 0
      FROM alliance_members m WHERE m.alliance_id = ${alliances.id} AND m.left_on IS NULL)
  ) END)`.as('compliant');

/**
 * One alliance row with its organizations' names and member count. The list
 * asks for `compliant` from SQL; one alliance's detail (and every change that
 * loads it) leaves it out: `toDetail` decides it from the rules themselves,
 * and its correlated subqueries were the detail's costliest read (issue 15 § 2).
 */
export function headSelect(ctx: Ctx, opts: { compliant?: boolean } = {}) {
  return ctx.db
    .select({
      a: alliances,
      leadOrgName: sql<string>`${lead.name}`.as('lead_org_name'),
      committeeOrgName: sql<string>`${committee.name}`.as('committee_org_name'),
      committeePath: sql<string>`${committee.path}`.as('committee_path'),
      memberCount,
      compliant: opts.compliant === false ? sql<number | null>`NULL`.as('compliant') : compliantSql,
    })
    .from(alliances)
    .innerJoin(lead, eq(lead.id, alliances.leadOrgId))
    .innerJoin(committee, eq(committee.id, alliances.committeeOrgId));
}

export type HeadRow = { a: typeof alliances.$inferSelect; leadOrgName: string; committeeOrgName: string; committeePath: string; memberCount: number; compliant: number | null };

export function summary(r: HeadRow): AllianceSummary {
  const a = r.a;
  return {
    id: a.id,
    name: a.name,
    type: a.type,
    typeNote: a.typeNote,
    model: a.model,
    pairingForm: a.pairingForm,
    status: a.status,
    leadOrgId: a.leadOrgId,
    leadOrgName: r.leadOrgName,
    committeeOrgId: a.committeeOrgId,
    committeeOrgName: r.committeeOrgName,
    memberCount: r.memberCount,
    appliedOn: a.appliedOn,
    approvedOn: a.approvedOn,
    foundedOn: a.foundedOn,
    compliant: r.compliant === null ? null : Boolean(r.compliant),
    version: a.version,
    updatedAt: a.updatedAt,
  };
}

export async function listAlliances({ ctx, input }: { ctx: Ctx; input: AllianceListQuery & { statuses?: readonly AllianceStatus[] } }) {
  // Values as placeholders: the SQL depends only on which filters are present (`shape`), so it is
  // built once per shape and isolate (packages/core/src/prepared-reads.ts, issue 15 § 2).
  const where: SQL[] = [];
  const values: Record<string, unknown> = {};
  const shape: string[] = [];
  const bind = (name: string, value: string) => {
    values[name] = value;
    shape.push(name);
    return ph(name);
  };
  if (input.statuses) where.push(sql`${alliances.status} IN (SELECT value FROM json_each(${bind('statuses', JSON.stringify(input.statuses))}))`);
  if (input.type) where.push(eq(alliances.type, bind('type', input.type)));
  if (input.model) where.push(eq(alliances.model, bind('model', input.model)));
  if (input.status) where.push(eq(alliances.status, bind('status', input.status)));
  if (input.committeeId) where.push(eq(alliances.committeeOrgId, bind('committeeId', input.committeeId)));
  if (input.streetId) {
    where.push(or(eq(alliances.committeeOrgId, bind('streetId', input.streetId)), sql`instr(${lead.path}, ${bind('streetPath', `/${input.streetId}/`)}) > 0`)!);
  }
  if (input.orgId) {
    where.push(sql`EXISTS (SELECT 1 FROM alliance_members m WHERE m.alliance_id = ${alliances.id} AND m.org_id = ${bind('orgId', input.orgId)} AND m.left_on IS NULL)`);
  }
  if (input.q) {
    // Any length (ADR 0014): both names through their trigram indexes.
    const short = belowTrigram(input.q);
    const text = bind('q', input.q);
    const phrase = bind('qPhrase', ftsPhrase(input.q));
    if (short) shape.push('short');
    where.push(
      or(
        nameContainsBound('alliances', alliances, alliances.name, short, text, phrase),
        nameContainsBound('organizations', lead, lead.name, short, text, phrase),
      )!,
    );
  }
  const { rows, total, nextCursor } = await pagedPreparedRead(ctx.db, {
    shape: `alliances:${shape.join(',')}`,
    values,
    limit: input.limit ?? PAGE_SIZE_DEFAULT,
    cursor: input.cursor,
    // In pinyin order (ADR 0018): keyset on (sort_key, id).
    keyset: [alliances.sortKey, alliances.id],
    page: (after, limit) =>
      headSelect(ctx)
        .where(and(...where, after))
        .orderBy(asc(alliances.sortKey), asc(alliances.id))
        .limit(limit),
    total: () =>
      ctx.db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(alliances)
        .innerJoin(lead, eq(lead.id, alliances.leadOrgId))
        .where(and(...where)),
    keyOf: (r) => [r.a.sortKey, r.a.id],
  });
  return { items: (rows as HeadRow[]).map(summary), total, nextCursor };
}
