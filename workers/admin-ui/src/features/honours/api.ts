import type { DemoSiteCreate, DemoSiteView, DesignationView, HonoursEligibility, StandardizationApply, StandardizationEvaluate, StandardizationView, StrongestEligibility } from '@ronghe/schema';
import { api, get } from '../../api/client.ts';

// 荣誉与示范 (issue 12, seed 004). Types come from the shared zod schemas (schema/tenant/honours-schemas.ts).

const t = (tenant: string, path: string) => `/t/${tenant}/honours${path}`;
const post = <T,>(path: string, json: unknown) => api<T>('POST', path, { json }).then((r) => r.data);

export type { DemoSiteView, DesignationView, HonoursEligibility, StandardizationView, StrongestEligibility };
export type Level = 'county' | 'city';

export const honoursApi = {
  standardizations: (tenant: string, year: number) => get<{ items: StandardizationView[] }>(t(tenant, '/standardizations'), { year }),
  apply: (tenant: string, body: StandardizationApply) => post<StandardizationView>(t(tenant, '/standardizations'), body),
  evaluate: (tenant: string, id: string, body: StandardizationEvaluate) => post<StandardizationView>(t(tenant, `/standardizations/${encodeURIComponent(id)}/evaluate`), body),
  accept: (tenant: string, id: string, note?: string) => post<StandardizationView>(t(tenant, `/standardizations/${encodeURIComponent(id)}/accept`), note ? { note } : {}),
  giveBack: (tenant: string, id: string, reason: string) => post<StandardizationView>(t(tenant, `/standardizations/${encodeURIComponent(id)}/return`), { reason }),
  eligibility: (tenant: string, orgId: string, year: number) => get<StrongestEligibility>(t(tenant, '/strongest/eligibility'), { orgId, year }),
  designations: (tenant: string, year: number) => get<{ items: DesignationView[] }>(t(tenant, '/designations'), { year }),
  designate: (tenant: string, level: Level, body: { orgId: string; year: number; reason: string }) => post<DesignationView>(t(tenant, `/${level}/designations`), body),
  revokeDesignation: (tenant: string, level: Level, id: string, reason: string) => post<DesignationView>(t(tenant, `/${level}/designations/${encodeURIComponent(id)}/revoke`), { reason }),
  demoSites: (tenant: string, year: number) => get<{ items: DemoSiteView[] }>(t(tenant, '/demo-sites'), { year }),
  designateSite: (tenant: string, level: Level, body: DemoSiteCreate) => post<DemoSiteView>(t(tenant, `/${level}/demo-sites`), body),
  revokeSite: (tenant: string, level: Level, id: string, reason: string) => post<DemoSiteView>(t(tenant, `/${level}/demo-sites/${encodeURIComponent(id)}/revoke`), { reason }),
  partyHonours: (tenant: string, year: number) => get<HonoursEligibility>(t(tenant, '/party-honours-eligibility'), { year }),
};
