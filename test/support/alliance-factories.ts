import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { newId, openDb, pinyinSortKey, shanghaiDate, writeBatch, type Statement } from '@ronghe/core';
import {
  allianceAdjustments,
  allianceDocuments,
  allianceEvents,
  allianceGovernanceSeats,
  allianceMembers,
  alliances,
  filings,
  redDistrictItems,
  redDistricts,
  redRouteStops,
  redRoutes,
  type Alliance,
  type AllianceStatus,
  type Organization,
} from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { makeOrg } from './factories.ts';
import { bindings } from './worker.ts';

/** The smallest bytes that are a PDF by their header: a test's stamped scan. */
export const TINY_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** Its SHA-256, computed outside the app (Node's crypto.createHash). */
export const TINY_PDF_SHA = 'a8ea9f63d81e0927b1935af65c5c4ae12be654d6d1d57907772491a65a562aa5';

/** Statuses reached by the path draft → applied → approved → established → active, in order. */
const PATH: AllianceStatus[] = ['draft', 'applied', 'approved', 'established', 'active'];
const reached = (status: AllianceStatus, step: AllianceStatus) => {
  if (status === 'rectifying' || status === 'dissolved') return true;
  if (status === 'rejected') return step === 'draft' || step === 'applied';
  return PATH.indexOf(status) >= PATH.indexOf(step);
};

export interface MadeAlliance {
  alliance: Alliance;
  /** Current member rows: the lead first. */
  members: Array<{ id: string; orgId: string; version: number }>;
  /** A draft document (editable). */
  draftDocId: string;
  /** The adopted charter, with TINY_PDF as its scanned original in R2 (ADR 0017). */
  originalDocId: string;
  /** A proposed adjustment (type change), for active/rectifying alliances. */
  adjustmentId: string | null;
  filingId: string;
}

let seq = 0;

/**
 * Inserts an alliance straight into a tenant database, in the given state,
 * with everything that state implies (documents, governance, liaisons,
 * events), so that the next legal transition's preconditions hold. The type
 * is 党建联合体+ so composition only asks that the lead's secretary heads it.
 */
export async function makeAlliance(
  tenant: string,
  opts: { lead: Organization; committee: Organization; status?: AllianceStatus; members?: Organization[]; name?: string },
): Promise<MadeAlliance> {
  const def = findTenant(tenant)!;
  const db = openDb(bindings[def.binding]!);
  const status = opts.status ?? 'active';
  const now = Date.now();
  const today = shanghaiDate(now);
  const day = '2025-01-10';
  const id = newId('aln', now);
  // Members sit outside the committee's subtree, as cross-domain members do (and so subtree counts stay the caller's).
  const others = opts.members ?? [await makeOrg(tenant, { domain: '机关', kind: '党支部' }), await makeOrg(tenant, { domain: '非公有制企业', kind: '党支部' })];
  const formed = reached(status, 'established');
  const row: Alliance = {
    id,
    name: opts.name ?? `测试联合体${++seq}_${id.slice(-6)}`,
    sortKey: '',
    type: '党建联合体+',
    typeNote: '党建联合体+志愿服务',
    model: '区域化共驻共建',
    pairingForm: '支部+支部',
    vision: '共建共治共享',
    commonNeeds: '社区养老与就业服务',
    leadOrgId: opts.lead.id,
    committeeOrgId: opts.committee.id,
    status,
    houseRules: ['共建准入'],
    consortium: null,
    appliedOn: reached(status, 'applied') && status !== 'draft' ? day : null,
    approvedOn: reached(status, 'approved') && status !== 'rejected' ? day : null,
    foundedOn: formed ? day : null,
    startedOn: reached(status, 'active') ? day : null,
    dissolvedOn: status === 'dissolved' ? today : null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  row.sortKey = pinyinSortKey(row.name);
  const orgs = [opts.lead, ...others];
  const members = orgs.map((o, i) => ({
    id: newId('alm', now + i),
    allianceId: id,
    orgId: o.id,
    role: i === 0 ? ('lead' as const) : ('member' as const),
    consortiumRole: null,
    contributionBp: 0,
    liaisonName: '赵联络',
    liaisonPhone: '13904760000',
    liaisonPartyMember: true,
    joinedOn: formed ? day : null,
    leftOn: status === 'dissolved' ? today : null,
    leaveReason: status === 'dissolved' ? '联合体撤销' : null,
    version: 1,
    createdAt: now + i,
    updatedAt: now,
  }));
  const doc = (kind: (typeof allianceDocuments.$inferInsert)['kind'], extra: Partial<typeof allianceDocuments.$inferInsert> = {}) => ({
    id: newId('adc', now),
    allianceId: id,
    kind,
    title: `测试${kind}`,
    docDate: day,
    status: 'adopted' as const,
    signerName: null,
    signerOrgId: null,
    year: null,
    content: `${kind} 正文`,
    contentHash: '0'.repeat(64),
    version: 1,
    createdBy: 'usr_test',
    createdAt: now,
    updatedAt: now,
    ...extra,
  });
  const draftDocId = newId('adc', now);
  const originalDocId = newId('adc', now);
  const originalKey = `${tenant}/alliance-documents/${originalDocId}/${TINY_PDF_SHA}`;
  await (env as unknown as { DOCUMENTS: R2Bucket }).DOCUMENTS.put(originalKey, TINY_PDF);
  const docs = [
    doc('application'),
    doc('charter', {
      id: originalDocId,
      originalKey,
      originalSha256: TINY_PDF_SHA,
      originalSize: TINY_PDF.byteLength,
      originalType: 'application/pdf',
      originalName: '章程盖章件.pdf',
      originalAt: now,
      originalBy: '测试',
    }),
    doc('rules'),
    doc('work_plan', { year: 2025 }),
    ...orgs.map((o) => doc('agreement', { signerOrgId: o.id })),
    { ...doc('other', { status: 'draft' }), id: draftDocId },
  ];
  const seats = [
    { layer: '决策层' as const, post: '总负责人' as const, personName: '王书记', orgId: opts.lead.id },
    { layer: '协调层' as const, post: '具体负责人' as const, personName: '刘书记', orgId: others[0]!.id },
    { layer: '执行层' as const, post: '联络员' as const, personName: '赵联络', orgId: others[0]!.id },
  ].map((s, i) => ({ ...s, id: newId('ags', now), allianceId: id, sortOrder: i }));
  const adjustmentId = status === 'active' || status === 'rectifying' ? newId('adj', now) : null;
  const filingId = newId('fil', now);
  const statements: Statement[] = [
    db.insert(alliances).values(row),
    db.insert(allianceMembers).values(members),
    // One INSERT per document: D1 binds at most 100 parameters per statement.
    ...docs.map((d) => db.insert(allianceDocuments).values(d)),
    db.insert(allianceEvents).values({ id: newId('aev', now), allianceId: id, action: 'create', fromStatus: null, toStatus: 'draft', onDate: day, at: now, actorId: 'usr_test', actorName: '测试', actorRole: 'county_admin' }),
    db.insert(filings).values({
      id: filingId,
      kind: 'approval',
      allianceId: id,
      allianceName: row.name,
      committeeName: opts.committee.name,
      title: '测试备案',
      summary: '同意组建',
      filedOn: day,
      filedAt: now,
      filedById: 'usr_test',
      filedByName: '测试',
    }),
  ];
  // The deliberating body is formed while approved, before the founding meeting confirms it.
  if (formed || status === 'approved') statements.push(db.insert(allianceGovernanceSeats).values(seats));
  if (adjustmentId) {
    statements.push(
      db.insert(allianceAdjustments).values({
        id: adjustmentId,
        allianceId: id,
        kind: 'type_change',
        payload: { kind: 'type_change', type: '党建联合体+', typeNote: '党建联合体+文明实践' },
        reason: '工作重心调整',
        proposedById: 'usr_test',
        proposedByName: '测试',
        proposedAt: now,
      }),
    );
  }
  await writeBatch(db, statements);
  return { alliance: row, members: members.filter((m) => m.leftOn === null).map((m) => ({ id: m.id, orgId: m.orgId, version: 1 })), draftDocId, originalDocId, adjustmentId, filingId };
}

export async function makeRoute(tenant: string, allianceIds: string[]): Promise<{ id: string }> {
  const db = openDb(bindings[findTenant(tenant)!.binding]!);
  const now = Date.now();
  const id = newId('rrt', now);
  await writeBatch(db, [
    db.insert(redRoutes).values({ id, name: `测试风景线${++seq}`, theme: '基层治理', description: '测试', createdAt: now, updatedAt: now }),
    db.insert(redRouteStops).values(allianceIds.map((allianceId, position) => ({ routeId: id, position, allianceId }))),
  ]);
  return { id };
}

export async function makeDistrict(tenant: string, allianceIds: string[], routeIds: string[]): Promise<{ id: string }> {
  const db = openDb(bindings[findTenant(tenant)!.binding]!);
  const now = Date.now();
  const id = newId('rds', now);
  await writeBatch(db, [
    db.insert(redDistricts).values({ id, name: `测试片区${++seq}`, description: '测试', createdAt: now, updatedAt: now }),
    db.insert(redDistrictItems).values([
      ...allianceIds.map((itemId, position) => ({ districtId: id, itemType: 'alliance' as const, itemId, position })),
      ...routeIds.map((itemId, i) => ({ districtId: id, itemType: 'route' as const, itemId, position: allianceIds.length + i })),
    ]),
  ]);
  return { id };
}


/** Another filing (备案) of an alliance, still unsigned by the county. */
export async function makeFiling(tenant: string, alliance: { id: string; name: string }): Promise<{ id: string }> {
  const db = openDb(bindings[findTenant(tenant)!.binding]!);
  const id = newId('fil');
  await db.insert(filings).values({
    id,
    kind: 'approval',
    allianceId: alliance.id,
    allianceName: alliance.name,
    committeeName: '测试党工委',
    title: '第二件备案',
    summary: '同意调整',
    filedOn: '2026-06-01',
    filedAt: 1,
    filedById: 'usr_test',
    filedByName: '测试',
  });
  return { id };
}

/** The county signs a filing, as the acknowledge route leaves it (without its event, which a test hands to a consumer itself). */
export async function signFiling(tenant: string, filingId: string): Promise<void> {
  await openDb(bindings[findTenant(tenant)!.binding]!).update(filings).set({ countyState: 'acknowledged', countyAckAt: Date.now(), countyAckBy: 'usr_test' }).where(eq(filings.id, filingId));
}
