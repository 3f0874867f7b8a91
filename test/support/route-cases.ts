import writeXlsxFile from 'write-excel-file/universal';
import type { AllianceStatus, ListCategory, Need, Organization, ProjectStatus, Resource } from '@ronghe/schema';
import type { MadeProject } from './list-factories.ts';
import { LIST_CASES } from './list-route-cases.ts';
import { PROJECT_CASES } from './project-route-cases.ts';
import type { MadeAlliance } from './alliance-factories.ts';

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
  /** An alliance led by `org`, approved by `parent`, in the state the case asks for. */
  alliance: MadeAlliance;
  /** A second, active alliance, led by `parent` with `org` as a member. */
  alliance2: MadeAlliance;
  /** A red route over both alliances and a district holding the first alliance and the route. */
  route: { id: string };
  district: { id: string };
  /** An open need and an available resource of the first alliance, offered/raised by its lead. */
  need: Need;
  resource: Resource;
  /** A project of the first alliance in the state the case asks for (see list-factories.ts). */
  project: MadeProject;
  /** A category of the county's own taxonomy. */
  category: ListCategory;
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
  /** The state the fixture's alliance must be in (default: active). */
  alliance?: AllianceStatus;
  /** The state the fixture's project must be in (default: in_progress). */
  project?: ProjectStatus;
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
const av = (f: Fixture) => ({ 'if-match': `"v${f.alliance.alliance.version}"` });
const A = (f: Fixture, rest = '') => `/api/t/${f.tenant}/alliances/${f.alliance.alliance.id}${rest}`;
const reasonBad = { unknown: { reason: '工作需要调整', status: 'active' }, tooLong: { reason: '长'.repeat(1001) }, missing: {}, badDate: { reason: '工作需要调整', onDate: '2025-02-30' } };

/** The ten workflow actions: state to start from, and a body that passes. */
const TRANSITION_CASES: Array<[string, AllianceStatus, Record<string, unknown>, Record<string, unknown>]> = [
  ['apply', 'draft', {}, { unknown: { note: '请批准' }, badDate: { onDate: '20250101' } }],
  ['withdraw', 'applied', { reason: '成员单位尚需调整' }, reasonBad],
  ['approve', 'applied', { replyText: '经研究，同意组建该党建联合体。' }, { unknown: { replyText: '同意', approved: true }, missing: {}, tooLong: { replyText: '长'.repeat(20001) } }],
  ['reject', 'applied', { replyText: '成员构成不符合要求，暂不同意组建。' }, { unknown: { replyText: '不同意', status: 'draft' }, missing: {}, wrongType: { replyText: 5 } }],
  ['revise', 'rejected', { reason: '按批复意见修改' }, { unknown: { reason: '修改', version: 3 }, tooLong: { reason: '长'.repeat(1001) } }],
  ['establish', 'approved', { foundedOn: '2025-03-18' }, { unknown: { foundedOn: '2025-03-18', status: 'active' }, missing: {}, badDate: { foundedOn: '2025-13-01' } }],
  ['start', 'established', {}, { unknown: { startedOn: '2025-03-18' }, badDate: { onDate: 'yesterday' } }],
  ['rectify', 'active', { reason: '年度考核较差，责令规范整顿' }, reasonBad],
  ['restore', 'rectifying', { reason: '整顿到位，恢复运行' }, reasonBad],
  ['dissolve', 'active', { reason: '成员单位撤并，不再联建' }, reasonBad],
];

const ALLIANCE_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/alliances': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/alliances?committeeId=${f.parent.id}` }) },
  'POST /api/t/{tenant}/alliances': {
    scope: 'tenant',
    build: (f) => ({
      method: 'POST',
      path: `/api/t/${f.tenant}/alliances`,
      body: {
        name: `新联合体${Math.random().toString(36).slice(2, 8)}`,
        type: '党建联合体+',
        typeNote: '党建联合体+志愿服务',
        model: '双报到结对互动',
        pairingForm: '社区+机关',
        vision: '共建共享',
        commonNeeds: '为老服务',
        leadOrgId: f.org.id,
        committeeOrgId: f.parent.id,
      },
    }),
    bad: {
      unknown: { name: '某联合体', type: '党建联合体+', model: '双报到结对互动', pairingForm: '社区+机关', vision: '愿景', commonNeeds: '需求', leadOrgId: 'org_x', committeeOrgId: 'org_y', status: 'active' },
      wrongEnum: { name: '某联合体', type: '联合体', model: '双报到结对互动', pairingForm: '社区+机关', vision: '愿景', commonNeeds: '需求', leadOrgId: 'org_x', committeeOrgId: 'org_y' },
      tooLong: { name: LONG, type: '党建联合体+', model: '双报到结对互动', pairingForm: '社区+机关', vision: '愿景', commonNeeds: '需求', leadOrgId: 'org_x', committeeOrgId: 'org_y' },
      missing: { name: '某联合体' },
      badConsortium: { name: '某联合体', type: '党建引领产业发展共同体', model: '双报到结对互动', pairingForm: '社区+机关', vision: '愿景', commonNeeds: '需求', leadOrgId: 'org_x', committeeOrgId: 'org_y', consortium: { largeGrowers: -1, households: 5, householdsTotal: 1 } },
    },
  },
  'GET /api/t/{tenant}/alliances/export': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/alliances/export?committeeId=${f.parent.id}` }) },
  'GET /api/t/{tenant}/alliances/{id}': { scope: 'tenant', build: (f) => ({ method: 'GET', path: A(f) }) },
  'PATCH /api/t/{tenant}/alliances/{id}': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'PATCH', path: A(f), body: { vision: '党建引领、共建共享' }, headers: av(f) }),
    bad: { unknown: { vision: '愿景', status: 'dissolved' }, empty: {}, wrongEnum: { model: '其他模式' }, tooLong: { vision: '长'.repeat(2001) }, wrongType: { houseRules: '共建准入' } },
  },
  ...Object.fromEntries(
    TRANSITION_CASES.map(([action, from, body, bad]): [string, RouteCase] => [
      `POST /api/t/{tenant}/alliances/{id}/${action}`,
      { scope: 'tenant', ifMatch: true, alliance: from, build: (f) => ({ method: 'POST', path: A(f, `/${action}`), body, headers: av(f) }), bad },
    ]),
  ),
  'POST /api/t/{tenant}/alliances/{id}/members': {
    scope: 'tenant',
    ifMatch: true,
    alliance: 'draft',
    build: (f) => ({ method: 'POST', path: A(f, '/members'), body: { orgId: f.parent.id, contributionBp: 2000 }, headers: av(f) }),
    bad: { unknown: { orgId: 'org_x', role: 'lead' }, missing: {}, wrongType: { orgId: 'org_x', contributionBp: '20%' }, outOfRange: { orgId: 'org_x', contributionBp: 10001 }, badPhone: { orgId: 'org_x', liaisonPhone: '12' } },
  },
  'PATCH /api/t/{tenant}/alliances/{id}/members/{memberId}': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'PATCH', path: A(f, `/members/${f.alliance.members[0]!.id}`), body: { liaisonName: '孙联络', liaisonPhone: '13947600000' }, headers: { 'if-match': '"v1"' } }),
    bad: { unknown: { liaisonName: '孙联络', orgId: 'org_x' }, empty: {}, outOfRange: { contributionBp: -1 }, wrongEnum: { consortiumRole: '大户' }, tooLong: { liaisonName: LONG } },
  },
  'DELETE /api/t/{tenant}/alliances/{id}/members/{memberId}': {
    scope: 'tenant',
    ifMatch: true,
    alliance: 'draft',
    build: (f) => ({ method: 'DELETE', path: A(f, `/members/${f.alliance.members[1]!.id}`), headers: av(f) }),
  },
  'PUT /api/t/{tenant}/alliances/{id}/governance': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({
      method: 'PUT',
      path: A(f, '/governance'),
      body: { seats: [{ layer: '决策层', post: '总负责人', personName: '王书记', orgId: f.org.id }, { layer: '协调层', post: '委员', personName: '李委员' }, { layer: '执行层', post: '工作人员', personName: '周干事' }] },
      headers: av(f),
    }),
    bad: {
      unknown: { seats: [], chair: '王书记' },
      wrongEnum: { seats: [{ layer: '领导层', post: '总负责人', personName: '王书记' }] },
      missing: {},
      tooLong: { seats: [{ layer: '决策层', post: '总负责人', personName: LONG }] },
      tooMany: { seats: Array.from({ length: 81 }, () => ({ layer: '执行层', post: '工作人员', personName: '某' })) },
    },
  },
  'POST /api/t/{tenant}/alliances/{id}/documents': {
    scope: 'tenant',
    build: (f) => ({ method: 'POST', path: A(f, '/documents'), body: { kind: 'other', title: '联席会议纪要', content: '会议研究了社区养老服务事项。' } }),
    bad: {
      unknown: { kind: 'other', title: '纪要', content: '正文', contentHash: 'abc' },
      wrongEnum: { kind: 'approval_reply', title: '批复', content: '同意' },
      missing: { kind: 'other' },
      tooLong: { kind: 'other', title: LONG, content: '正文' },
      badDate: { kind: 'other', title: '纪要', content: '正文', docDate: '2025-02-29' },
    },
  },
  'GET /api/t/{tenant}/alliances/{id}/documents/{docId}': { scope: 'tenant', build: (f) => ({ method: 'GET', path: A(f, `/documents/${f.alliance.draftDocId}`) }) },
  'PATCH /api/t/{tenant}/alliances/{id}/documents/{docId}': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'PATCH', path: A(f, `/documents/${f.alliance.draftDocId}`), body: { content: '修订后的正文' }, headers: { 'if-match': '"v1"' } }),
    bad: { unknown: { content: '正文', kind: 'charter' }, empty: {}, wrongEnum: { status: 'final' }, wrongType: { year: '二〇二五' } },
  },
  'POST /api/t/{tenant}/alliances/{id}/adjustments': {
    scope: 'tenant',
    build: (f) => ({ method: 'POST', path: A(f, '/adjustments'), body: { kind: 'type_change', type: '党建联合体+', typeNote: '党建联合体+平安建设', reason: '工作重心调整' } }),
    bad: {
      unknown: { kind: 'type_change', type: '党建联合体+', typeNote: '某', reason: '工作需要', status: 'approved' },
      wrongEnum: { kind: 'merge', reason: '工作需要' },
      missing: { kind: 'member_leave', reason: '工作需要' },
      tooLong: { kind: 'member_leave', memberId: 'alm_x', reason: '长'.repeat(1001) },
    },
  },
  ...Object.fromEntries(
    (['approve', 'reject'] as const).map((outcome): [string, RouteCase] => [
      `POST /api/t/{tenant}/alliances/{id}/adjustments/{adjId}/${outcome}`,
      {
        scope: 'tenant',
        ifMatch: true,
        build: (f) => ({ method: 'POST', path: A(f, `/adjustments/${f.alliance.adjustmentId}/${outcome}`), body: { note: outcome === 'approve' ? '同意调整' : '暂不调整' }, headers: { 'if-match': '"v1"' } }),
        bad: { unknown: { note: '同意', status: 'approved' }, missing: {}, tooLong: { note: '长'.repeat(2001) } },
      },
    ]),
  ),
  'GET /api/t/{tenant}/filings': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/filings?allianceId=${f.alliance.alliance.id}` }) },
  'POST /api/t/{tenant}/filings/{id}/acknowledge': { scope: 'tenant', build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/filings/${f.alliance.filingId}/acknowledge` }) },
  'GET /api/t/{tenant}/red-routes': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/red-routes` }) },
  'POST /api/t/{tenant}/red-routes': {
    scope: 'tenant',
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/red-routes`, body: { name: '老城区治理风景线', theme: '基层治理', description: '串联老城区各社区联合体', allianceIds: [f.alliance.alliance.id, f.alliance2.alliance.id] } }),
    bad: {
      unknown: { name: '风景线', theme: '基层治理', description: '简介', allianceIds: ['aln_a', 'aln_b'], status: 'archived' },
      wrongEnum: { name: '风景线', theme: '城市更新', description: '简介', allianceIds: ['aln_a', 'aln_b'] },
      tooShort: { name: '风景线', theme: '基层治理', description: '简介', allianceIds: ['aln_a'] },
      duplicate: { name: '风景线', theme: '基层治理', description: '简介', allianceIds: ['aln_a', 'aln_a'] },
    },
  },
  'GET /api/t/{tenant}/red-routes/{id}': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/red-routes/${f.route.id}` }) },
  'PATCH /api/t/{tenant}/red-routes/{id}': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'PATCH', path: `/api/t/${f.tenant}/red-routes/${f.route.id}`, body: { allianceIds: [f.alliance2.alliance.id, f.alliance.alliance.id] }, headers: { 'if-match': '"v1"' } }),
    bad: { unknown: { name: '风景线', stops: [] }, empty: {}, wrongEnum: { status: 'deleted' }, tooShort: { allianceIds: ['aln_a'] } },
  },
  'GET /api/t/{tenant}/red-districts': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/red-districts` }) },
  'POST /api/t/{tenant}/red-districts': {
    scope: 'tenant',
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/red-districts`, body: { name: '城东红色片区', description: '城东联合体与风景线', allianceIds: [f.alliance.alliance.id], routeIds: [f.route.id] } }),
    bad: {
      unknown: { name: '片区', description: '简介', allianceIds: [], routeIds: [], status: 'active' },
      empty: { name: '片区', description: '简介', allianceIds: [], routeIds: [] },
      missing: { name: '片区' },
      tooLong: { name: LONG, description: '简介', allianceIds: ['aln_a'], routeIds: [] },
    },
  },
  'GET /api/t/{tenant}/red-districts/{id}': { scope: 'tenant', build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/red-districts/${f.district.id}` }) },
  'PATCH /api/t/{tenant}/red-districts/{id}': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'PATCH', path: `/api/t/${f.tenant}/red-districts/${f.district.id}`, body: { description: '城东片区（扩容）' }, headers: { 'if-match': '"v1"' } }),
    bad: { unknown: { description: '简介', items: [] }, empty: {}, wrongEnum: { status: 'deleted' }, duplicate: { routeIds: ['rrt_a', 'rrt_a'] } },
  },
};

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
    // An organization still leading an alliance cannot be deactivated.
    alliance: 'dissolved',
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
  ...ALLIANCE_CASES,
  ...LIST_CASES,
  ...PROJECT_CASES,
  'GET /v1/orgs': { scope: 'apikey', build: (f) => ({ method: 'GET', path: `/v1/orgs?under=${f.parent.id}`, headers: { authorization: `Bearer ${f.apiKey.key}` } }) },
  'GET /v1/alliances': { scope: 'apikey', build: (f) => ({ method: 'GET', path: `/v1/alliances?q=${encodeURIComponent(f.alliance.alliance.name)}`, headers: { authorization: `Bearer ${f.apiKey.key}` } }) },
  'GET /v1/alliances/{id}': { scope: 'apikey', build: (f) => ({ method: 'GET', path: `/v1/alliances/${f.alliance.alliance.id}`, headers: { authorization: `Bearer ${f.apiKey.key}` } }) },
  'GET /v1/red-routes': { scope: 'apikey', build: (f) => ({ method: 'GET', path: '/v1/red-routes', headers: { authorization: `Bearer ${f.apiKey.key}` } }) },
  'GET /v1/orgs/{id}': { scope: 'apikey', build: (f) => ({ method: 'GET', path: `/v1/orgs/${f.org.id}`, headers: { authorization: `Bearer ${f.apiKey.key}` } }) },
};

/** Bodiless write routes: nothing to feed them but a stale ETag. */
export const BODILESS_WRITES = new Set([
  'POST /api/auth/logout',
  'POST /api/t/{tenant}/orgs/{id}/reactivate',
  'POST /api/t/{tenant}/api-keys/{id}/revoke',
  'DELETE /api/t/{tenant}/alliances/{id}/members/{memberId}',
  'POST /api/t/{tenant}/filings/{id}/acknowledge',
  'POST /api/t/{tenant}/projects/{id}/claims/{claimId}/withdraw',
  'POST /api/t/{tenant}/supervision/run',
  // Its body is a workbook, refused cell by cell: see import-export.test.ts.
  'POST /api/t/{tenant}/orgs/import',
  // Workbooks too: see workers/api/src/routes/needs/lists.test.ts.
  'POST /api/t/{tenant}/needs/import',
  'POST /api/t/{tenant}/resources/import',
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
