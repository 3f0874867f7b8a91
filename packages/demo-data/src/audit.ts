// The audit trail of the demo data's past. The generators write the rows as
// they stand today (alliances with their timelines, lists with their
// projects); a person opening 审计日志 or an object's history would find
// nothing before the day they looked. These rows say who did what and when,
// in the words the server writes (same action keys, entity types and actors
// as packages/alliance and packages/lists), dated when it happened.
// No domain events go with them: they are history, not news.
import type { TenantDef } from '@ronghe/tenancy';
import { stableId } from './prng.ts';
import type { AllianceDemoData, DemoAccount, DemoOrg, ListsDemoData } from './types.ts';

/** One row of `audit_log` (schema/tenant/audit-log.ts) in drizzle's property names; JSON columns hold values. */
export interface DemoAuditRow {
  id: string;
  at: number;
  actorId: string;
  actorName: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string;
}

/** The request id of every historical row: no request of today's server wrote them. */
export const DEMO_HISTORY_REQUEST = 'demo-history';

interface Who {
  name: string;
  role: string;
}

export interface AuditInputs {
  seed: string;
  tenant: TenantDef;
  orgs: readonly DemoOrg[];
  alliances: AllianceDemoData;
  lists: ListsDemoData;
  /** This tenant's demo accounts and the city's. */
  accounts: readonly DemoAccount[];
}

const KIND_SUFFIX = /(机关党委|机关党总支|机关党支部|离退休干部党支部|联合党支部|联合党委|党工委|党总支|党支部|党委|党组)$/;

export function buildAuditHistory(input: AuditInputs): DemoAuditRow[] {
  const { seed, tenant, orgs, alliances: A, lists: L, accounts } = input;
  const slug = tenant.slug;
  // Who each actor id is. The generators' people of the day are keyed by their
  // organization (alliances.ts / lists.ts `synthetic`); the events say their role.
  const who = new Map<string, Who>();
  const accountsOpened = accounts.reduce((m, a) => Math.min(m, a.createdAt), Infinity);
  for (const o of orgs)
    who.set(stableId('usr', seed, `${slug}/actor/${o.id}`, accountsOpened), { name: o.secretaryName ?? `${o.name.replace(KIND_SUFFIX, '')}书记`, role: 'org_liaison' });
  who.set(stableId('usr', seed, `${slug}/actor/api`, accountsOpened), { name: '第三方应用', role: 'api_client' });
  for (const e of A.events) who.set(e.actorId, { name: e.actorName, role: e.actorRole });
  for (const a of accounts) who.set(a.userId, { name: a.displayName, role: a.role });
  const countyAccount = accounts.find((a) => a.username === `${slug}_admin`);
  const cityAccount = accounts.find((a) => a.role === 'city_admin');
  // Before the accounts were opened, the organization departments acted under their own names.
  const department = (acc: DemoAccount | undefined, name: string, role: string, at: number) =>
    acc && at >= acc.createdAt ? { id: acc.userId, name: acc.displayName, role: acc.role } : { id: stableId('usr', seed, `${slug}/actor/department/${role}`, accountsOpened), name, role };
  const countyDept = (at: number) => department(countyAccount, `${tenant.name}委组织部`, 'county_admin', at);

  const rows: DemoAuditRow[] = [];
  const push = (key: string, at: number, actor: { id: string; name?: string; role?: string }, action: string, entityType: string, entityId: string, before: unknown, after: unknown) => {
    const known = who.get(actor.id);
    rows.push({
      id: stableId('aud', seed, `${slug}/audit/${key}`, at),
      at,
      actorId: actor.id,
      actorName: actor.name ?? known?.name ?? '系统',
      actorRole: actor.role ?? known?.role ?? 'system',
      action,
      entityType,
      entityId,
      before,
      after,
      requestId: DEMO_HISTORY_REQUEST,
    });
  };

  const allianceName = new Map(A.alliances.map((a) => [a.id, a.name]));
  for (const e of A.events) {
    const actor = { id: e.actorId, name: e.actorName, role: e.actorRole };
    if (e.action === 'adjust' || e.action === 'adjust_reject') {
      const decision = e.action === 'adjust' ? 'approve' : 'reject';
      push(`aev/${e.id}`, e.at, actor, `alliance.adjustment_${decision}`, 'alliance_adjustment', e.adjustmentId ?? e.allianceId, { status: 'proposed' }, { status: decision === 'approve' ? 'approved' : 'rejected', note: e.reason });
    } else if (e.action === 'create') {
      push(`aev/${e.id}`, e.at, actor, 'alliance.create', 'alliance', e.allianceId, null, { name: allianceName.get(e.allianceId), status: e.toStatus });
    } else {
      push(`aev/${e.id}`, e.at, actor, `alliance.${e.action}`, 'alliance', e.allianceId, { status: e.fromStatus }, { status: e.toStatus, onDate: e.onDate, reason: e.reason });
    }
  }
  for (const j of A.adjustments)
    push(`adj/${j.id}`, j.proposedAt, { id: j.proposedById, name: j.proposedByName }, 'alliance.adjustment_propose', 'alliance_adjustment', j.id, null, { allianceId: j.allianceId, ...j.payload, reason: j.reason });
  for (const d of A.documents)
    push(`adc/${d.id}`, d.createdAt, { id: d.createdBy }, 'alliance.document_create', 'alliance_document', d.id, null, { allianceId: d.allianceId, kind: d.kind, title: d.title });
  for (const f of A.filings) {
    if (f.countyAckAt !== null)
      push(`fil/${f.id}/county`, f.countyAckAt, countyDept(f.countyAckAt), 'filing.acknowledge', 'filing', f.id, { countyState: 'unread' }, { countyState: 'acknowledged' });
    if (f.cityAckAt !== null)
      push(`fil/${f.id}/city`, f.cityAckAt, department(cityAccount, '赤峰市委组织部', 'city_admin', f.cityAckAt), 'filing.acknowledge', 'filing', f.id, { cityState: 'unread' }, { cityState: 'acknowledged' });
  }
  for (const r of A.routes) push(`rrt/${r.id}`, r.createdAt, countyDept(r.createdAt), 'red_route.create', 'red_route', r.id, null, { name: r.name, theme: r.theme });
  for (const d of A.districts) push(`rds/${d.id}`, d.createdAt, countyDept(d.createdAt), 'red_district.create', 'red_district', d.id, null, { name: d.name });

  for (const n of L.needs)
    push(`ned/${n.id}`, n.createdAt, { id: n.createdBy }, n.source === '第三方应用' ? 'need.submit' : 'need.create', 'need', n.id, null, { title: n.title, quantity: n.quantity, unit: n.unit });
  for (const r of L.resources) push(`res/${r.id}`, r.createdAt, { id: r.createdBy }, 'resource.create', 'resource', r.id, null, { title: r.title, capacity: r.capacity, unit: r.unit });
  for (const p of L.projects) push(`prj/${p.id}`, p.createdAt, { id: p.createdBy }, 'project.create', 'project', p.id, null, { title: p.title, allianceId: p.allianceId });
  for (const c of L.claims) {
    push(`pcl/${c.id}`, c.claimedAt, { id: c.claimedBy }, 'project.claim', 'project', c.projectId, null, { orgId: c.orgId, note: c.note });
    if (c.decidedAt !== null && c.decidedBy && c.status !== 'pending') {
      const decision = c.status === 'confirmed' ? 'confirm' : c.status === 'declined' ? 'decline' : 'withdraw';
      push(`pcl/${c.id}/decided`, c.decidedAt, { id: c.decidedBy }, `project.claim_${decision}`, 'project', c.projectId, { status: 'pending' }, { status: c.status, decisionNote: c.decisionNote });
    }
  }
  for (const n of L.notes) {
    if (n.kind === 'event' || !n.authorId) continue;
    push(`pnt/${n.id}`, n.createdAt, { id: n.authorId, name: n.authorName ?? undefined }, `project.${n.kind}`, 'project', n.projectId, null, { kind: n.kind, body: n.body });
  }
  return rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}
