import { and, asc, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { decodeCursor, encodeCursor, nameContains, notFound, textContains, PAGE_SIZE_DEFAULT, type Ctx } from '@ronghe/core';
import {
  allianceMembers,
  alliances,
  allocations,
  needs,
  organizations,
  projectClaims,
  projectMilestones,
  projectNotes,
  projects,
  resources,
  PROJECT_ACTIONS,
  PROJECT_CAN_KEYS,
  type Project,
  type ProjectDetailView,
  type ProjectListQuery,
  type ProjectSummaryView,
} from '@ronghe/schema';
import { allianceRefOf, allianceScopeColumns, mayOn, today, type AllianceRef } from '../common.ts';
import { deliverOrgIds, isFinalProject, mayDeliver, mayManage, maySupervise, mayTransition } from './project-rules.ts';
import { isLegalProjectStep } from './state-machine.ts';
import { isMilestoneOverdue, isOpenProject, isOverdue } from './warnings.ts';

const committee = alias(organizations, 'prj_committee');
const owner = alias(organizations, 'prj_owner');

const claimOrgNames = sql<string>`(SELECT json_group_array(o.name) FROM project_claims c JOIN organizations o ON o.id = c.org_id WHERE c.project_id = ${projects.id} AND c.status = 'confirmed')`.as(
  'claim_org_names',
);

export function selectProjects(ctx: Ctx) {
  return ctx.db
    .select({
      p: projects,
      ...allianceScopeColumns(committee),
      ownerOrgName: sql<string | null>`${owner.name}`.as('owner_org_name'),
      claimOrgNames,
    })
    .from(projects)
    .innerJoin(alliances, eq(alliances.id, projects.allianceId))
    .innerJoin(committee, eq(committee.id, alliances.committeeOrgId))
    .leftJoin(owner, eq(owner.id, projects.ownerOrgId));
}
export type ProjectRow = Awaited<ReturnType<ReturnType<typeof selectProjects>['all']>>[number];

export const allianceOf = (r: ProjectRow): AllianceRef => allianceRefOf(r.p.allianceId, r);

function names(json: string | null): string[] {
  try {
    return (JSON.parse(json ?? '[]') as Array<string | null>).filter((x): x is string => !!x);
  } catch {
    return [];
  }
}

export function toSummary(ctx: Ctx, r: ProjectRow): ProjectSummaryView {
  const p = r.p;
  return {
    id: p.id,
    allianceId: p.allianceId,
    allianceName: r.allianceName,
    title: p.title,
    categoryId: p.categoryId,
    ownerName: p.ownerName,
    ownerOrgId: p.ownerOrgId,
    ownerOrgName: r.ownerOrgName,
    status: p.status,
    budgetFen: p.budgetFen,
    startOn: p.startOn,
    dueOn: p.dueOn,
    progressBp: p.progressBp,
    overdue: isOverdue(p, today(ctx)),
    warning: p.warning,
    warningReason: p.warningReason,
    claimOrgNames: names(r.claimOrgNames),
    version: p.version,
    createdAt: p.createdAt,
  };
}

const OPEN_SQL = sql`('proposed', 'claimed', 'in_progress')`;

export function projectFilters(ctx: Ctx, input: Omit<ProjectListQuery, 'cursor' | 'limit'>): SQL[] {
  const where: SQL[] = [];
  if (input.allianceId) where.push(eq(projects.allianceId, input.allianceId));
  if (input.status) where.push(eq(projects.status, input.status));
  if (input.warning) where.push(eq(projects.warning, input.warning));
  if (input.claimOrgId) {
    where.push(sql`EXISTS (SELECT 1 FROM project_claims c WHERE c.project_id = ${projects.id} AND c.org_id = ${input.claimOrgId} AND c.status IN ('pending', 'confirmed'))`);
  }
  if (input.overdue === 'true') where.push(sql`${projects.dueOn} < ${today(ctx)} AND ${projects.status} IN ${OPEN_SQL}`);
  if (input.overdue === 'false') where.push(sql`NOT (${projects.dueOn} < ${today(ctx)} AND ${projects.status} IN ${OPEN_SQL})`);
  if (input.q) {
    // Any length (ADR 0014): the title through its trigram index, the rest by instr().
    where.push(or(nameContains('projects', projects, projects.title, input.q), textContains(projects.description, input.q), textContains(projects.ownerName, input.q))!);
  }
  return where;
}

/** Newest first, keyset on (created_at, id), with the total of the filtered list. */
export async function listProjects({ ctx, input }: { ctx: Ctx; input: ProjectListQuery }) {
  const where = projectFilters(ctx, input);
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const pageWhere = [...where];
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2);
    pageWhere.push(or(lt(projects.createdAt, Number(at)), and(eq(projects.createdAt, Number(at)), lt(projects.id, String(id))))!);
  }
  const [rows, totals] = await ctx.db.batch([
    selectProjects(ctx)
      .where(and(...pageWhere))
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(limit + 1),
    ctx.db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(projects).where(and(...where)),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toSummary(ctx, r)),
    total: totals[0]?.total ?? 0,
    nextCursor: rows.length > limit && last ? encodeCursor([last.p.createdAt, last.p.id]) : null,
  };
}

/** Everything the detail view and the rules need, in one round trip. */
export async function loadProjectParts(ctx: Ctx, id: string) {
  const claimOrg = alias(organizations, 'claim_org');
  const offering = alias(organizations, 'offering_org');
  const authorOrg = alias(organizations, 'author_org');
  const memberOrg = alias(organizations, 'member_org');
  const [heads, milestones, claims, allocs, notes, members] = await ctx.db.batch([
    selectProjects(ctx).where(eq(projects.id, id)).limit(1),
    ctx.db.select().from(projectMilestones).where(eq(projectMilestones.projectId, id)).orderBy(asc(projectMilestones.sortOrder), asc(projectMilestones.id)),
    ctx.db
      .select({ c: projectClaims, orgName: sql<string>`${claimOrg.name}`.as('claim_org_name') })
      .from(projectClaims)
      .innerJoin(claimOrg, eq(claimOrg.id, projectClaims.orgId))
      .where(eq(projectClaims.projectId, id))
      .orderBy(asc(projectClaims.claimedAt), asc(projectClaims.id)),
    ctx.db
      .select({
        a: allocations,
        needTitle: sql<string>`${needs.title}`.as('need_title'),
        unit: sql<string>`${needs.unit}`.as('need_unit'),
        resourceTitle: sql<string | null>`${resources.title}`.as('resource_title'),
        offeringOrgName: sql<string | null>`${offering.name}`.as('offering_org_name'),
      })
      .from(allocations)
      .innerJoin(needs, eq(needs.id, allocations.needId))
      .leftJoin(resources, eq(resources.id, allocations.resourceId))
      .leftJoin(offering, eq(offering.id, resources.offeringOrgId))
      .where(eq(allocations.projectId, id))
      .orderBy(asc(allocations.createdAt), asc(allocations.id)),
    ctx.db
      .select({ n: projectNotes, authorOrgName: sql<string | null>`${authorOrg.name}`.as('author_org_name') })
      .from(projectNotes)
      .leftJoin(authorOrg, eq(authorOrg.id, projectNotes.authorOrgId))
      .where(eq(projectNotes.projectId, id))
      .orderBy(asc(projectNotes.createdAt), asc(projectNotes.id)),
    ctx.db
      .select({ orgId: allianceMembers.orgId, name: sql<string>`${memberOrg.name}`.as('member_org_name') })
      .from(allianceMembers)
      .innerJoin(memberOrg, eq(memberOrg.id, allianceMembers.orgId))
      .where(and(sql`${allianceMembers.allianceId} = (SELECT alliance_id FROM projects WHERE id = ${id})`, isNull(allianceMembers.leftOn)))
      .orderBy(asc(allianceMembers.createdAt)),
  ]);
  const head = heads[0] as ProjectRow | undefined;
  if (!head) throw notFound('项目');
  return { head, project: head.p as Project, alliance: allianceOf(head), milestones, claims, allocations: allocs, notes, members };
}
export type ProjectParts = Awaited<ReturnType<typeof loadProjectParts>>;

/** Member organizations the actor may claim for: current members with no live claim, while claims are open. */
export function claimableOrgs(ctx: Ctx, parts: ProjectParts): Array<{ id: string; name: string }> {
  if (!isOpenProject(parts.project.status)) return [];
  const live = new Set(parts.claims.filter((c) => c.c.status === 'pending' || c.c.status === 'confirmed').map((c) => c.c.orgId));
  return parts.members.filter((m) => !live.has(m.orgId) && mayOn(ctx, 'project.claim', parts.alliance, m.orgId)).map((m) => ({ id: m.orgId, name: m.name }));
}

export function toDetail(ctx: Ctx, parts: ProjectParts): ProjectDetailView {
  const { project: p, alliance: a } = parts;
  const claims = parts.claims.map((c) => c.c);
  const t = today(ctx);
  const manage = mayManage(ctx, a);
  const deliver = mayDeliver(ctx, a, claims);
  const can = Object.fromEntries(PROJECT_CAN_KEYS.map((k) => [k, false])) as ProjectDetailView['can'];
  for (const action of PROJECT_ACTIONS) can[action] = isLegalProjectStep(action, p.status) && mayTransition(ctx, action, a, claims);
  const claimable = claimableOrgs(ctx, parts);
  can.update = manage && !isFinalProject(p.status);
  can.plan = manage && isOpenProject(p.status);
  can.progress = deliver && p.status === 'in_progress';
  can.claim = claimable.length > 0;
  can.decideClaims = manage && isOpenProject(p.status) && claims.some((c) => c.status === 'pending');
  can.supervise = maySupervise(ctx, a) && !isFinalProject(p.status);
  can.reply = (manage || deliverOrgIds(ctx, a, claims).length > 0) && !isFinalProject(p.status);
  return {
    ...toSummary(ctx, parts.head),
    description: p.description,
    funding: p.funding ?? [],
    startedOn: p.startedOn,
    completedOn: p.completedOn,
    acceptedOn: p.acceptedOn,
    escalatedOn: p.escalatedOn,
    beneficiaries: p.beneficiaries,
    deliveredQty: p.deliveredQty,
    outcomeNote: p.outcomeNote,
    acceptanceNote: p.acceptanceNote,
    cancelReason: p.cancelReason,
    milestones: parts.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      weight: m.weight,
      dueOn: m.dueOn,
      progressPct: m.progressPct,
      doneOn: m.doneOn,
      note: m.note,
      sortOrder: m.sortOrder,
      overdue: isOpenProject(p.status) && isMilestoneOverdue(m, t),
    })),
    claims: parts.claims.map((r) => ({
      id: r.c.id,
      orgId: r.c.orgId,
      orgName: r.orgName,
      status: r.c.status,
      note: r.c.note,
      decisionNote: r.c.decisionNote,
      claimedAt: r.c.claimedAt,
      decidedAt: r.c.decidedAt,
    })),
    allocations: parts.allocations.map((r) => ({
      id: r.a.id,
      needId: r.a.needId,
      needTitle: r.needTitle,
      resourceId: r.a.resourceId,
      resourceTitle: r.resourceTitle,
      offeringOrgName: r.offeringOrgName,
      quantity: r.a.quantity,
      unit: r.unit,
      state: r.a.state,
    })),
    notes: parts.notes.map((r) => ({
      id: r.n.id,
      kind: r.n.kind,
      body: r.n.body,
      authorName: r.n.authorName,
      authorOrgName: r.authorOrgName,
      replyToId: r.n.replyToId,
      notified: r.n.notified ?? [],
      onDate: r.n.onDate,
      createdAt: r.n.createdAt,
    })),
    can,
    claimableOrgs: claimable,
  };
}

export async function getProject({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ProjectDetailView> {
  return toDetail(ctx, await loadProjectParts(ctx, input.id));
}
