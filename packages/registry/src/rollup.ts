import { toCount, type AggregateRead, type FiguresPart } from '@ronghe/core';

// The registry's figures for the city's rollup (issue 13, ADR 0022): one statement.
const ORGS_SQL = `SELECT
  count(*) AS total,
  coalesce(sum(status = 'active'), 0) AS active,
  coalesce(sum(status = 'active' AND kind = '党支部'), 0) AS branches,
  coalesce(sum(status = 'active' AND quality_status = '标准化规范化'), 0) AS standardized,
  coalesce(sum(status = 'active' AND quality_status = '最强党支部（区级）'), 0) AS strongestCounty,
  coalesce(sum(status = 'active' AND quality_status = '最强党支部（市级）'), 0) AS strongestCity,
  coalesce(sum(status = 'active' AND weak_flag = 1), 0) AS weak
FROM organizations`;

/** orgs: every organization, the active ones, their branches, quality and 软弱涣散 (active organizations only). */
export const registryRollup: AggregateRead<FiguresPart> = {
  statements: (d1) => [d1.prepare(ORGS_SQL)],
  parse: ([res]) => {
    const r = res?.results[0] ?? {};
    const orgs = Object.fromEntries(['total', 'active', 'branches', 'standardized', 'strongestCounty', 'strongestCity', 'weak'].map((k) => [k, toCount(r[k])]));
    return { figures: { orgs }, months: {} };
  },
};

/**
 * SQL for another capability's aggregate: the ids of the active, non-external
 * organizations of the given domains (constant codes, never input).
 */
export function activeOrgIdsInDomainsSql(domains: readonly string[]): string {
  const list = domains.map((d) => `'${d.replaceAll("'", "''")}'`).join(', ');
  return `SELECT id FROM organizations WHERE status = 'active' AND is_external = 0 AND domain IN (${list})`;
}
