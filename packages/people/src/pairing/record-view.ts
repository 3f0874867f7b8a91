import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { type Ctx } from '@ronghe/core';
import { orgJoin } from '@ronghe/registry/read';
import { people, reportRecords, type ReportRecordListQuery, type ReportRecordView } from '@ronghe/schema';

const community = orgJoin('record_community');

export async function recordRows(ctx: Ctx, where: SQL | undefined, page: { offset: number; limit: number }): Promise<{ items: ReportRecordView[]; total: number }> {
  const [rows, [t]] = await ctx.db.batch([
    ctx.db
      // The person's and the community's names aliased: in a batch D1 keys a row by column name (core db.ts guardBatch).
      .select({ r: reportRecords, personName: sql<string>`${people.name}`.as('record_person_name'), communityName: sql<string>`${community.name}`.as('record_community_name') })
      .from(reportRecords)
      .innerJoin(people, eq(people.id, reportRecords.personId))
      .innerJoin(community, eq(community.id, reportRecords.communityOrgId))
      .where(where)
      .orderBy(desc(reportRecords.servedOn), desc(reportRecords.id))
      .limit(page.limit)
      .offset(page.offset),
    ctx.db.select({ n: count() }).from(reportRecords).where(where),
  ]);
  return {
    items: rows.map(({ r, personName, communityName }) => ({
      id: r.id,
      person: { id: r.personId, name: personName },
      community: { id: r.communityOrgId, name: communityName },
      servedOn: r.servedOn,
      content: r.content,
      minutes: r.minutes,
      createdAt: r.createdAt,
    })),
    total: t?.n ?? 0,
  };
}

export function recordFilter(q: Pick<ReportRecordListQuery, 'personId' | 'communityOrgId' | 'year'>): SQL | undefined {
  return and(
    q.personId ? eq(reportRecords.personId, q.personId) : undefined,
    q.communityOrgId ? eq(reportRecords.communityOrgId, q.communityOrgId) : undefined,
    q.year ? eq(reportRecords.year, q.year) : undefined,
  );
}
