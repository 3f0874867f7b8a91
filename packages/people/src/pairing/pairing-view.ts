import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { inList, maskPhone, type Ctx } from '@ronghe/core';
import { orgJoin } from '@ronghe/registry/read';
import { orgPairings, type PairingListQuery, type PairingView } from '@ronghe/schema';

const org = orgJoin('pairing_org');
const community = orgJoin('pairing_community');

/** Pairings with both organizations' names; phones masked unless `full`. */
export async function pairingRows(ctx: Ctx, where: SQL | undefined, page: { offset: number; limit: number }, full: boolean): Promise<{ items: PairingView[]; total: number }> {
  const [rows, [t]] = await ctx.db.batch([
    ctx.db
      // Both organizations' names aliased: in a batch D1 keys a row by column name (core db.ts guardBatch).
      .select({ p: orgPairings, orgName: sql<string>`${org.name}`.as('pairing_org_name'), communityName: sql<string>`${community.name}`.as('pairing_community_name') })
      .from(orgPairings)
      .innerJoin(org, eq(org.id, orgPairings.orgId))
      .innerJoin(community, eq(community.id, orgPairings.communityOrgId))
      .where(where)
      .orderBy(asc(orgPairings.status), desc(orgPairings.pairedOn), asc(orgPairings.id))
      .limit(page.limit)
      .offset(page.offset),
    ctx.db.select({ n: count() }).from(orgPairings).where(where),
  ]);
  return {
    items: rows.map(({ p, orgName, communityName }) => ({
      id: p.id,
      org: { id: p.orgId, name: orgName },
      community: { id: p.communityOrgId, name: communityName },
      pairedOn: p.pairedOn,
      agreement: p.agreement,
      contactName: p.contactName,
      contactPhone: full ? p.contactPhone : maskPhone(p.contactPhone),
      status: p.status,
      endedOn: p.endedOn,
      version: p.version,
      updatedAt: p.updatedAt,
    })),
    total: t?.n ?? 0,
  };
}

export function pairingFilter(q: Pick<PairingListQuery, 'orgId' | 'communityOrgId' | 'status'>): SQL | undefined {
  return and(
    q.orgId ? eq(orgPairings.orgId, q.orgId) : undefined,
    q.communityOrgId ? eq(orgPairings.communityOrgId, q.communityOrgId) : undefined,
    q.status ? eq(orgPairings.status, q.status) : undefined,
  );
}

export const byIds = (ids: string[]) => inList(orgPairings.id, ids);
