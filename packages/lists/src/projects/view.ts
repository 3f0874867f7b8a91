import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type Ctx } from '@ronghe/core';
import { alliances, organizations, projects, type ProjectSummaryView } from '@ronghe/schema';
import { allianceRefOf, allianceScopeColumns, type AllianceRef } from '../shared/alliance.ts';
import { today } from '../shared/dates.ts';
import { isOverdue } from './warnings.ts';

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
