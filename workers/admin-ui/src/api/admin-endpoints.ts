import { api, get } from './client.ts';
import type { Role } from './types.ts';
import { ROLLUP_PATHS, type ApiScope, type CityRollup, type CountyDrillDown } from '@ronghe/schema';

// Administration calls (accounts, public API keys, the city rollup), kept apart
// from endpoints.ts so the registry pages and these pages can change independently.

const t = (tenant: string, path: string) => `/t/${encodeURIComponent(tenant)}${path}`;

/**
 * Account and key writes carry the version the user is looking at. The server's
 * ETag is `"v<version>"`, and the list already holds every row's version, so no
 * extra GET is needed before a write.
 */
export const ifMatch = (version: number) => ({ 'if-match': `"v${version}"` });

export interface AccountGrant {
  role: Role;
  scopeOrgId: string | null;
  scopeOrgName: string | null;
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  /** Already masked by the server. */
  phone: string | null;
  status: 'active' | 'disabled';
  locked: boolean;
  /** Only the roles in the current tenant. */
  grants: AccountGrant[];
  /** False when the account also holds roles in another county: read-only here. */
  managedHere: boolean;
  version: number;
  createdAt: number;
}

export interface GrantInput {
  role: Role;
  scopeOrgId?: string | null;
}

export interface AccountCreateInput {
  username: string;
  displayName: string;
  phone?: string | null;
  password: string;
  grants: GrantInput[];
}

export const accountApi = {
  list: (tenant: string) => get<{ items: Account[] }>(t(tenant, '/accounts')).then((r) => r.items),
  create: (tenant: string, input: AccountCreateInput) =>
    api<Account>('POST', t(tenant, '/accounts'), { json: input }).then((r) => r.data),
  setGrants: (tenant: string, id: string, version: number, grants: GrantInput[]) =>
    api<Account>('PUT', t(tenant, `/accounts/${encodeURIComponent(id)}/grants`), {
      json: { grants },
      headers: ifMatch(version),
    }).then((r) => r.data),
  resetPassword: (tenant: string, id: string, version: number, newPassword: string) =>
    api<Account>('POST', t(tenant, `/accounts/${encodeURIComponent(id)}/reset-password`), {
      json: { newPassword },
      headers: ifMatch(version),
    }).then((r) => r.data),
  setStatus: (tenant: string, id: string, version: number, status: Account['status']) =>
    api<Account>('POST', t(tenant, `/accounts/${encodeURIComponent(id)}/status`), {
      json: { status },
      headers: ifMatch(version),
    }).then((r) => r.data),
};

export interface ApiKey {
  id: string;
  name: string;
  /** The first characters of the secret, to recognise a key in a third party's configuration. */
  prefix: string;
  createdBy: string;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
  /** What the key may do (ADR 0026). */
  scopes: ApiScope[];
  /** The key's last valid day (Asia/Shanghai, inclusive); null: no expiry. */
  expiresOn: string | null;
  /** The instant it stops working (the next day's 00:00 in Shanghai). */
  expiresAt: number | null;
  version: number;
}

export type IssuedApiKey = ApiKey & { key: string };

export interface ApiKeyIssue {
  name: string;
  scopes: ApiScope[];
  expiresOn: string | null;
}

/** A key's calls per Asia/Shanghai day, the last 30 days, oldest first. */
export interface ApiKeyUsage {
  days: Array<{ day: string; calls: number }>;
  total: number;
  lastUsedAt: number | null;
}

export const apiKeyApi = {
  list: (tenant: string) => get<{ items: ApiKey[] }>(t(tenant, '/api-keys')).then((r) => r.items),
  issue: (tenant: string, body: ApiKeyIssue) => api<IssuedApiKey>('POST', t(tenant, '/api-keys'), { json: body }).then((r) => r.data),
  usage: (tenant: string, id: string) => get<ApiKeyUsage>(t(tenant, `/api-keys/${encodeURIComponent(id)}/usage`)),
  revoke: (tenant: string, id: string, version: number) =>
    api<ApiKey>('POST', t(tenant, `/api-keys/${encodeURIComponent(id)}/revoke`), { headers: ifMatch(version) }).then(
      (r) => r.data,
    ),
};

export interface CountySummary {
  slug: string;
  code: string;
  name: string;
  orgCount: number;
  activeOrgCount: number;
  weakCount: number;
  standardizedCount: number;
  strongestCount: number;
  memberTotal: number;
}

export const cityApi = {
  overview: () => get<{ items: CountySummary[] }>('/city/overview').then((r) => r.items),
  // Issue 13: the stored rollup (ADR 0022) and a county's drill-down.
  rollup: () => get<CityRollup>(ROLLUP_PATHS.city),
  drillDown: (slug: string) => get<CountyDrillDown>(ROLLUP_PATHS.county(slug)),
};
