import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { allianceScopeJoin, allianceStatusIn } from '@ronghe/alliance/read';
import { AppError, inList, keysetPage, PAGE_SIZE_DEFAULT, type Ctx } from '@ronghe/core';
import { orgJoin, orgNameById } from '@ronghe/registry/read';
import { listCategories, projects, PUBLIC_PROJECT_STATUSES, type AllianceStatus, type PublicProject, type PublicProjectQuery } from '@ronghe/schema';
import { projectsAfter } from './list.ts';

// 项目清单 for the public API (issue 14, ADR 0029): what a third party may see
// of a project — its progress, dates, alliance and the organizations carrying
// it, by name. Never the 负责人, the budget lines or the 督办 thread.

const owner = orgJoin('pub_prj_owner');

const milestonesTotal = sql<number>`(SELECT count(*) FROM project_milestones m WHERE m.project_id = ${projects.id})`.mapWith(Number).as('milestones_total');
const milestonesDone = sql<number>`(SELECT count(*) FROM project_milestones m WHERE m.project_id = ${projects.id} AND m.done_on IS NOT NULL)`.mapWith(Number).as('milestones_done');
const claimants = sql<string>`(SELECT json_group_array(json_object('orgId', c.org_id, 'orgName', coalesce(${orgNameById(sql.raw('c.org_id'))}, ''))) FROM (SELECT org_id FROM project_claims WHERE project_id = ${projects.id} AND status = 'confirmed' ORDER BY claimed_at, id) c)`.as(
  'claimants',
);
const needIds = sql<string>`(SELECT json_group_array(need_id) FROM (SELECT DISTINCT need_id FROM allocations WHERE project_id = ${projects.id} AND state <> 'released' ORDER BY need_id))`.as('need_ids');
const scope = allianceScopeJoin('pub_prj_committee');

function selectPublic(ctx: Ctx) {
  return ctx.db
    .select({ p: projects, allianceName: scope.columns.allianceName, categoryName: listCategories.name, ownerOrgName: sql<string | null>`${owner.name}`.as('owner_org_name'), milestonesTotal, milestonesDone, claimants, needIds })
    .from(projects)
    .innerJoin(scope.alliances, scope.on(projects.allianceId))
    .innerJoin(scope.committee, scope.committeeOn)
    .leftJoin(listCategories, eq(listCategories.id, projects.categoryId))
    .leftJoin(owner, eq(owner.id, projects.ownerOrgId));
}
type Row = Awaited<ReturnType<ReturnType<typeof selectPublic>['all']>>[number];

function parse<T>(json: string | null): T[] {
  try {
    return (JSON.parse(json ?? '[]') as T[]) ?? [];
  } catch {
    return [];
  }
}

function toPublic(r: Row): PublicProject {
  const p = r.p;
  return {
    id: p.id,
    allianceId: p.allianceId,
    allianceName: r.allianceName ?? '',
    title: p.title,
    description: p.description,
    categoryId: p.categoryId,
    categoryName: r.categoryName,
    ownerOrgId: p.ownerOrgId,
    ownerOrgName: r.ownerOrgName,
    status: p.status as PublicProject['status'],
    progressPercent: p.progressBp / 100,
    milestonesDone: r.milestonesDone,
    milestonesTotal: r.milestonesTotal,
    startOn: p.startOn,
    dueOn: p.dueOn,
    startedOn: p.startedOn,
    completedOn: p.completedOn,
    acceptedOn: p.acceptedOn,
    beneficiaries: p.beneficiaries,
    claimants: parse<{ orgId: string; orgName: string }>(r.claimants),
    needIds: parse<string>(r.needIds),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** Projects third parties may see: a public state, of an alliance in one of `allianceStatuses`. */
function visible(allianceStatuses: readonly AllianceStatus[]): SQL[] {
  return [inList(projects.status, PUBLIC_PROJECT_STATUSES), allianceStatusIn(projects.allianceId, allianceStatuses)];
}

/** Newest first, keyset on (created_at, id) — a project's creation never changes, so a walk is stable while projects move. */
export async function listPublicProjects(ctx: Ctx, input: PublicProjectQuery, allianceStatuses: readonly AllianceStatus[]) {
  const where = visible(allianceStatuses);
  if (input.allianceId) where.push(eq(projects.allianceId, input.allianceId));
  if (input.status) where.push(eq(projects.status, input.status));
  if (input.categoryId) where.push(eq(projects.categoryId, input.categoryId));
  if (input.updatedSince !== undefined) where.push(gt(projects.updatedAt, input.updatedSince));
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const pageWhere = [...where, ...projectsAfter(input.cursor)];
  const [rows, totals] = await ctx.db.batch([
    selectPublic(ctx)
      .where(and(...pageWhere))
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(limit + 1),
    ctx.db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(projects).where(and(...where)),
  ]);
  const { page, nextCursor } = keysetPage(rows, limit, (r) => [r.p.createdAt, r.p.id]);
  return { items: page.map(toPublic), total: totals[0]?.total ?? 0, nextCursor };
}

/** One project as third parties see it; a cancelled one, or one of an alliance they may not see, is 404 like a missing one. */
export async function getPublicProject(ctx: Ctx, id: string, allianceStatuses: readonly AllianceStatus[]): Promise<PublicProject> {
  const [row] = await selectPublic(ctx)
    .where(and(eq(projects.id, id), ...visible(allianceStatuses)))
    .limit(1);
  if (!row) throw new AppError('not_found', '项目不存在');
  return toPublic(row);
}
