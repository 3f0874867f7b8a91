import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { inList, type Ctx } from '@ronghe/core';
import {
  ADJUSTMENT_KIND_LABELS,
  ALLIANCE_STATUSES,
  allianceAdjustments,
  allianceDocuments,
  allianceMembers,
  alliances,
  filings,
  type AllianceStatus,
  type TodoItemView,
} from '@ronghe/schema';

// 工作台 待办 of the alliance capability (issue 9 §3), derived from the current
// state of its own tables only: what waits is whatever is in the waiting state
// right now, so the list can never drift from the objects. Organizations are
// passed in as ids; which committees lie under a reviewer's committee is the
// registry's answer, composed by @ronghe/workbench.

/** At most this many objects are listed per to-do; the count is always the full one. */
export const TODO_SAMPLE = 10;

const base = (ctx: Ctx) => `/t/${ctx.tenant.slug}`;

function todo(kind: string, role: string, title: string, link: string, total: number, items: TodoItemView['items']): TodoItemView {
  return { kind, role, title, count: total, link, items };
}

/** The committees that approve at least one alliance: a small set, to be narrowed to a reviewer's subtree. */
export async function committeeOrgIdsInUse(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db.selectDistinct({ id: alliances.committeeOrgId }).from(alliances);
  return rows.map((r) => r.id);
}

/**
 * The approving committee's reviewer: applications to approve or reject,
 * adjustments to decide, and alliances under rectification (to restore or
 * dissolve). `committeeOrgIds`: the committees its grant covers.
 */
export async function reviewerTodos(ctx: Ctx, committeeOrgIds: readonly string[]): Promise<TodoItemView[]> {
  if (committeeOrgIds.length === 0) return [];
  const under = inList(alliances.committeeOrgId, committeeOrgIds);
  const inState = (s: AllianceStatus) => and(eq(alliances.status, s), under);
  const pick = { id: alliances.id, name: alliances.name, appliedOn: alliances.appliedOn, updatedAt: alliances.updatedAt };
  const [applied, appliedN, rect, rectN, adj, adjN] = await ctx.db.batch([
    ctx.db.select(pick).from(alliances).where(inState('applied')).orderBy(asc(alliances.appliedOn), asc(alliances.id)).limit(TODO_SAMPLE),
    ctx.db.select({ n: count() }).from(alliances).where(inState('applied')),
    ctx.db.select(pick).from(alliances).where(inState('rectifying')).orderBy(asc(alliances.updatedAt), asc(alliances.id)).limit(TODO_SAMPLE),
    ctx.db.select({ n: count() }).from(alliances).where(inState('rectifying')),
    ctx.db
      .select({ id: allianceAdjustments.id, kind: allianceAdjustments.kind, allianceId: allianceAdjustments.allianceId, name: alliances.name })
      .from(allianceAdjustments)
      .innerJoin(alliances, eq(alliances.id, allianceAdjustments.allianceId))
      .where(and(eq(allianceAdjustments.status, 'proposed'), under))
      .orderBy(asc(allianceAdjustments.proposedAt), asc(allianceAdjustments.id))
      .limit(TODO_SAMPLE),
    ctx.db
      .select({ n: count() })
      .from(allianceAdjustments)
      .innerJoin(alliances, eq(alliances.id, allianceAdjustments.allianceId))
      .where(and(eq(allianceAdjustments.status, 'proposed'), under)),
  ]);
  const t = base(ctx);
  return [
    todo('alliance.to_review', 'committee_reviewer', '联合体组建申请待审批', `${t}/alliances?status=applied`, appliedN[0]?.n ?? 0,
      applied.map((a) => ({ id: a.id, label: a.name, link: `${t}/alliances/${a.id}`, ...(a.appliedOn ? { note: `${a.appliedOn} 申请` } : {}) }))),
    todo('alliance.adjustment_to_decide', 'committee_reviewer', '联合体调整待决定', `${t}/alliances`, adjN[0]?.n ?? 0,
      adj.map((a) => ({ id: a.id, label: a.name, link: `${t}/alliances/${a.allianceId}`, note: ADJUSTMENT_KIND_LABELS[a.kind] }))),
    todo('alliance.rectification_to_decide', 'committee_reviewer', '整顿中的联合体待验收（恢复或撤销）', `${t}/alliances?status=rectifying`, rectN[0]?.n ?? 0,
      rect.map((a) => ({ id: a.id, label: a.name, link: `${t}/alliances/${a.id}` }))),
  ];
}

/** The county organization department: filings (备案) not yet acknowledged. */
export async function countyAllianceTodos(ctx: Ctx): Promise<TodoItemView[]> {
  const unread = eq(filings.countyState, 'unread');
  const [rows, n] = await ctx.db.batch([
    ctx.db.select({ id: filings.id, title: filings.title, allianceName: filings.allianceName, filedOn: filings.filedOn }).from(filings).where(unread).orderBy(asc(filings.filedAt), asc(filings.id)).limit(TODO_SAMPLE),
    ctx.db.select({ n: count() }).from(filings).where(unread),
  ]);
  const t = base(ctx);
  return [
    todo('filing.unread', 'county_admin', '备案待签收', `${t}/filings?state=unread`, n[0]?.n ?? 0,
      rows.map((f) => ({ id: f.id, label: `${f.allianceName}：${f.title}`, link: `${t}/filings?state=unread`, note: `${f.filedOn} 备案` }))),
  ];
}

/** Which alliances a set of lead organizations (or directly granted alliances) runs. */
function ledBy(leadOrgIds: readonly string[], allianceIds: readonly string[]): SQL | undefined {
  const parts: SQL[] = [];
  if (leadOrgIds.length) parts.push(inList(alliances.leadOrgId, leadOrgIds));
  if (allianceIds.length) parts.push(inList(alliances.id, allianceIds));
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` OR `)})`;
}

/** Ids of the alliances a lead's secretary runs (not dissolved), for the lists' to-dos and the figures. */
export async function alliancesLedBy(ctx: Ctx, scope: { leadOrgIds: readonly string[]; allianceIds: readonly string[] }): Promise<string[]> {
  const led = ledBy(scope.leadOrgIds, scope.allianceIds);
  if (!led) return [];
  const rows = await ctx.db.select({ id: alliances.id }).from(alliances).where(led);
  return rows.map((r) => r.id);
}

/** Ids of the alliances a set of organizations belongs to as current members (the lead included). */
export async function alliancesWithMembers(ctx: Ctx, orgIds: readonly string[]): Promise<string[]> {
  if (orgIds.length === 0) return [];
  const rows = await ctx.db.selectDistinct({ id: allianceMembers.allianceId }).from(allianceMembers).where(and(inList(allianceMembers.orgId, orgIds), isNull(allianceMembers.leftOn)));
  return rows.map((r) => r.id);
}

/** Ids of the alliances approved by a set of committees. */
export async function alliancesApprovedBy(ctx: Ctx, committeeOrgIds: readonly string[]): Promise<string[]> {
  if (committeeOrgIds.length === 0) return [];
  const rows = await ctx.db.select({ id: alliances.id }).from(alliances).where(inList(alliances.committeeOrgId, committeeOrgIds));
  return rows.map((r) => r.id);
}

interface FoundingGap {
  id: string;
  name: string;
  missing: string[];
}

/**
 * The lead's secretary: approved alliances still short of the founding file
 * (seed 000 7.3) — the charter, an agreement signed by each current member and
 * the work plan, all adopted. The other founding conditions (the 议事机构, the
 * type's composition) are shown on the alliance's own page.
 */
export async function allianceAdminTodos(ctx: Ctx, scope: { leadOrgIds: readonly string[]; allianceIds: readonly string[] }): Promise<TodoItemView[]> {
  const led = ledBy(scope.leadOrgIds, scope.allianceIds);
  if (!led) return [];
  const approved = await ctx.db.select({ id: alliances.id, name: alliances.name }).from(alliances).where(and(eq(alliances.status, 'approved'), led)).orderBy(asc(alliances.approvedOn), asc(alliances.id));
  const gaps: FoundingGap[] = [];
  if (approved.length) {
    const ids = approved.map((a) => a.id);
    const [members, docs] = await ctx.db.batch([
      ctx.db.select({ allianceId: allianceMembers.allianceId, orgId: allianceMembers.orgId }).from(allianceMembers).where(and(inList(allianceMembers.allianceId, ids), isNull(allianceMembers.leftOn))),
      ctx.db
        .select({ allianceId: allianceDocuments.allianceId, kind: allianceDocuments.kind, signerOrgId: allianceDocuments.signerOrgId })
        .from(allianceDocuments)
        .where(and(inList(allianceDocuments.allianceId, ids), eq(allianceDocuments.status, 'adopted'), inArray(allianceDocuments.kind, ['charter', 'agreement', 'work_plan']))),
    ]);
    for (const a of approved) {
      const mine = docs.filter((d) => d.allianceId === a.id);
      const missing: string[] = [];
      if (!mine.some((d) => d.kind === 'charter')) missing.push('章程');
      const unsigned = members.filter((m) => m.allianceId === a.id && !mine.some((d) => d.kind === 'agreement' && d.signerOrgId === m.orgId)).length;
      if (unsigned) missing.push(`共建协议 ${unsigned} 份`);
      if (!mine.some((d) => d.kind === 'work_plan')) missing.push('工作计划');
      if (missing.length) gaps.push({ id: a.id, name: a.name, missing });
    }
  }
  const t = base(ctx);
  return [
    todo('alliance.founding_documents_missing', 'alliance_admin', '已批准的联合体缺少组建文书', `${t}/alliances?status=approved`, gaps.length,
      gaps.slice(0, TODO_SAMPLE).map((g) => ({ id: g.id, label: g.name, link: `${t}/alliances/${g.id}`, note: `缺少${g.missing.join('、')}` }))),
  ];
}

/**
 * A member organization's liaison: memberships in running (or founding)
 * alliances where its organization has not signed the co-building agreement
 * or not named its liaison (seed 000 7.3, 11.1.2). Both are owed from the
 * approval on; a draft or an application owes nothing yet.
 */
export async function liaisonAllianceTodos(ctx: Ctx, orgIds: readonly string[]): Promise<TodoItemView[]> {
  if (orgIds.length === 0) return [];
  const owing: AllianceStatus[] = ['approved', 'established', 'active', 'rectifying'];
  const signed = sql<number>`EXISTS (SELECT 1 FROM alliance_documents d WHERE d.alliance_id = ${allianceMembers.allianceId} AND d.kind = 'agreement' AND d.status = 'adopted' AND d.signer_org_id = ${allianceMembers.orgId})`;
  const rows = await ctx.db
    .select({ memberId: allianceMembers.id, allianceId: allianceMembers.allianceId, name: alliances.name, liaisonName: allianceMembers.liaisonName, signed: signed.mapWith(Number) })
    .from(allianceMembers)
    .innerJoin(alliances, eq(alliances.id, allianceMembers.allianceId))
    .where(and(inList(allianceMembers.orgId, orgIds), isNull(allianceMembers.leftOn), inArray(alliances.status, owing)))
    .orderBy(asc(alliances.sortKey), asc(alliances.id));
  const t = base(ctx);
  const noAgreement = rows.filter((r) => !r.signed);
  const noLiaison = rows.filter((r) => !r.liaisonName);
  return [
    todo('alliance.agreement_missing', 'org_liaison', '本单位尚未签署共建协议', `${t}/alliances`, noAgreement.length,
      noAgreement.slice(0, TODO_SAMPLE).map((r) => ({ id: r.memberId, label: r.name, link: `${t}/alliances/${r.allianceId}` }))),
    todo('alliance.liaison_missing', 'org_liaison', '本单位尚未明确联合体联络员', `${t}/alliances`, noLiaison.length,
      noLiaison.slice(0, TODO_SAMPLE).map((r) => ({ id: r.memberId, label: r.name, link: `${t}/alliances/${r.allianceId}` }))),
  ];
}

/** 工作台 key figure: alliances by status, over the given alliances (null: the whole county). */
export async function allianceFigures(ctx: Ctx, allianceIds: readonly string[] | null): Promise<Record<AllianceStatus, number>> {
  const rows = await ctx.db
    .select({ status: alliances.status, n: count() })
    .from(alliances)
    .where(allianceIds === null ? undefined : inList(alliances.id, allianceIds))
    .groupBy(alliances.status);
  const out = Object.fromEntries(ALLIANCE_STATUSES.map((s) => [s, 0])) as Record<AllianceStatus, number>;
  for (const r of rows) out[r.status] = r.n;
  return out;
}
