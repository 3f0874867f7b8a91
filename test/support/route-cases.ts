import writeXlsxFile from 'write-excel-file/universal';
import type { Organization } from '@ronghe/schema';

/**
 * One request per operation of the OpenAPI document, so the cross-cutting
 * suites (tenant isolation, role matrix, bad input) can aim every route. A
 * route added without an entry here makes those suites fail: add its case.
 */
export interface Fixture {
  tenant: string;
  /** An organization the request targets. */
  org: Organization;
  /** Its parent (scoped roles hold their grant here). */
  parent: Organization;
  /** A live public-API key of the tenant (id, and the secret for /v1 calls). */
  apiKey: { id: string; key: string };
  /** A staff account holding a role only in this tenant. */
  account: { id: string };
}

export interface BuiltRequest {
  method: string;
  path: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
}

export interface RouteCase {
  /** `tenant`: under /api/t/{tenant}; `session`: staff session only; `public`: no auth; `city`: city-level; `apikey`: /v1 with a key. */
  scope: 'tenant' | 'session' | 'public' | 'city' | 'apikey';
  build(f: Fixture): BuiltRequest | Promise<BuiltRequest>;
  /** Write routes: JSON bodies that must be refused (each alone) with 4xx. */
  bad?: Record<string, unknown>;
  /** Write routes on an existing object: If-Match is required. */
  ifMatch?: boolean;
  /** The state the target organization must be in for the request to make sense. */
  target?: Partial<Organization>;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function smallWorkbook(parentId: string): Promise<ArrayBuffer> {
  const rows = [
    ['组织名称', '上级组织', '组织类别', '所属领域'],
    [`导入网格党支部${Math.random().toString(36).slice(2, 8)}`, parentId, '党支部', '网格'],
  ].map((r) => r.map((value) => ({ value })));
  return (await writeXlsxFile(rows as never).toBlob()).arrayBuffer();
}

const LONG = '长'.repeat(101);

export const ROUTE_CASES: Record<string, RouteCase> = {
  'POST /api/auth/login': {
    scope: 'public',
    build: () => ({ method: 'POST', path: '/api/auth/login', body: { username: 'nobody', password: 'x' } }),
    bad: { unknown: { username: 'a', password: 'b', admin: true }, tooLong: { username: 'a'.repeat(65), password: 'b' }, missing: { username: 'a' } },
  },
  'POST /api/auth/logout': { scope: 'session', build: () => ({ method: 'POST', path: '/api/auth/logout' }) },
  'GET /api/me': { scope: 'session', build: () => ({ method: 'GET', path: '/api/me' }) },
  'POST /api/me/password': {
    scope: 'session',
    build: () => ({ method: 'POST', path: '/api/me/password', body: { currentPassword: 'wrong', newPassword: 'Abcdefg1!' } }),
    bad: {
      unknown: { currentPassword: 'a', newPassword: 'Abcdefg1!', userId: 'usr_x' },
      tooLong: { currentPassword: 'a', newPassword: 'A1!'.repeat(50) },
      wrongType: { currentPassword: 1, newPassword: 2 },
    },
  },
  'GET /api/tenants': { scope: 'session', build: () => ({ method: 'GET', path: '/api/tenants' }) },
  'GET /api/city/overview': { scope: 'city', build: () => ({ method: 'GET', path: '/api/city/overview' }) },
  'GET /api/t/{tenant}/orgs': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/orgs?under=${f.parent.id}` }) },
  'GET /api/t/{tenant}/orgs/tree': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/orgs/tree` }) },
  'GET /api/t/{tenant}/orgs/export': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/orgs/export?under=${f.parent.id}` }) },
  'GET /api/t/{tenant}/orgs/import-template': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/orgs/import-template` }) },
  'POST /api/t/{tenant}/orgs/import': {
    scope: 'tenant',
    build: async (f) => ({
      method: 'POST',
      path: `/api/t/${f.tenant}/orgs/import`,
      rawBody: await smallWorkbook(f.parent.id),
      headers: { 'content-type': XLSX },
    }),
  },
  'GET /api/t/{tenant}/orgs/{id}': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/orgs/${f.org.id}` }) },
  'POST /api/t/{tenant}/orgs': {
    scope: 'tenant',
    build: (f) => ({
      method: 'POST',
      path: `/api/t/${f.tenant}/orgs`,
      body: { parentId: f.parent.id, name: `新建党支部${Math.random().toString(36).slice(2, 8)}`, kind: '党支部', domain: '社区' },
    }),
    bad: {
      unknown: { name: '某党支部', kind: '党支部', domain: '社区', id: 'org_forged', status: 'inactive', version: 9 },
      wrongEnum: { name: '某党支部', kind: '支部', domain: '社区' },
      tooLong: { name: LONG, kind: '党支部', domain: '社区' },
      wrongType: { name: '某党支部', kind: '党支部', domain: '社区', memberCount: '很多' },
      badPhone: { name: '某党支部', kind: '党支部', domain: '社区', secretaryPhone: '110' },
      missing: { kind: '党支部' },
    },
  },
  'PATCH /api/t/{tenant}/orgs/{id}': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({
      method: 'PATCH',
      path: `/api/t/${f.tenant}/orgs/${f.org.id}`,
      body: { liaisonName: '周敏' },
      headers: { 'if-match': `"v${f.org.version}"` },
    }),
    bad: {
      unknown: { liaisonName: '周敏', path: '/x/', version: 7 },
      wrongEnum: { qualityStatus: '优秀' },
      tooLong: { name: LONG },
      wrongType: { weakFlag: 'yes' },
      empty: {},
    },
  },
  'POST /api/t/{tenant}/orgs/{id}/deactivate': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({
      method: 'POST',
      path: `/api/t/${f.tenant}/orgs/${f.org.id}/deactivate`,
      body: { reason: '撤并调整' },
      headers: { 'if-match': `"v${f.org.version}"` },
    }),
    bad: { unknown: { reason: '撤并', status: 'active' }, tooLong: { reason: '长'.repeat(501) }, missing: {} },
  },
  'POST /api/t/{tenant}/orgs/{id}/reactivate': {
    scope: 'tenant',
    ifMatch: true,
    target: { status: 'inactive', deactivatedAt: 1, deactivationReason: '测试停用' },
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/orgs/${f.org.id}/reactivate`, headers: { 'if-match': `"v${f.org.version}"` } }),
  },
  'GET /api/t/{tenant}/audit': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/audit` }) },
  'POST /api/t/{tenant}/api-keys': {
    scope: 'tenant',
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/api-keys`, body: { name: '社区居民小程序' } }),
    bad: { unknown: { name: '大屏', tenant: 'aohan' }, tooLong: { name: LONG }, missing: {}, wrongType: { name: 5 } },
  },
  'GET /api/t/{tenant}/api-keys': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/api-keys` }) },
  'POST /api/t/{tenant}/api-keys/{id}/revoke': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/api-keys/${f.apiKey.id}/revoke`, headers: { 'if-match': '"v1"' } }),
  },
  'GET /api/t/{tenant}/accounts': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/accounts` }) },
  'POST /api/t/{tenant}/accounts': {
    scope: 'tenant',
    build: (f) => ({
      method: 'POST',
      path: `/api/t/${f.tenant}/accounts`,
      body: { username: `zhang${Math.random().toString(36).slice(2, 8)}`, displayName: '张伟', password: 'Chifeng#2026', grants: [{ role: 'org_liaison', scopeOrgId: f.org.id }] },
    }),
    bad: {
      unknown: { username: 'zhangwei', displayName: '张伟', password: 'Chifeng#2026', grants: [{ role: 'member' }], id: 'usr_forged' },
      wrongEnum: { username: 'zhangwei', displayName: '张伟', password: 'Chifeng#2026', grants: [{ role: 'superuser' }] },
      tooLong: { username: 'zhangwei', displayName: LONG, password: 'Chifeng#2026', grants: [{ role: 'member' }] },
      tooMany: { username: 'zhangwei', displayName: '张伟', password: 'Chifeng#2026', grants: Array.from({ length: 11 }, () => ({ role: 'member' })) },
      weakPassword: { username: 'zhangwei', displayName: '张伟', password: 'password', grants: [{ role: 'member' }] },
      badUsername: { username: '张伟', displayName: '张伟', password: 'Chifeng#2026', grants: [{ role: 'member' }] },
    },
  },
  'PUT /api/t/{tenant}/accounts/{id}/grants': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'PUT', path: `/api/t/${f.tenant}/accounts/${f.account.id}/grants`, body: { grants: [{ role: 'member' }] }, headers: { 'if-match': '"v1"' } }),
    bad: { unknown: { grants: [{ role: 'member' }], tenant: 'aohan' }, empty: { grants: [] }, wrongEnum: { grants: [{ role: 'root' }] }, unknownInGrant: { grants: [{ role: 'member', tenant: 'aohan' }] } },
  },
  'POST /api/t/{tenant}/accounts/{id}/reset-password': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/accounts/${f.account.id}/reset-password`, body: { newPassword: 'Reset#2026ok' }, headers: { 'if-match': '"v1"' } }),
    bad: { unknown: { newPassword: 'Reset#2026ok', iterations: 1 }, weak: { newPassword: '12345678' }, tooLong: { newPassword: 'Aa1!'.repeat(40) } },
  },
  'POST /api/t/{tenant}/accounts/{id}/status': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/accounts/${f.account.id}/status`, body: { status: 'disabled' }, headers: { 'if-match': '"v1"' } }),
    bad: { unknown: { status: 'disabled', locked: false }, wrongEnum: { status: 'deleted' }, missing: {} },
  },
  'GET /v1/orgs': { scope: 'apikey', build: (f) => ({ method: 'GET', path: `/v1/orgs?under=${f.parent.id}`, headers: { authorization: `Bearer ${f.apiKey.key}` } }) },
  'GET /v1/orgs/{id}': { scope: 'apikey', build: (f) => ({ method: 'GET', path: `/v1/orgs/${f.org.id}`, headers: { authorization: `Bearer ${f.apiKey.key}` } }) },
};

/** Bodiless write routes: nothing to feed them but a stale ETag. */
export const BODILESS_WRITES = new Set([
  'POST /api/auth/logout',
  'POST /api/t/{tenant}/orgs/{id}/reactivate',
  'POST /api/t/{tenant}/api-keys/{id}/revoke',
  // Its body is a workbook, refused cell by cell: see import-export.test.ts.
  'POST /api/t/{tenant}/orgs/import',
]);

export interface Operation {
  key: string;
  method: string;
  path: string;
  action: string;
}

/** Every operation of the served OpenAPI document. */
export async function operations(fetchDoc: () => Promise<Response>): Promise<Operation[]> {
  const doc = (await (await fetchDoc()).json()) as { paths: Record<string, Record<string, { 'x-action'?: string }>> };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      ops.push({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, action: op['x-action'] ?? '' });
    }
  }
  return ops;
}
