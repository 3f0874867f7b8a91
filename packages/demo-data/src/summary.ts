import type { DemoData, OrgDomain, TenantDemoData } from './types.ts';

/** Per-domain organization counts of one tenant. */
export function countByDomain(t: TenantDemoData): Partial<Record<OrgDomain, number>> {
  const out: Partial<Record<OrgDomain, number>> = {};
  for (const o of t.orgs) out[o.domain] = (out[o.domain] ?? 0) + 1;
  return out;
}

/** The seed 003 figures, over the whole data set. */
export function headlineCounts(data: DemoData) {
  let streets = 0;
  let communities = 0;
  let countyOrgans = 0;
  let cityOrgans = 0;
  let external = 0;
  let total = 0;
  for (const t of data.tenants) {
    for (const o of t.orgs) {
      total++;
      if (o.isExternal) {
        external++;
        continue;
      }
      if (o.domain === '街道') streets++;
      if (o.domain === '社区') communities++;
      if (o.domain === '机关') t.tenant.kind === 'city' ? cityOrgans++ : countyOrgans++;
    }
  }
  return { streets, communities, cityOrgans, countyOrgans, external, total };
}
