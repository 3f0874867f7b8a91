import writeXlsxFile from 'write-excel-file/universal';
import type { AllianceStatus, ListCategory, Need, Organization, Person, ProjectStatus, Resource } from '@ronghe/schema';
import { TINY_PDF, type MadeAlliance } from './alliance-factories.ts';
import type { MadeProject } from './list-factories.ts';
import { EVENT_CASES } from './event-route-cases.ts';
import { WEBHOOK_CASES } from './webhook-route-cases.ts';
import { LIST_CASES } from './list-route-cases.ts';
import { PAIRING_CASES } from './pairing-route-cases.ts';
import { mountedOperations, type Operation } from './mounted-routes.ts';
import { PROJECT_CASES } from './project-route-cases.ts';
import { WORKBENCH_CASES } from './workbench-route-cases.ts';
import { ORGLIFE_CASES } from './orglife-route-cases.ts';
import type { MadeOrgLife } from './orglife-factories.ts';
import { PEOPLE_CASES } from './people-route-cases.ts';
import { POINTS_CASES } from './points-route-cases.ts';
import { POST_CASES } from './post-route-cases.ts';
import type { PostFixture } from './post-factories.ts';
import { ACTIVITY_CASES } from './activity-route-cases.ts';
import { ASSESSMENT_CASES } from './assessment-route-cases.ts';
import { RATING_CASES } from './rating-route-cases.ts';
import { HONOURS_CASES } from './honours-route-cases.ts';
import type { HonoursFixture } from './honours-factories.ts';
import { FUNDS_CASES } from './funds-route-cases.ts';
import { REWARDS_CASES } from './rewards-route-cases.ts';
import type { RewardsFixture } from './reward-round-factories.ts';
import { invalid, omit, unknownKey, type BadCase } from './refusals.ts';

export type { Operation, Scope } from './mounted-routes.ts';
export { invalid, omit, unknownKey, type BadCase, type Body, type Refusal } from './refusals.ts';

/**
 * One request per operation the app mounts, so the cross-cutting suites
 * (tenant isolation, role matrix, bad input) can aim every route. A route
 * added without an entry here makes those suites fail: add its case.
 */
export interface Fixture {
  tenant: string;
  /** An organization the request targets. */
  org: Organization;
  /** Its parent (scoped roles hold their grant here). */
  parent: Organization;
  /** A live public-API key of the tenant (id, and the secret for /v1 calls). */
  apiKey: { id: string; key: string };
  /** A city-wide read key of the city tenant (ADR 0026), for GET /v1/rollup. */
  cityApiKey: { id: string; key: string };
  /** An open 群众点单 need of `alliance2` submitted through `apiKey` (ADR 0027): what a /v1 client follows and cancels. */
  appNeed: Need;
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
  /** A message in the inbox of `account` (so, for any other caller, someone else's). */
  notification: { id: string };
  /** Issue 11: a record of the branch `org`, and a joint meeting of the first alliance with one open decision `org` owns. */
  orgLife: MadeOrgLife;
  /** A party member (正式) whose home branch is `org` (issue 11). */
  person: Person;
  /** Points (issue 11): a 政治学习 ledger entry of a member of `org` (personId: that member). */
  pointEntry: { id: string; personId: string };
  /** 报到领岗: a post of `org` with a pending claim, an approved claim and a logged service record (post-factories.ts). */
  posts: PostFixture;
  /** 双报到: a pairing of an organ (outside the tree) with `org` as its community, active, version 1. */
  pairing: { id: string; orgId: string };
  /** An activity of the first alliance, open for check-in now (issue 11). */
  activity: { id: string; code: string; photoId: string };
  /** Issue 12: a published and a draft indicator scheme, and an open assessment of the first alliance (assessment-factories.ts). */
  assessmentScheme: { id: string };
  assessmentDraft: { id: string };
  assessment: { id: string; scoredId: string };
  /** 四评 (issue 12, lane raters): an open assessment of the first alliance (committee `parent`) and one unused resident link of it. */
  ratingAssessment: { id: string };
  ratingLink: { id: string; token: string };
  /** Issue 12 honours: the branch `org`'s applications, designations and the first alliance's 示范点 (honours-factories.ts). */
  honours: HonoursFixture;
  /** 经费保障 (issue 12): a 上级拨 income entry of the first alliance (to reverse). */
  fundEntry: { id: string };
  /** 以奖代补 (issue 12): a draft, a simulated and a published round of the county's branches, and `org`'s payment in the published one. */
  rewards: RewardsFixture;
  /** 回调 (issue 14): an enabled endpoint (version 1) and a failed delivery to it (webhook-factories.ts). */
  webhook: { endpointId: string; deliveryId: string };
}

export interface BuiltRequest {
  method: string;
  path: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
}

/**
 * How to aim one operation. Who may call it (scope) and whether it takes
 * If-Match are not written here: the suites read them from the route's own
 * declaration (test/support/mounted-routes.ts).
 */
export interface RouteCase {
  /**
   * A request that succeeds for a role the matrix allows. `caller`: the account
   * that will send it, for routes about the caller's own things (its messages);
   * without it the request names the fixture's objects only.
   */
  build(f: Fixture, caller?: { id: string }): BuiltRequest | Promise<BuiltRequest>;
  /** JSON write routes: bodies with one defect each, and the exact refusal of each. */
  bad?: Record<string, BadCase>;
  /** A server-owned field a client could try to smuggle into the valid body (default `createdBy`); it must be refused by name. */
  smuggle?: string;
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
const reasonBad: Record<string, BadCase> = {
  unknown: [(ok) => ({ ...ok, status: 'active' }), unknownKey('status')],
  tooLong: [(ok) => ({ ...ok, reason: '长'.repeat(1001) }), invalid('reason')],
  missing: [(ok) => omit(ok, 'reason'), invalid('reason')],
  badDate: [(ok) => ({ ...ok, onDate: '2025-02-30' }), invalid('onDate')],
};

/** The ten workflow actions: state to start from, a body that passes, and bodies with one defect each. */
const TRANSITION_CASES: Array<[string, AllianceStatus, Record<string, unknown>, Record<string, BadCase>]> = [
  ['apply', 'draft', {}, { unknown: [(ok) => ({ ...ok, note: '请批准' }), unknownKey('note')], badDate: [(ok) => ({ ...ok, onDate: '20250101' }), invalid('onDate')] }],
  ['withdraw', 'applied', { reason: '成员单位尚需调整' }, reasonBad],
  [
    'approve',
    'applied',
    { replyText: '经研究，同意组建该党建联合体。' },
    {
      unknown: [(ok) => ({ ...ok, approved: true }), unknownKey('approved')],
      missing: [(ok) => omit(ok, 'replyText'), invalid('replyText')],
      tooLong: [(ok) => ({ ...ok, replyText: '长'.repeat(20001) }), invalid('replyText')],
    },
  ],
  [
    'reject',
    'applied',
    { replyText: '成员构成不符合要求，暂不同意组建。' },
    {
      unknown: [(ok) => ({ ...ok, status: 'draft' }), unknownKey('status')],
      missing: [(ok) => omit(ok, 'replyText'), invalid('replyText')],
      wrongType: [(ok) => ({ ...ok, replyText: 5 }), invalid('replyText')],
    },
  ],
  ['revise', 'rejected', { reason: '按批复意见修改' }, { unknown: [(ok) => ({ ...ok, version: 3 }), unknownKey('version')], tooLong: [(ok) => ({ ...ok, reason: '长'.repeat(1001) }), invalid('reason')] }],
  [
    'establish',
    'approved',
    { foundedOn: '2025-03-18' },
    {
      unknown: [(ok) => ({ ...ok, status: 'active' }), unknownKey('status')],
      missing: [(ok) => omit(ok, 'foundedOn'), invalid('foundedOn')],
      badDate: [(ok) => ({ ...ok, foundedOn: '2025-13-01' }), invalid('foundedOn')],
    },
  ],
  ['start', 'established', {}, { unknown: [(ok) => ({ ...ok, startedOn: '2025-03-18' }), unknownKey('startedOn')], badDate: [(ok) => ({ ...ok, onDate: 'yesterday' }), invalid('onDate')] }],
  ['rectify', 'active', { reason: '年度考核较差，责令规范整顿' }, reasonBad],
  ['restore', 'rectifying', { reason: '整顿到位，恢复运行' }, reasonBad],
  ['dissolve', 'active', { reason: '成员单位撤并，不再联建' }, reasonBad],
];

const seat = (layer: string, post: string, personName: string, orgId?: string) => ({ layer, post, personName, ...(orgId ? { orgId } : {}) });

const ALLIANCE_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/alliances': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/alliances?committeeId=${f.parent.id}` }) },
  'POST /api/t/{tenant}/alliances': {
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
      unknown: [(ok) => ({ ...ok, status: 'active' }), unknownKey('status')],
      wrongEnum: [(ok) => ({ ...ok, type: '联合体' }), invalid('type')],
      tooLong: [(ok) => ({ ...ok, name: LONG }), invalid('name')],
      missing: [(ok) => omit(ok, 'leadOrgId'), invalid('leadOrgId')],
      badConsortium: [
        (ok) => ({ ...omit(ok, 'typeNote'), type: '党建引领产业发展共同体', consortium: { largeGrowers: -1, households: 5, householdsTotal: 1 } }),
        invalid('consortium'),
      ],
    },
  },
  'GET /api/t/{tenant}/alliances/export': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/alliances/export?committeeId=${f.parent.id}` }) },
  'GET /api/t/{tenant}/alliances/{id}': { build: (f) => ({ method: 'GET', path: A(f) }) },
  'PATCH /api/t/{tenant}/alliances/{id}': {
    build: (f) => ({ method: 'PATCH', path: A(f), body: { vision: '党建引领、共建共享' }, headers: av(f) }),
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'dissolved' }), unknownKey('status')],
      empty: [() => ({}), invalid('')],
      wrongEnum: [(ok) => ({ ...ok, model: '其他模式' }), invalid('model')],
      tooLong: [(ok) => ({ ...ok, vision: '长'.repeat(2001) }), invalid('vision')],
      wrongType: [(ok) => ({ ...ok, houseRules: '共建准入' }), invalid('houseRules')],
    },
  },
  ...Object.fromEntries(
    TRANSITION_CASES.map(([action, from, body, bad]): [string, RouteCase] => [
      `POST /api/t/{tenant}/alliances/{id}/${action}`,
      {
        alliance: from,
        // The fixture's alliance keeps open lists: dissolving it hands them over to the second alliance (ADR 0016).
        build: (f) => ({ method: 'POST', path: A(f, `/${action}`), body: action === 'dissolve' ? { ...body, settlement: { default: { choice: 'hand_over', targetAllianceId: f.alliance2.alliance.id } } } : body, headers: av(f) }),
        bad,
      },
    ]),
  ),
  'POST /api/t/{tenant}/alliances/{id}/members': {
    alliance: 'draft',
    build: (f) => ({ method: 'POST', path: A(f, '/members'), body: { orgId: f.parent.id, contributionBp: 2000 }, headers: av(f) }),
    bad: {
      unknown: [(ok) => ({ ...ok, role: 'lead' }), unknownKey('role')],
      missing: [(ok) => omit(ok, 'orgId'), invalid('orgId')],
      wrongType: [(ok) => ({ ...ok, contributionBp: '20%' }), invalid('contributionBp')],
      outOfRange: [(ok) => ({ ...ok, contributionBp: 10001 }), invalid('contributionBp')],
      badPhone: [(ok) => ({ ...ok, liaisonPhone: '12' }), invalid('liaisonPhone')],
    },
  },
  'PATCH /api/t/{tenant}/alliances/{id}/members/{memberId}': {
    build: (f) => ({ method: 'PATCH', path: A(f, `/members/${f.alliance.members[0]!.id}`), body: { liaisonName: '孙联络', liaisonPhone: '13947600000' }, headers: { 'if-match': '"v1"' } }),
    bad: {
      unknown: [(ok, f) => ({ ...ok, orgId: f.parent.id }), unknownKey('orgId')],
      empty: [() => ({}), invalid('')],
      outOfRange: [(ok) => ({ ...ok, contributionBp: -1 }), invalid('contributionBp')],
      wrongEnum: [(ok) => ({ ...ok, consortiumRole: '大户' }), invalid('consortiumRole')],
      tooLong: [(ok) => ({ ...ok, liaisonName: LONG }), invalid('liaisonName')],
      wrongType: [(ok) => ({ ...ok, liaisonPartyMember: '是' }), invalid('liaisonPartyMember')],
    },
  },
  'DELETE /api/t/{tenant}/alliances/{id}/members/{memberId}': {
    alliance: 'draft',
    build: (f) => ({ method: 'DELETE', path: A(f, `/members/${f.alliance.members[1]!.id}`), headers: av(f) }),
  },
  'PUT /api/t/{tenant}/alliances/{id}/governance': {
    build: (f) => ({
      method: 'PUT',
      path: A(f, '/governance'),
      body: { seats: [seat('决策层', '总负责人', '王书记', f.org.id), seat('协调层', '委员', '李委员'), seat('执行层', '工作人员', '周干事')] },
      headers: av(f),
    }),
    bad: {
      unknown: [(ok) => ({ ...ok, chair: '王书记' }), unknownKey('chair')],
      wrongEnum: [(ok) => ({ seats: [{ ...ok.seats[0], layer: '领导层' }, ...ok.seats.slice(1)] }), invalid('seats.0.layer')],
      missing: [(ok) => omit(ok, 'seats'), invalid('seats')],
      tooLong: [(ok) => ({ seats: [{ ...ok.seats[0], personName: LONG }, ...ok.seats.slice(1)] }), invalid('seats.0.personName')],
      tooMany: [() => ({ seats: Array.from({ length: 81 }, () => seat('执行层', '工作人员', '某')) }), invalid('seats')],
    },
  },
  'POST /api/t/{tenant}/alliances/{id}/documents': {
    build: (f) => ({ method: 'POST', path: A(f, '/documents'), body: { kind: 'other', title: '联席会议纪要', content: '会议研究了社区养老服务事项。' } }),
    bad: {
      unknown: [(ok) => ({ ...ok, contentHash: 'abc' }), unknownKey('contentHash')],
      // The approval reply is filed by the approval itself, never uploaded.
      wrongEnum: [(ok) => ({ ...ok, kind: 'approval_reply' }), invalid('kind')],
      missing: [(ok) => omit(ok, 'title'), invalid('title')],
      tooLong: [(ok) => ({ ...ok, title: LONG }), invalid('title')],
      badDate: [(ok) => ({ ...ok, docDate: '2025-02-29' }), invalid('docDate')],
    },
  },
  'GET /api/t/{tenant}/alliances/{id}/documents/{docId}': { build: (f) => ({ method: 'GET', path: A(f, `/documents/${f.alliance.draftDocId}`) }) },
  'PATCH /api/t/{tenant}/alliances/{id}/documents/{docId}': {
    build: (f) => ({ method: 'PATCH', path: A(f, `/documents/${f.alliance.draftDocId}`), body: { content: '修订后的正文' }, headers: { 'if-match': '"v1"' } }),
    bad: {
      unknown: [(ok) => ({ ...ok, kind: 'charter' }), unknownKey('kind')],
      empty: [() => ({}), invalid('')],
      wrongEnum: [(ok) => ({ ...ok, status: 'final' }), invalid('status')],
      wrongType: [(ok) => ({ ...ok, year: '二〇二五' }), invalid('year')],
    },
  },
  'PUT /api/t/{tenant}/alliances/{id}/documents/{docId}/original': {
    build: (f) => ({
      method: 'PUT',
      path: A(f, `/documents/${f.alliance.draftDocId}/original?fileName=${encodeURIComponent('章程盖章件.pdf')}`),
      rawBody: TINY_PDF,
      headers: { 'if-match': '"v1"', 'content-type': 'application/pdf' },
    }),
  },
  'GET /api/t/{tenant}/alliances/{id}/documents/{docId}/original': {
    build: (f) => ({ method: 'GET', path: A(f, `/documents/${f.alliance.originalDocId}/original`) }),
  },
  'POST /api/t/{tenant}/alliances/{id}/adjustments': {
    build: (f) => ({ method: 'POST', path: A(f, '/adjustments'), body: { kind: 'type_change', type: '党建联合体+', typeNote: '党建联合体+平安建设', reason: '工作重心调整' } }),
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'approved' }), unknownKey('status')],
      wrongEnum: [(ok) => ({ ...ok, kind: 'merge' }), invalid('kind')],
      // A member leaving must say which member.
      missing: [(ok) => ({ kind: 'member_leave', reason: ok.reason }), invalid('memberId')],
      tooLong: [(ok) => ({ ...ok, reason: '长'.repeat(1001) }), invalid('reason')],
    },
  },
  ...Object.fromEntries(
    (['approve', 'reject'] as const).map((outcome): [string, RouteCase] => [
      `POST /api/t/{tenant}/alliances/{id}/adjustments/{adjId}/${outcome}`,
      {
        build: (f) => ({ method: 'POST', path: A(f, `/adjustments/${f.alliance.adjustmentId}/${outcome}`), body: { note: outcome === 'approve' ? '同意调整' : '暂不调整' }, headers: { 'if-match': '"v1"' } }),
        bad: {
          unknown: [(ok) => ({ ...ok, status: 'approved' }), unknownKey('status')],
          missing: [(ok) => omit(ok, 'note'), invalid('note')],
          tooLong: [(ok) => ({ ...ok, note: '长'.repeat(2001) }), invalid('note')],
          outOfRange: [(ok, f) => ({ ...ok, contributions: [{ orgId: f.org.id, contributionBp: 10001 }] }), invalid('contributions.0.contributionBp')],
        },
      },
    ]),
  ),
  'GET /api/t/{tenant}/filings': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/filings?allianceId=${f.alliance.alliance.id}` }) },
  'POST /api/t/{tenant}/filings/{id}/acknowledge': { build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/filings/${f.alliance.filingId}/acknowledge` }) },
  'POST /api/t/{tenant}/filings/acknowledge': {
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/filings/acknowledge`, body: { ids: [f.alliance.filingId] } }),
    bad: {
      unknown: [(ok) => ({ ...ok, all: true }), unknownKey('all')],
      empty: [() => ({ ids: [] }), invalid('ids')],
      missing: [() => ({}), invalid('ids')],
      tooMany: [() => ({ ids: Array.from({ length: 101 }, (_, i) => `fil_${i}`) }), invalid('ids')],
      wrongType: [() => ({ ids: 'fil_1' }), invalid('ids')],
    },
  },
  'GET /api/t/{tenant}/red-routes': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/red-routes` }) },
  'POST /api/t/{tenant}/red-routes': {
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/red-routes`, body: { name: '老城区治理风景线', theme: '基层治理', description: '串联老城区各社区联合体', allianceIds: [f.alliance.alliance.id, f.alliance2.alliance.id] } }),
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'archived' }), unknownKey('status')],
      wrongEnum: [(ok) => ({ ...ok, theme: '城市更新' }), invalid('theme')],
      // A route links at least two alliances.
      tooShort: [(ok, f) => ({ ...ok, allianceIds: [f.alliance.alliance.id] }), invalid('allianceIds')],
      duplicate: [(ok, f) => ({ ...ok, allianceIds: [f.alliance.alliance.id, f.alliance.alliance.id] }), invalid('allianceIds')],
    },
  },
  'GET /api/t/{tenant}/red-routes/{id}': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/red-routes/${f.route.id}` }) },
  'PATCH /api/t/{tenant}/red-routes/{id}': {
    build: (f) => ({ method: 'PATCH', path: `/api/t/${f.tenant}/red-routes/${f.route.id}`, body: { allianceIds: [f.alliance2.alliance.id, f.alliance.alliance.id] }, headers: { 'if-match': '"v1"' } }),
    bad: {
      unknown: [(ok) => ({ ...ok, stops: [] }), unknownKey('stops')],
      empty: [() => ({}), invalid('')],
      wrongEnum: [(ok) => ({ ...ok, status: 'deleted' }), invalid('status')],
      tooShort: [(ok, f) => ({ ...ok, allianceIds: [f.alliance.alliance.id] }), invalid('allianceIds')],
    },
  },
  'GET /api/t/{tenant}/red-districts': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/red-districts` }) },
  'POST /api/t/{tenant}/red-districts': {
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/red-districts`, body: { name: '城东红色片区', description: '城东联合体与风景线', allianceIds: [f.alliance.alliance.id], routeIds: [f.route.id] } }),
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'active' }), unknownKey('status')],
      // A district holds at least one alliance or route.
      empty: [(ok) => ({ ...ok, allianceIds: [], routeIds: [] }), invalid('allianceIds')],
      missing: [(ok) => omit(ok, 'description'), invalid('description')],
      tooLong: [(ok) => ({ ...ok, name: LONG }), invalid('name')],
    },
  },
  'GET /api/t/{tenant}/red-districts/{id}': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/red-districts/${f.district.id}` }) },
  'PATCH /api/t/{tenant}/red-districts/{id}': {
    build: (f) => ({ method: 'PATCH', path: `/api/t/${f.tenant}/red-districts/${f.district.id}`, body: { description: '城东片区（扩容）' }, headers: { 'if-match': '"v1"' } }),
    bad: {
      unknown: [(ok) => ({ ...ok, items: [] }), unknownKey('items')],
      empty: [() => ({}), invalid('')],
      wrongEnum: [(ok) => ({ ...ok, status: 'deleted' }), invalid('status')],
      duplicate: [(ok, f) => ({ ...ok, routeIds: [f.route.id, f.route.id] }), invalid('routeIds')],
    },
  },
};

const v1 = (f: Fixture) => ({ authorization: `Bearer ${f.apiKey.key}` });

export const ROUTE_CASES: Record<string, RouteCase> = {
  'POST /api/auth/login': {
    // Unknown account: the valid body answers 401 (login is exercised in login.test.ts); the shape is what is checked here.
    build: () => ({ method: 'POST', path: '/api/auth/login', body: { username: 'nobody', password: 'x' } }),
    bad: {
      unknown: [(ok) => ({ ...ok, admin: true }), unknownKey('admin')],
      tooLong: [(ok) => ({ ...ok, username: 'a'.repeat(65) }), invalid('username')],
      missing: [(ok) => omit(ok, 'password'), invalid('password')],
    },
  },
  'POST /api/auth/logout': { build: () => ({ method: 'POST', path: '/api/auth/logout' }) },
  'GET /api/me': { build: () => ({ method: 'GET', path: '/api/me' }) },
  'POST /api/me/password': {
    build: () => ({ method: 'POST', path: '/api/me/password', body: { currentPassword: 'wrong', newPassword: 'Abcdefg1!' } }),
    bad: {
      unknown: [(ok) => ({ ...ok, userId: 'usr_x' }), unknownKey('userId')],
      tooLong: [(ok) => ({ ...ok, newPassword: 'A1!'.repeat(50) }), invalid('newPassword')],
      wrongType: [(ok) => ({ ...ok, currentPassword: 1 }), invalid('currentPassword')],
    },
  },
  'GET /api/tenants': { build: () => ({ method: 'GET', path: '/api/tenants' }) },
  'GET /api/city/overview': { build: () => ({ method: 'GET', path: '/api/city/overview' }) },
  'GET /api/city/open-data/xlsx': { build: () => ({ method: 'GET', path: '/api/city/open-data/xlsx' }) },
  'GET /api/city/open-data/csv/{topic}': { build: () => ({ method: 'GET', path: '/api/city/open-data/csv/orgs' }) },
  // Issue 13: the city's filings inbox (ADR 0024); the fixture's filing is in its county's database.
  'GET /api/city/filings': { build: (f) => ({ method: 'GET', path: `/api/city/filings?tenant=${f.tenant}&limit=5` }) },
  'POST /api/city/filings/acknowledge': {
    build: (f) => ({ method: 'POST', path: '/api/city/filings/acknowledge', body: { items: [{ tenant: f.tenant, id: f.alliance.filingId }] } }),
    bad: {
      unknown: [(ok) => ({ ...ok, all: true }), unknownKey('all')],
      empty: [() => ({ items: [] }), invalid('items')],
      missing: [() => ({}), invalid('items')],
      tooMany: [() => ({ items: Array.from({ length: 101 }, (_, i) => ({ tenant: 'aohan', id: `fil_${i}` })) }), invalid('items')],
      wrongType: [() => ({ items: 'fil_1' }), invalid('items')],
    },
  },
  'GET /api/city/rollup': { build: () => ({ method: 'GET', path: '/api/city/rollup' }) },
  'GET /api/city/rollup/counties/{slug}': { build: (f) => ({ method: 'GET', path: `/api/city/rollup/counties/${f.tenant}` }) },
  'GET /api/t/{tenant}/rollup': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/rollup` }) },
  'GET /api/t/{tenant}/orgs': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/orgs?under=${f.parent.id}` }) },
  'GET /api/t/{tenant}/orgs/tree': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/orgs/tree` }) },
  'GET /api/t/{tenant}/orgs/export': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/orgs/export?under=${f.parent.id}` }) },
  'GET /api/t/{tenant}/orgs/import-template': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/orgs/import-template` }) },
  'POST /api/t/{tenant}/orgs/import': {
    // Its body is a workbook, refused cell by cell: see import-export.test.ts.
    build: async (f) => ({
      method: 'POST',
      path: `/api/t/${f.tenant}/orgs/import`,
      rawBody: await smallWorkbook(f.parent.id),
      headers: { 'content-type': XLSX },
    }),
  },
  'GET /api/t/{tenant}/orgs/{id}': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/orgs/${f.org.id}` }) },
  'POST /api/t/{tenant}/orgs': {
    build: (f) => ({
      method: 'POST',
      path: `/api/t/${f.tenant}/orgs`,
      body: { parentId: f.parent.id, name: `新建党支部${Math.random().toString(36).slice(2, 8)}`, kind: '党支部', domain: '社区' },
    }),
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'inactive' }), unknownKey('status')],
      wrongEnum: [(ok) => ({ ...ok, kind: '支部' }), invalid('kind')],
      tooLong: [(ok) => ({ ...ok, name: LONG }), invalid('name')],
      wrongType: [(ok) => ({ ...ok, memberCount: '很多' }), invalid('memberCount')],
      badPhone: [(ok) => ({ ...ok, secretaryPhone: '110' }), invalid('secretaryPhone')],
      missing: [(ok) => omit(ok, 'name'), invalid('name')],
    },
  },
  'PATCH /api/t/{tenant}/orgs/{id}': {
    build: (f) => ({ method: 'PATCH', path: `/api/t/${f.tenant}/orgs/${f.org.id}`, body: { liaisonName: '周敏' }, headers: { 'if-match': `"v${f.org.version}"` } }),
    bad: {
      // The materialized path is the registry's own, never written by a client.
      unknown: [(ok) => ({ ...ok, path: '/x/' }), unknownKey('path')],
      wrongEnum: [(ok) => ({ ...ok, qualityStatus: '优秀' }), invalid('qualityStatus')],
      tooLong: [(ok) => ({ ...ok, name: LONG }), invalid('name')],
      wrongType: [(ok) => ({ ...ok, weakFlag: 'yes' }), invalid('weakFlag')],
      empty: [() => ({}), invalid('')],
    },
  },
  'POST /api/t/{tenant}/orgs/{id}/deactivate': {
    // An organization still leading an alliance cannot be deactivated.
    alliance: 'dissolved',
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/orgs/${f.org.id}/deactivate`, body: { reason: '撤并调整' }, headers: { 'if-match': `"v${f.org.version}"` } }),
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'active' }), unknownKey('status')],
      tooLong: [(ok) => ({ ...ok, reason: '长'.repeat(501) }), invalid('reason')],
      missing: [(ok) => omit(ok, 'reason'), invalid('reason')],
    },
  },
  'POST /api/t/{tenant}/orgs/{id}/reactivate': {
    target: { status: 'inactive', deactivatedAt: 1, deactivationReason: '测试停用' },
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/orgs/${f.org.id}/reactivate`, headers: { 'if-match': `"v${f.org.version}"` } }),
  },
  'GET /api/t/{tenant}/audit': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/audit` }) },
  'POST /api/t/{tenant}/api-keys': {
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/api-keys`, body: { name: '社区居民小程序', scopes: ['needs:read', 'needs:write'], expiresOn: '2099-12-31' } }),
    bad: {
      unknown: [(ok) => ({ ...ok, tenant: 'aohan' }), unknownKey('tenant')],
      // ADR 0026: at least one scope, each one of API_SCOPES; a county key never gets rollup:read; the expiry a real date.
      noScope: [(ok) => ({ ...ok, scopes: [] }), invalid('scopes')],
      unknownScope: [(ok) => ({ ...ok, scopes: ['admin:all'] }), invalid('scopes')],
      rollupForCounty: [(ok) => ({ ...ok, scopes: ['rollup:read'] }), invalid('scopes')],
      badExpiry: [(ok) => ({ ...ok, expiresOn: '2099-02-30' }), invalid('expiresOn')],
      pastExpiry: [(ok) => ({ ...ok, expiresOn: '2020-01-01' }), invalid('expiresOn')],
      tooLong: [(ok) => ({ ...ok, name: LONG }), invalid('name')],
      missing: [(ok) => omit(ok, 'name'), invalid('name')],
      wrongType: [(ok) => ({ ...ok, name: 5 }), invalid('name')],
    },
  },
  'GET /api/t/{tenant}/api-keys': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/api-keys` }) },
  'GET /api/t/{tenant}/api-keys/{id}/usage': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/api-keys/${f.apiKey.id}/usage` }) },
  'POST /api/t/{tenant}/api-keys/{id}/revoke': {
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/api-keys/${f.apiKey.id}/revoke`, headers: { 'if-match': '"v1"' } }),
  },
  'GET /api/t/{tenant}/accounts': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/accounts` }) },
  'POST /api/t/{tenant}/accounts': {
    build: (f) => ({
      method: 'POST',
      path: `/api/t/${f.tenant}/accounts`,
      body: { username: `zhang${Math.random().toString(36).slice(2, 8)}`, displayName: '张伟', password: 'Chifeng#2026', grants: [{ role: 'org_liaison', scopeOrgId: f.org.id }] },
    }),
    bad: {
      unknown: [(ok) => ({ ...ok, id: 'usr_forged' }), unknownKey('id')],
      wrongEnum: [(ok) => ({ ...ok, grants: [{ role: 'superuser' }] }), invalid('grants.0.role')],
      tooLong: [(ok) => ({ ...ok, displayName: LONG }), invalid('displayName')],
      tooMany: [(ok) => ({ ...ok, grants: Array.from({ length: 11 }, () => ({ role: 'member' })) }), invalid('grants')],
      weakPassword: [(ok) => ({ ...ok, password: 'password' }), invalid('password')],
      badUsername: [(ok) => ({ ...ok, username: '张伟' }), invalid('username')],
    },
  },
  'PUT /api/t/{tenant}/accounts/{id}/grants': {
    build: (f) => ({ method: 'PUT', path: `/api/t/${f.tenant}/accounts/${f.account.id}/grants`, body: { grants: [{ role: 'member' }] }, headers: { 'if-match': '"v1"' } }),
    bad: {
      unknown: [(ok) => ({ ...ok, tenant: 'aohan' }), unknownKey('tenant')],
      empty: [() => ({ grants: [] }), invalid('grants')],
      wrongEnum: [() => ({ grants: [{ role: 'root' }] }), invalid('grants.0.role')],
      unknownInGrant: [() => ({ grants: [{ role: 'member', tenant: 'aohan' }] }), unknownKey('grants.0.tenant')],
    },
  },
  'POST /api/t/{tenant}/accounts/{id}/reset-password': {
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/accounts/${f.account.id}/reset-password`, body: { newPassword: 'Reset#2026ok' }, headers: { 'if-match': '"v1"' } }),
    bad: {
      unknown: [(ok) => ({ ...ok, iterations: 1 }), unknownKey('iterations')],
      weak: [() => ({ newPassword: '12345678' }), invalid('newPassword')],
      tooLong: [() => ({ newPassword: 'Aa1!'.repeat(40) }), invalid('newPassword')],
    },
  },
  'POST /api/t/{tenant}/accounts/{id}/status': {
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/accounts/${f.account.id}/status`, body: { status: 'disabled' }, headers: { 'if-match': '"v1"' } }),
    bad: {
      unknown: [(ok) => ({ ...ok, locked: false }), unknownKey('locked')],
      wrongEnum: [() => ({ status: 'deleted' }), invalid('status')],
      missing: [() => ({}), invalid('status')],
    },
  },
  ...ALLIANCE_CASES,
  ...LIST_CASES,
  ...PROJECT_CASES,
  ...EVENT_CASES,
  ...WEBHOOK_CASES,
  ...WORKBENCH_CASES,
  ...ORGLIFE_CASES,
  ...PEOPLE_CASES,
  ...POINTS_CASES,
  ...POST_CASES,
  ...PAIRING_CASES,
  ...ACTIVITY_CASES,
  ...ASSESSMENT_CASES,
  ...RATING_CASES,
  ...HONOURS_CASES,
  ...FUNDS_CASES,
  ...REWARDS_CASES,
  'GET /v1/orgs': { build: (f) => ({ method: 'GET', path: `/v1/orgs?under=${f.parent.id}`, headers: v1(f) }) },
  'GET /v1/alliances': { build: (f) => ({ method: 'GET', path: `/v1/alliances?q=${encodeURIComponent(f.alliance.alliance.name)}`, headers: v1(f) }) },
  'GET /v1/alliances/{id}': { build: (f) => ({ method: 'GET', path: `/v1/alliances/${f.alliance.alliance.id}`, headers: v1(f) }) },
  'GET /v1/red-routes': { build: (f) => ({ method: 'GET', path: '/v1/red-routes', headers: v1(f) }) },
  'GET /v1/orgs/{id}': { build: (f) => ({ method: 'GET', path: `/v1/orgs/${f.org.id}`, headers: v1(f) }) },
  'GET /v1/red-districts': { build: (f) => ({ method: 'GET', path: '/v1/red-districts', headers: v1(f) }) },
  'GET /v1/activities': { build: (f) => ({ method: 'GET', path: `/v1/activities?allianceId=${f.alliance.alliance.id}&status=planned`, headers: v1(f) }) },
  'GET /v1/activities/{id}': { build: (f) => ({ method: 'GET', path: `/v1/activities/${f.activity.id}`, headers: v1(f) }) },
  // City-wide figures, no county's objects: only a key of the city tenant holds rollup:read (ADR 0026).
  'GET /v1/rollup': { build: (f) => ({ method: 'GET', path: '/v1/rollup', headers: { authorization: `Bearer ${f.cityApiKey.key}` } }) },
};

/**
 * Every operation the app mounts (see mounted-routes.ts). Kept for callers
 * of the old document-only listing; the document argument is not needed.
 */
export async function operations(_fetchDoc?: () => Promise<Response>): Promise<Operation[]> {
  return (await mountedOperations()).ops;
}
