import { eq as eqId } from 'drizzle-orm';
import { newId, openDb, writeBatch } from '@ronghe/core';
import {
  allocations,
  listCategories,
  needs,
  projectClaims,
  projectMilestones,
  projectNotes,
  projects,
  resources,
  type ListCategory,
  type Need,
  type Project,
  type ProjectStatus,
  type Resource,
} from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import type { MadeAlliance } from './alliance-factories.ts';
import { bindings } from './worker.ts';

// Rows of the three lists inserted straight into a tenant database, in the
// state a test needs. Places sit in the tenant's own county: its first street and that street's first community.

export const streetOf = (tenant: string) => `${findTenant(tenant)!.code}001`;
export const communityOf = (tenant: string) => `${streetOf(tenant)}001`;

let seq = 0;

/** A county's own category (beyond the seeded defaults, whose ids every county shares). */
export async function makeCategory(tenant: string): Promise<ListCategory> {
  const now = Date.now();
  const row: ListCategory = { id: newId('cat', now), name: `测试类别${++seq}_${now % 100000}`, alsoServes: [], sortOrder: 500, active: true, version: 1, createdAt: now, updatedAt: now };
  await dbOf(tenant).insert(listCategories).values(row);
  return row;
}

const dbOf = (tenant: string) => openDb(bindings[findTenant(tenant)!.binding]!);

export async function makeNeed(tenant: string, a: MadeAlliance, fields: Partial<Need> = {}): Promise<Need> {
  const now = Date.now();
  const row: Need = {
    id: newId('ned', now),
    allianceId: a.alliance.id,
    title: `测试需求${++seq}`,
    description: '独居老人每周需要上门助餐',
    source: '群众点单',
    categoryId: 'cat_elderly',
    quantity: 10,
    unit: '人次',
    streetCode: streetOf(tenant),
    communityCode: communityOf(tenant),
    gridName: '第一网格',
    address: null,
    lat: null,
    lng: null,
    urgency: 3,
    deadline: '2099-12-31',
    raisedByOrgId: a.alliance.leadOrgId,
    raiserName: '张大妈',
    raiserPhone: '13904769999',
    apiKeyId: null,
    committedQty: 0,
    inDeliveryQty: 0,
    fulfilledQty: 0,
    status: 'open',
    closedReason: null,
    version: 1,
    createdBy: 'usr_factory',
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await dbOf(tenant).insert(needs).values(row);
  return row;
}

export async function makeResource(tenant: string, a: MadeAlliance, fields: Partial<Resource> = {}): Promise<Resource> {
  const now = Date.now();
  const row: Resource = {
    id: newId('res', now),
    allianceId: a.alliance.id,
    offeringOrgId: a.alliance.leadOrgId,
    title: `测试资源${++seq}`,
    description: '社区食堂每周可供餐',
    kind: '服务',
    categoryId: 'cat_elderly',
    capacity: 20,
    unit: '人次',
    allocatedQty: 0,
    streetCode: streetOf(tenant),
    communityCode: communityOf(tenant),
    gridName: null,
    address: null,
    lat: null,
    lng: null,
    scope: 'street',
    radiusM: null,
    availableFrom: null,
    availableTo: null,
    contactName: '赵经理',
    contactPhone: '13904768888',
    status: 'available',
    version: 1,
    createdBy: 'usr_factory',
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await dbOf(tenant).insert(resources).values(row);
  return row;
}

export interface MadeProject {
  project: Project;
  milestoneIds: string[];
  /** The confirmed claim of the lead organization (from `claimed` on). */
  claimId: string | null;
  /** A pending claim of the second member organization. */
  pendingClaimId: string | null;
  allocationId: string;
  need: Need;
  resource: Resource;
}

/**
 * A project in the given state with what that state implies: a need and a
 * resource matched into it (2 units, or `opts.quantity`), two milestones (weights 40/60, both
 * done from `in_progress` on, so the fixture's project can be reported
 * complete; `opts.milestonePct` sets them), the lead organization's confirmed
 * claim from `claimed` on, and a second member's pending claim while claims
 * are open.
 */
export async function makeProject(
  tenant: string,
  a: MadeAlliance,
  status: ProjectStatus = 'in_progress',
  fields: Partial<Project> = {},
  opts: { milestonePct?: readonly [number, number]; quantity?: number; need?: Partial<Need>; resource?: Partial<Resource> } = {},
): Promise<MadeProject> {
  const now = Date.now();
  const db = dbOf(tenant);
  const q = opts.quantity ?? 2;
  const need = await makeNeed(tenant, a, opts.need);
  const resource = await makeResource(tenant, a, opts.resource);
  const id = newId('prj', now);
  const started = ['in_progress', 'completed', 'accepted'].includes(status);
  const done = ['completed', 'accepted'].includes(status);
  const pct = opts.milestonePct ?? (started ? [100, 100] : [0, 0]);
  const allocState = status === 'accepted' ? 'fulfilled' : status === 'cancelled' ? 'released' : started ? 'in_delivery' : 'committed';
  const project: Project = {
    id,
    allianceId: a.alliance.id,
    title: `测试项目${++seq}`,
    description: '为独居老人提供助餐服务',
    categoryId: 'cat_elderly',
    ownerName: '王书记',
    ownerOrgId: a.alliance.leadOrgId,
    status,
    budgetFen: 1_200_000,
    funding: [
      { source: '上级拨', amountFen: 1_000_000 },
      { source: '党费补', amountFen: 200_000 },
    ],
    startOn: '2025-03-01',
    dueOn: '2099-06-30',
    startedOn: started ? '2025-03-02' : null,
    completedOn: done ? '2025-05-01' : null,
    acceptedOn: status === 'accepted' ? '2025-05-10' : null,
    progressBp: 40 * pct[0] + 60 * pct[1],
    warning: done || status === 'cancelled' ? 'none' : 'green',
    warningReason: null,
    warningOn: null,
    escalatedOn: null,
    beneficiaries: done ? 30 : null,
    deliveredQty: done ? q : null,
    outcomeNote: done ? '助餐服务按期完成' : null,
    acceptanceNote: status === 'accepted' ? '验收合格' : null,
    cancelReason: status === 'cancelled' ? '需求方已另行解决' : null,
    version: 1,
    createdBy: 'usr_factory',
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  const milestoneIds = [newId('pms', now), newId('pms', now)];
  const claimId = status === 'proposed' ? null : newId('pcl', now);
  const second = a.members[1]?.orgId ?? null;
  const pendingClaimId = second && ['proposed', 'claimed', 'in_progress'].includes(status) ? newId('pcl', now) : null;
  const allocationId = newId('alc', now);
  const bucket = allocState === 'fulfilled' ? { fulfilledQty: q } : allocState === 'in_delivery' ? { inDeliveryQty: q } : allocState === 'committed' ? { committedQty: q } : {};
  await writeBatch(db, [
    db.insert(projects).values(project),
    db.insert(projectMilestones).values([
      { id: milestoneIds[0]!, projectId: id, title: '摸排服务对象', weight: 40, dueOn: '2099-04-01', progressPct: pct[0], doneOn: pct[0] === 100 ? '2025-03-20' : null, note: null, sortOrder: 0 },
      { id: milestoneIds[1]!, projectId: id, title: '开展助餐服务', weight: 60, dueOn: '2099-06-30', progressPct: pct[1], doneOn: pct[1] === 100 ? '2025-05-01' : null, note: null, sortOrder: 1 },
    ]),
    ...(claimId
      ? [db.insert(projectClaims).values({ id: claimId, projectId: id, orgId: a.alliance.leadOrgId, status: 'confirmed', note: '牵头实施', claimedBy: 'usr_factory', claimedAt: now, decidedBy: 'usr_factory', decidedAt: now })]
      : []),
    ...(pendingClaimId
      ? [db.insert(projectClaims).values({ id: pendingClaimId, projectId: id, orgId: second!, status: 'pending', note: '提供志愿者', claimedBy: 'usr_factory', claimedAt: now })]
      : []),
    db.insert(allocations).values({ id: allocationId, allianceId: a.alliance.id, projectId: id, needId: need.id, resourceId: resource.id, quantity: q, state: allocState, createdBy: 'usr_factory', createdAt: now, updatedAt: now }),
    db.insert(projectNotes).values({ id: newId('pnt', now), projectId: id, kind: 'event', body: '项目已创建', authorId: null, authorName: '系统', authorOrgId: null, replyToId: null, notified: [], onDate: '2025-03-01', createdAt: now }),
    db
      .update(needs)
      .set({ ...bucket, status: allocState === 'fulfilled' ? 'partly_met' : allocState === 'released' ? 'open' : 'partly_met' })
      .where(eqId(needs.id, need.id)),
    db
      .update(resources)
      .set({ allocatedQty: allocState === 'released' ? 0 : q })
      .where(eqId(resources.id, resource.id)),
  ]);
  return { project, milestoneIds, claimId, pendingClaimId, allocationId, need: { ...need, ...bucket }, resource: { ...resource, allocatedQty: allocState === 'released' ? 0 : q } };
}
