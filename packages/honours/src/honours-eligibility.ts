import { and, eq } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { orgNamesById } from '@ronghe/registry/read';
import { branchStandardizations, honourDesignations, type HonoursEligibility } from '@ronghe/schema';

const LABELS = { strongest_city: '市级"最强党支部"（优先推荐）', strongest_county: '区级"最强党支部"（优先推荐）', standardized: '标准化规范化党支部' } as const;
const RANK = { strongest_city: 0, strongest_county: 1, standardized: 2 } as const;

/**
 * 评先评优导向 (seed 004 四(一)): only branches standardized for the year (and their members) may be proposed for party
 * honours; 最强党支部 first (市级, then 区级); proposals for 自治区 honours need at least a 区级 最强 designation.
 */
export async function honoursEligibility({ ctx, input }: { ctx: Ctx; input: { year: number } }): Promise<HonoursEligibility> {
  const [accepted, designations] = await Promise.all([
    ctx.db.select({ orgId: branchStandardizations.orgId }).from(branchStandardizations).where(and(eq(branchStandardizations.year, input.year), eq(branchStandardizations.status, 'accepted'))),
    ctx.db
      .select({ orgId: honourDesignations.orgId, level: honourDesignations.level })
      .from(honourDesignations)
      .where(and(eq(honourDesignations.year, input.year), eq(honourDesignations.status, 'in_force'))),
  ]);
  const standing = new Map<string, keyof typeof RANK>(accepted.map((a) => [a.orgId, 'standardized']));
  for (const d of designations) {
    const s = d.level === 'city' ? 'strongest_city' : 'strongest_county';
    if (standing.has(d.orgId) && RANK[s] < RANK[standing.get(d.orgId)!]) standing.set(d.orgId, s);
  }
  const names = new Map((await orgNamesById(ctx, [...standing.keys()])).map((o) => [o.id, o.name]));
  const items = [...standing.entries()]
    .map(([orgId, s]) => ({ orgId, orgName: names.get(orgId) ?? '（已删除的组织）', standing: s, standingLabel: LABELS[s], regionalHonours: s !== 'standardized' }))
    .sort((a, b) => RANK[a.standing] - RANK[b.standing] || a.orgName.localeCompare(b.orgName, 'zh-Hans-CN'));
  return { year: input.year, items };
}
