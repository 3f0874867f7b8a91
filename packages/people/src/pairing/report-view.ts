import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { type Ctx } from '@ronghe/core';
import { orgJoin } from '@ronghe/registry/read';
import { memberReports, people, type MemberReportListQuery, type MemberReportView } from '@ronghe/schema';

const community = orgJoin('report_community');

export async function reportRows(ctx: Ctx, where: SQL | undefined, page: { offset: number; limit: number }): Promise<{ items: MemberReportView[]; total: number }> {
  const [rows, [t]] = await ctx.db.batch([
    ctx.db
      // The person's and the community's names aliased: in a batch D1 keys a row by column name (core db.ts guardBatch).
      .select({ r: memberReports, personName: sql<string>`${people.name}`.as('report_person_name'), communityName: sql<string>`${community.name}`.as('report_community_name') })
      .from(memberReports)
      .innerJoin(people, eq(people.id, memberReports.personId))
      .innerJoin(community, eq(community.id, memberReports.communityOrgId))
      .where(where)
      .orderBy(asc(memberReports.status), desc(memberReports.reportedOn), asc(memberReports.id))
      .limit(page.limit)
      .offset(page.offset),
    ctx.db.select({ n: count() }).from(memberReports).where(where),
  ]);
  return {
    items: rows.map(({ r, personName, communityName }) => ({
      id: r.id,
      person: { id: r.personId, name: personName },
      community: { id: r.communityOrgId, name: communityName },
      reportedOn: r.reportedOn,
      status: r.status,
      endedOn: r.endedOn,
      version: r.version,
    })),
    total: t?.n ?? 0,
  };
}

export function reportFilter(q: Pick<MemberReportListQuery, 'personId' | 'communityOrgId' | 'status'>): SQL | undefined {
  return and(
    q.personId ? eq(memberReports.personId, q.personId) : undefined,
    q.communityOrgId ? eq(memberReports.communityOrgId, q.communityOrgId) : undefined,
    q.status ? eq(memberReports.status, q.status) : undefined,
  );
}
