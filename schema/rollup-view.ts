// The city's rollup as it leaves the server (issue 13): the contract shared by
// the rollup capability (which computes and stores it), the city pages, the
// 数据大屏 and the open-data exports. Figures only: no name of a person, no
// phone, no identity number, no free text written by a person — nothing here
// is personal data, and `rollup.privacy.test.ts` checks every response,
// export and screen for it.
//
// Every figure is an integer count (or 分 for money) so the city's totals are
// exact sums of the counties'; a rate travels as its numerator and
// denominator and is divided only where it is shown.
import { z } from '@hono/zod-openapi';

const n = z.number().int().min(0);
/** Counts keyed by a stored code (alliance type, model, status, need category, …); a missing key is 0. */
const counts = z.record(z.string(), n);

export const CountyFiguresSchema = z
  .object({
    orgs: z.object({
      total: n,
      active: n,
      /** 党支部 (the organizations standardization and 最强党支部 apply to). */
      branches: n,
      standardized: n,
      strongestCounty: n,
      strongestCity: n,
      weak: n,
    }),
    alliances: z.object({
      /** Every alliance not dissolved. */
      total: n,
      byType: counts,
      byModel: counts,
      byStatus: counts,
    }),
    members: z.object({
      /** Member organizations of running alliances (an organization in two alliances counts twice). */
      memberOrgs: n,
      partyMembers: n,
      inService: n,
      /** In-service members who have reported to a community this year (双报到). */
      reportedMembers: n,
      /** Organs (机关/企事业单位) that must pair with a community, and those that have. */
      organs: n,
      pairedOrgans: n,
    }),
    needs: z.object({
      open: n,
      met: n,
      /** Per need category: open and met. */
      byCategory: z.record(z.string(), z.object({ open: n, met: n })),
    }),
    projects: z.object({
      byStatus: counts,
      open: n,
      overdue: n,
      /** Completed or accepted; and of those, finished by their due date. */
      completed: n,
      completedOnTime: n,
    }),
    activities: z.object({
      /** 五个一: quota items due this year across running alliances, and those met. */
      quotaItems: n,
      quotaMet: n,
      meetingsHeld: n,
      activitiesHeld: n,
    }),
    points: z.object({
      /** Points awarded this year, and the party members they are spread over. */
      total: n,
      members: n,
    }),
    assessment: z.object({
      /** The latest assessment year with a finalized assessment, or null. */
      year: z.number().int().nullable(),
      grades: z.object({ excellent: n, good: n, fair: n, poor: n }),
    }),
    rewards: z.object({
      allocatedFen: n,
      disbursedFen: n,
      /** Keyed by source: a round's level (`city` / `county`) and the fund ledger's income sources. */
      bySource: z.record(z.string(), z.object({ allocatedFen: n, disbursedFen: n })),
    }),
    filings: z.object({ received: n, acknowledgedByCity: n }),
  })
  .openapi('CountyFigures');
export type CountyFigures = z.infer<typeof CountyFiguresSchema>;

/** Figures of nothing: every count 0, every record empty (a county's start, the city's sums over no county). */
export function emptyCountyFigures(): CountyFigures {
  return {
    orgs: { total: 0, active: 0, branches: 0, standardized: 0, strongestCounty: 0, strongestCity: 0, weak: 0 },
    alliances: { total: 0, byType: {}, byModel: {}, byStatus: {} },
    members: { memberOrgs: 0, partyMembers: 0, inService: 0, reportedMembers: 0, organs: 0, pairedOrgans: 0 },
    needs: { open: 0, met: 0, byCategory: {} },
    projects: { byStatus: {}, open: 0, overdue: 0, completed: 0, completedOnTime: 0 },
    activities: { quotaItems: 0, quotaMet: 0, meetingsHeld: 0, activitiesHeld: 0 },
    points: { total: 0, members: 0 },
    assessment: { year: null, grades: { excellent: 0, good: 0, fair: 0, poor: 0 } },
    rewards: { allocatedFen: 0, disbursedFen: 0, bySource: {} },
    filings: { received: 0, acknowledgedByCity: 0 },
  };
}

/** One calendar month (Asia/Shanghai) of activity; `month` is `YYYY-MM`. */
export const MonthFiguresSchema = z
  .object({
    month: z.string().regex(/^\d{4}-\d{2}$/),
    alliancesEstablished: n,
    needsMet: n,
    projectsCompleted: n,
    activitiesHeld: n,
    meetingsHeld: n,
    pointsAwarded: n,
    disbursedFen: n,
  })
  .openapi('MonthFigures');
export type MonthFigures = z.infer<typeof MonthFiguresSchema>;

export const CountyRollupSchema = z
  .object({
    slug: z.string(),
    /** GB/T 2260 code of the county. */
    code: z.string(),
    name: z.string(),
    /** When these figures were true (epoch ms); null if never computed. */
    asOf: z.number().int().nullable(),
    /** True when the last refresh failed: the figures are the last good ones, not zeros. */
    stale: z.boolean(),
    staleSince: z.number().int().nullable(),
    figures: CountyFiguresSchema.nullable(),
    /** The last 24 months, oldest first, always 24 entries. */
    trend: z.array(MonthFiguresSchema),
  })
  .openapi('CountyRollup');
export type CountyRollup = z.infer<typeof CountyRollupSchema>;

export const CityRollupSchema = z
  .object({
    /** The oldest county's asOf: every figure is at least this fresh. */
    asOf: z.number().int().nullable(),
    /** Sums over the counties that have figures. */
    city: CountyFiguresSchema,
    cityTrend: z.array(MonthFiguresSchema),
    counties: z.array(CountyRollupSchema),
  })
  .openapi('CityRollup');
export type CityRollup = z.infer<typeof CityRollupSchema>;

/** Drill-down: one alliance's public summary inside a county. */
export const RollupAllianceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    model: z.string(),
    status: z.string(),
    memberOrgs: n,
    needsOpen: n,
    needsMet: n,
    projectsOpen: n,
    projectsCompleted: n,
    /** The grade of its latest finalized assessment (excellent/good/fair/poor), or null. */
    grade: z.string().nullable(),
  })
  .openapi('RollupAlliance');
export type RollupAlliance = z.infer<typeof RollupAllianceSchema>;

export const CountyDrillDownSchema = z
  .object({ county: CountyRollupSchema, alliances: z.array(RollupAllianceSchema) })
  .openapi('CountyDrillDown');
export type CountyDrillDown = z.infer<typeof CountyDrillDownSchema>;

/**
 * The endpoints (all GET, read-only, under /api):
 * - `/city/rollup` → CityRollup (city roles only);
 * - `/city/rollup/counties/{slug}` → CountyDrillDown (city roles only);
 * - `/t/{tenant}/rollup` → CountyRollup of that county (its own county roles; the county's 数据大屏).
 */
export const ROLLUP_PATHS = {
  city: '/city/rollup',
  county: (slug: string) => `/city/rollup/counties/${encodeURIComponent(slug)}`,
  own: (tenant: string) => `/t/${encodeURIComponent(tenant)}/rollup`,
} as const;
