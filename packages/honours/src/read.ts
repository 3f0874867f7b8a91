import { and, eq } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { demoSites, honourDesignations } from '@ronghe/schema';

// What other capabilities may read of the honours capability (ADR 0010).

/** A year's designation of a branch or an alliance (最强党支部 区级/市级, 示范点). */
export interface HonourRef {
  /** The organization (a branch) or the alliance designated. */
  subjectType: 'org' | 'alliance';
  subjectId: string;
  kind: 'strongest_county' | 'strongest_city' | 'demo_site_county' | 'demo_site_city';
  year: number;
}

/** The designations in force for `year` (revoked ones are not): 最强党支部 first, then 示范点. */
export async function honoursOfYear(ctx: Ctx, year: number): Promise<HonourRef[]> {
  const [strongest, sites] = await Promise.all([
    ctx.db
      .select({ orgId: honourDesignations.orgId, level: honourDesignations.level })
      .from(honourDesignations)
      .where(and(eq(honourDesignations.year, year), eq(honourDesignations.status, 'in_force'))),
    ctx.db
      .select({ subjectType: demoSites.subjectType, orgId: demoSites.orgId, allianceId: demoSites.allianceId, level: demoSites.level })
      .from(demoSites)
      .where(and(eq(demoSites.year, year), eq(demoSites.status, 'in_force'))),
  ]);
  return [
    ...strongest.map((d): HonourRef => ({ subjectType: 'org', subjectId: d.orgId, kind: d.level === 'city' ? 'strongest_city' : 'strongest_county', year })),
    ...sites.map((s): HonourRef => ({ subjectType: s.subjectType, subjectId: (s.orgId ?? s.allianceId)!, kind: s.level === 'city' ? 'demo_site_city' : 'demo_site_county', year })),
  ];
}

/**
 * The 最强党支部 designations of an organization still in force — of `year` when given (the year its
 * registry status records) — which the registry's status rests on: lowering that status by an edit
 * would leave them in force unseen, so the registry refuses it and points to 撤销评定.
 */
export async function strongestInForceOf(ctx: Ctx, orgId: string, year: number | null): Promise<Array<{ level: 'county' | 'city'; year: number }>> {
  const rows = await ctx.db
    .select({ level: honourDesignations.level, year: honourDesignations.year })
    .from(honourDesignations)
    .where(and(eq(honourDesignations.orgId, orgId), eq(honourDesignations.status, 'in_force'), ...(year === null ? [] : [eq(honourDesignations.year, year)])));
  return rows.map((r) => ({ level: r.level as 'county' | 'city', year: r.year }));
}
