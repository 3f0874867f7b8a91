import { asc, eq, sql } from 'drizzle-orm';
import { currentMembersQuery } from '@ronghe/alliance/read';
import { orgJoin } from '@ronghe/registry/read';
import { notFound, type Ctx } from '@ronghe/core';
import { allocations, needs, projectClaims, projectMilestones, projectNotes, projects, resources, type Project } from '@ronghe/schema';
import { mayOn } from '../shared/alliance.ts';
import { isOpenProject } from './warnings.ts';
import { selectProjects, type ProjectRow, allianceOf } from './view.ts';

/** Everything the detail view and the rules need, in one round trip. */
export async function loadProjectParts(ctx: Ctx, id: string) {
  const claimOrg = orgJoin('claim_org');
  const offering = orgJoin('offering_org');
  const authorOrg = orgJoin('author_org');
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
    currentMembersQuery(ctx, sql`(SELECT alliance_id FROM projects WHERE id = ${id})`),
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
