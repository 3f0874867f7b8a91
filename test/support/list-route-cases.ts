import writeXlsxFile from 'write-excel-file/universal';
import type { Fixture, RouteCase } from './route-cases.ts';
import { communityOf, streetOf } from './list-factories.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const uniq = () => Math.random().toString(36).slice(2, 8);
const T = (f: Fixture, rest: string) => `/api/t/${f.tenant}${rest}`;
const LONG = '长'.repeat(101);

async function workbook(rows: Array<Array<string | number | null>>): Promise<ArrayBuffer> {
  const data = rows.map((r) => r.map((value) => ({ value })));
  return (await writeXlsxFile(data as never).toBlob()).arrayBuffer();
}

const needBody = (f: Fixture) => ({
  allianceId: f.alliance.alliance.id,
  title: `独居老人助餐${uniq()}`,
  source: '成员单位',
  categoryId: 'cat_elderly',
  quantity: 8,
  unit: '人次',
  streetCode: streetOf(f.tenant),
  communityCode: communityOf(f.tenant),
  urgency: 3,
  deadline: '2099-12-31',
  raisedByOrgId: f.org.id,
});
const resourceBody = (f: Fixture) => ({
  allianceId: f.alliance.alliance.id,
  offeringOrgId: f.org.id,
  title: `社区食堂供餐${uniq()}`,
  kind: '服务',
  categoryId: 'cat_elderly',
  capacity: 30,
  unit: '人次',
  streetCode: streetOf(f.tenant),
  scope: 'street',
});
const reasonBad = { missing: {}, tooLong: { reason: '长'.repeat(1001) }, unknown: { reason: '不再需要', status: 'open' } };

/** Cases of the category, place, need, resource and matching routes (see route-cases.ts for the contract). */
export const LIST_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/list-categories': { scope: 'tenant', build: (f) => ({ method: 'GET', path: T(f, '/list-categories') }) },
  'POST /api/t/{tenant}/list-categories': {
    scope: 'tenant',
    build: (f) => ({ method: 'POST', path: T(f, '/list-categories'), body: { name: `社区团购${uniq()}`, alsoServes: ['cat_elderly'] } }),
    bad: { missing: {}, tooLong: { name: '长'.repeat(21) }, unknown: { name: '新类别', active: true, version: 2 }, wrongType: { name: '新类别', alsoServes: 'cat_elderly' } },
  },
  'PATCH /api/t/{tenant}/list-categories/{id}': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'PATCH', path: T(f, `/list-categories/${f.category.id}`), body: { sortOrder: 999, alsoServes: ['cat_other'] }, headers: { 'if-match': `"v${f.category.version}"` } }),
    bad: { empty: {}, wrongType: { active: 'yes' }, unknown: { id: 'cat_x' }, negative: { sortOrder: -1 } },
  },
  'GET /api/t/{tenant}/places': { scope: 'tenant', build: (f) => ({ method: 'GET', path: T(f, '/places') }) },

  'GET /api/t/{tenant}/needs': { scope: 'tenant', build: (f) => ({ method: 'GET', path: T(f, `/needs?allianceId=${f.alliance.alliance.id}&status=open`) }) },
  'GET /api/t/{tenant}/needs/export': { scope: 'tenant', build: (f) => ({ method: 'GET', path: T(f, `/needs/export?allianceId=${f.alliance.alliance.id}`) }) },
  'GET /api/t/{tenant}/needs/import-template': { scope: 'tenant', build: (f) => ({ method: 'GET', path: T(f, '/needs/import-template') }) },
  'POST /api/t/{tenant}/needs/import': {
    scope: 'tenant',
    build: async (f) => ({
      method: 'POST',
      path: T(f, `/needs/import?allianceId=${f.alliance.alliance.id}`),
      rawBody: await workbook([
        ['需求名称', '需求来源', '类别', '数量', '单位', '紧急程度', '截止日期', '提出单位'],
        [`导入需求${uniq()}`, '成员单位', '养老服务', 5, '人次', '紧急', '2099-06-30', f.org.id],
      ]),
      headers: { 'content-type': XLSX },
    }),
  },
  'POST /api/t/{tenant}/needs': {
    scope: 'tenant',
    build: (f) => ({ method: 'POST', path: T(f, '/needs'), body: needBody(f) }),
    bad: {
      missing: { title: '助餐' },
      tooLong: { ...{ allianceId: 'aln_x', source: '群众点单', categoryId: 'cat_elderly', quantity: 1, unit: '人', urgency: 1, deadline: '2099-01-01' }, title: LONG },
      wrongEnum: { allianceId: 'aln_x', title: '助餐服务', source: '微信', categoryId: 'cat_elderly', quantity: 1, unit: '人', urgency: 1, deadline: '2099-01-01' },
      zeroQuantity: { allianceId: 'aln_x', title: '助餐服务', source: '群众点单', categoryId: 'cat_elderly', quantity: 0, unit: '人', urgency: 1, deadline: '2099-01-01' },
      badUrgency: { allianceId: 'aln_x', title: '助餐服务', source: '群众点单', categoryId: 'cat_elderly', quantity: 1, unit: '人', urgency: 5, deadline: '2099-01-01' },
      badDate: { allianceId: 'aln_x', title: '助餐服务', source: '群众点单', categoryId: 'cat_elderly', quantity: 1, unit: '人', urgency: 1, deadline: '2099-02-30' },
      unknown: { allianceId: 'aln_x', title: '助餐服务', source: '群众点单', categoryId: 'cat_elderly', quantity: 1, unit: '人', urgency: 1, deadline: '2099-01-01', fulfilledQty: 1 },
      communityOutsideStreet: { allianceId: 'aln_x', title: '助餐服务', source: '群众点单', categoryId: 'cat_elderly', quantity: 1, unit: '人', urgency: 1, deadline: '2099-01-01', streetCode: '150402001', communityCode: '150402002001' },
    },
  },
  'GET /api/t/{tenant}/needs/{id}': { scope: 'tenant', build: (f) => ({ method: 'GET', path: T(f, `/needs/${f.need.id}`) }) },
  'PATCH /api/t/{tenant}/needs/{id}': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'PATCH', path: T(f, `/needs/${f.need.id}`), body: { quantity: 12, urgency: 4 }, headers: { 'if-match': `"v${f.need.version}"` } }),
    bad: { empty: {}, unknown: { status: 'met' }, wrongType: { quantity: '12' }, negative: { quantity: -1 }, badPhone: { raiserPhone: '12345' } },
  },
  'POST /api/t/{tenant}/needs/{id}/withdraw': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'POST', path: T(f, `/needs/${f.need.id}/withdraw`), body: { reason: '已由社区自行解决' }, headers: { 'if-match': `"v${f.need.version}"` } }),
    bad: reasonBad,
  },
  'POST /api/t/{tenant}/needs/{id}/close': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'POST', path: T(f, `/needs/${f.need.id}/close`), body: { reason: '需求方已搬离' }, headers: { 'if-match': `"v${f.need.version}"` } }),
    bad: reasonBad,
  },
  'GET /api/t/{tenant}/needs/{id}/suggestions': { scope: 'tenant', build: (f) => ({ method: 'GET', path: T(f, `/needs/${f.need.id}/suggestions?limit=5`) }) },

  'GET /api/t/{tenant}/resources': { scope: 'tenant', build: (f) => ({ method: 'GET', path: T(f, `/resources?allianceId=${f.alliance.alliance.id}&kind=服务`) }) },
  'GET /api/t/{tenant}/resources/export': { scope: 'tenant', build: (f) => ({ method: 'GET', path: T(f, `/resources/export?offeringOrgId=${f.org.id}`) }) },
  'GET /api/t/{tenant}/resources/import-template': { scope: 'tenant', build: (f) => ({ method: 'GET', path: T(f, '/resources/import-template') }) },
  'POST /api/t/{tenant}/resources/import': {
    scope: 'tenant',
    build: async (f) => ({
      method: 'POST',
      path: T(f, `/resources/import?allianceId=${f.alliance.alliance.id}`),
      rawBody: await workbook([
        ['资源名称', '提供单位', '资源类型', '类别', '可提供数量', '单位', '服务范围'],
        [`导入资源${uniq()}`, f.org.id, '人才', '法律服务', 10, '次', '全旗县区'],
      ]),
      headers: { 'content-type': XLSX },
    }),
  },
  'POST /api/t/{tenant}/resources': {
    scope: 'tenant',
    build: (f) => ({ method: 'POST', path: T(f, '/resources'), body: resourceBody(f) }),
    bad: {
      missing: { title: '食堂' },
      wrongEnum: { allianceId: 'aln_x', offeringOrgId: 'org_x', title: '食堂供餐', kind: '房子', categoryId: 'cat_elderly', capacity: 1, unit: '人', scope: 'street' },
      badScope: { allianceId: 'aln_x', offeringOrgId: 'org_x', title: '食堂供餐', kind: '服务', categoryId: 'cat_elderly', capacity: 1, unit: '人', scope: 'city' },
      window: { allianceId: 'aln_x', offeringOrgId: 'org_x', title: '食堂供餐', kind: '服务', categoryId: 'cat_elderly', capacity: 1, unit: '人', scope: 'street', availableFrom: '2026-05-01', availableTo: '2026-04-01' },
      halfCoordinates: { allianceId: 'aln_x', offeringOrgId: 'org_x', title: '食堂供餐', kind: '服务', categoryId: 'cat_elderly', capacity: 1, unit: '人', scope: 'street', lat: 42.2 },
      unknown: { allianceId: 'aln_x', offeringOrgId: 'org_x', title: '食堂供餐', kind: '服务', categoryId: 'cat_elderly', capacity: 1, unit: '人', scope: 'street', allocatedQty: 0 },
    },
  },
  'GET /api/t/{tenant}/resources/{id}': { scope: 'tenant', build: (f) => ({ method: 'GET', path: T(f, `/resources/${f.resource.id}`) }) },
  'PATCH /api/t/{tenant}/resources/{id}': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'PATCH', path: T(f, `/resources/${f.resource.id}`), body: { capacity: 40, radiusM: 3000 }, headers: { 'if-match': `"v${f.resource.version}"` } }),
    bad: { empty: {}, unknown: { status: 'available' }, wrongType: { capacity: 'many' }, zero: { capacity: 0 }, badDate: { availableTo: '2026-02-30' } },
  },
  'POST /api/t/{tenant}/resources/{id}/withdraw': {
    scope: 'tenant',
    ifMatch: true,
    build: (f) => ({ method: 'POST', path: T(f, `/resources/${f.resource.id}/withdraw`), body: { reason: '场地改作他用' }, headers: { 'if-match': `"v${f.resource.version}"` } }),
    bad: reasonBad,
  },
  'POST /api/t/{tenant}/matching/assignment': {
    scope: 'tenant',
    build: (f) => ({ method: 'POST', path: T(f, '/matching/assignment'), body: { allianceId: f.alliance.alliance.id } }),
    bad: { missing: {}, wrongType: { allianceId: 5 }, unknown: { allianceId: null, greedy: true } },
  },
  'POST /api/t/{tenant}/matching/accept': {
    scope: 'tenant',
    build: (f) => ({
      method: 'POST',
      path: T(f, '/matching/accept'),
      body: { items: [{ needId: f.need.id, resourceId: f.resource.id, quantity: 3 }], project: { title: `助餐服务项目${uniq()}`, dueOn: '2099-06-30' } },
    }),
    bad: {
      missing: {},
      empty: { items: [], project: { title: '助餐项目', dueOn: '2099-06-30' } },
      zero: { items: [{ needId: 'ned_x', resourceId: 'res_x', quantity: 0 }], project: { title: '助餐项目', dueOn: '2099-06-30' } },
      neither: { items: [{ needId: 'ned_x', resourceId: 'res_x', quantity: 1 }] },
      both: { items: [{ needId: 'ned_x', resourceId: 'res_x', quantity: 1 }], projectId: 'prj_x', project: { title: '助餐项目', dueOn: '2099-06-30' } },
      unknown: { items: [{ needId: 'ned_x', resourceId: 'res_x', quantity: 1, state: 'fulfilled' }], projectId: 'prj_x' },
    },
  },
  'GET /v1/needs': { scope: 'apikey', build: (f) => ({ method: 'GET', path: '/v1/needs?status=open', headers: { authorization: `Bearer ${f.apiKey.key}` } }) },
  'POST /v1/needs': {
    scope: 'apikey',
    build: (f) => ({
      method: 'POST',
      path: '/v1/needs',
      body: { allianceId: f.alliance.alliance.id, title: `小程序点单${uniq()}`, categoryId: 'cat_legal', quantity: 1, unit: '次', urgency: 2, deadline: '2099-03-01', raiserName: '王先生', raiserPhone: '13904760000' },
      headers: { authorization: `Bearer ${f.apiKey.key}` },
    }),
    bad: {
      missing: {},
      source: { allianceId: 'aln_x', title: '法律咨询', categoryId: 'cat_legal', quantity: 1, unit: '次', urgency: 2, deadline: '2099-03-01', source: '成员单位' },
      badPhone: { allianceId: 'aln_x', title: '法律咨询', categoryId: 'cat_legal', quantity: 1, unit: '次', urgency: 2, deadline: '2099-03-01', raiserPhone: 'abc' },
      unknownAlliance: { allianceId: 'aln_nope', title: '法律咨询', categoryId: 'cat_legal', quantity: 1, unit: '次', urgency: 2, deadline: '2099-03-01' },
    },
  },
  'POST /api/t/{tenant}/matching/reject': {
    scope: 'tenant',
    build: (f) => ({ method: 'POST', path: T(f, '/matching/reject'), body: { needId: f.need.id, resourceId: f.resource.id, reason: '距离太远' } }),
    bad: { missing: {}, unknown: { needId: 'ned_x', resourceId: 'res_x', permanent: true }, tooLong: { needId: 'ned_x', resourceId: 'res_x', reason: '长'.repeat(501) } },
  },
};
