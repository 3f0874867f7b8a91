import { eq, sql } from 'drizzle-orm';
import { allianceScopeJoin } from '@ronghe/alliance/read';
import { type Ctx } from '@ronghe/core';
import { orgJoin, orgNameById } from '@ronghe/registry/read';
import { projects, type ProjectSummaryView } from '@ronghe/schema';
import { allianceRefOf, type AllianceRef } from '../shared/alliance.ts';
import { today } from '../shared/dates.ts';
import { isOverdue } from './warnings.ts';

const scope = allianceScopeJoin('prj_committee');
const owner = orgJoin('prj_owner');

const claimOrgNames = sql<string>`(SELECT json_group_array(${orgNameById(sql.raw('c.org_id'))}) FROM project_claims c WHERE c.project_id = ${projects.id} AND c.status = 'confirmed')`.as(
  'claim_org_names',
);

export function selectProjects(ctx: Ctx) {
  return ctx.db
    .select({
      p: projects,
      ...scope.columns,
      ownerOrgName: sql<string | null>`${owner.name}`.as('owner_org_name'),
      claimOrgNames,
    })
    .from(projects)
    .innerJoin(scope.alliances, scope.on(projects.allianceId))
    .innerJoin(scope.committee, scope.committeeOn)
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
