import type { TenantDb } from '@ronghe/core';

/** One tenant's organizations in figures, for the city's overview (全市概况). */
export interface OrgOverview {
  orgCount: number;
  activeOrgCount: number;
  weakCount: number;
  standardizedCount: number;
  strongestCount: number;
  memberTotal: number;
}

// One statement per database: the city's overview visits every county within
// D1's per-invocation query and connection budget (ADR 0013).
const OVERVIEW_SQL = `SELECT
  count(*) AS orgCount,
  coalesce(sum(status = 'active'), 0) AS activeOrgCount,
  coalesce(sum(status = 'active' AND weak_flag = 1), 0) AS weakCount,
  coalesce(sum(status = 'active' AND quality_status = '标准化规范化'), 0) AS standardizedCount,
  coalesce(sum(status = 'active' AND quality_status LIKE '最强党支部%'), 0) AS strongestCount,
  -- Members are counted once, at the organizations that have no active children (a 党委's count repeats its branches').
  coalesce(sum(CASE WHEN status = 'active' AND NOT EXISTS (
    SELECT 1 FROM organizations c WHERE c.parent_id = o.id AND c.status = 'active') THEN member_count ELSE 0 END), 0) AS memberTotal
FROM organizations o`;

/** The registry's figures for one tenant database; what other capabilities (the city rollup) may read. */
export async function readOrgOverview({ db }: { db: TenantDb }): Promise<OrgOverview> {
  const row = await db.$client.prepare(OVERVIEW_SQL).first<Record<keyof OrgOverview, number>>();
  return {
    orgCount: Number(row?.orgCount ?? 0),
    activeOrgCount: Number(row?.activeOrgCount ?? 0),
    weakCount: Number(row?.weakCount ?? 0),
    standardizedCount: Number(row?.standardizedCount ?? 0),
    strongestCount: Number(row?.strongestCount ?? 0),
    memberTotal: Number(row?.memberTotal ?? 0),
  };
}
