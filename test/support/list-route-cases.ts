import writeXlsxFile from 'write-excel-file/universal';
import { findTenant } from '@ronghe/tenancy';
import { invalid, omit, unknownKey, type BadCase } from './refusals.ts';
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
const reasonBad: Record<string, BadCase> = {
  missing: [(ok) => omit(ok, 'reason'), invalid('reason')],
  tooLong: [(ok) => ({ ...ok, reason: '长'.repeat(1001) }), invalid('reason')],
  unknown: [(ok) => ({ ...ok, status: 'open' }), unknownKey('status')],
};
const v1 = (f: Fixture) => ({ authorization: `Bearer ${f.apiKey.key}` });

/** Cases of the category, place, need, resource and matching routes (see route-cases.ts for the contract). */
export const LIST_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/list-categories': { build: (f) => ({ method: 'GET', path: T(f, '/list-categories') }) },
  'POST /api/t/{tenant}/list-categories': {
    build: (f) => ({ method: 'POST', path: T(f, '/list-categories'), body: { name: `社区团购${uniq()}`, alsoServes: ['cat_elderly'] } }),
    bad: {
      missing: [(ok) => omit(ok, 'name'), invalid('name')],
      tooLong: [(ok) => ({ ...ok, name: '长'.repeat(21) }), invalid('name')],
      unknown: [(ok) => ({ ...ok, version: 2 }), unknownKey('version')],
      wrongType: [(ok) => ({ ...ok, alsoServes: 'cat_elderly' }), invalid('alsoServes')],
    },
  },
  'PATCH /api/t/{tenant}/list-categories/{id}': {
    build: (f) => ({ method: 'PATCH', path: T(f, `/list-categories/${f.category.id}`), body: { sortOrder: 999, alsoServes: ['cat_other'] }, headers: { 'if-match': `"v${f.category.version}"` } }),
    bad: {
      empty: [() => ({}), invalid('')],
      wrongType: [(ok) => ({ ...ok, active: 'yes' }), invalid('active')],
      unknown: [(ok, f) => ({ ...ok, id: f.category.id }), unknownKey('id')],
      negative: [(ok) => ({ ...ok, sortOrder: -1 }), invalid('sortOrder')],
    },
  },
  'GET /api/t/{tenant}/places': { build: (f) => ({ method: 'GET', path: T(f, '/places') }) },

  'GET /api/t/{tenant}/needs': { build: (f) => ({ method: 'GET', path: T(f, `/needs?allianceId=${f.alliance.alliance.id}&status=open`) }) },
  'GET /api/t/{tenant}/needs/export': { build: (f) => ({ method: 'GET', path: T(f, `/needs/export?allianceId=${f.alliance.alliance.id}`) }) },
  'GET /api/t/{tenant}/needs/import-template': { build: (f) => ({ method: 'GET', path: T(f, '/needs/import-template') }) },
  'POST /api/t/{tenant}/needs/import': {
    // A workbook, refused cell by cell: see workers/api/src/routes/lists/needs/lists.test.ts.
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
    build: (f) => ({ method: 'POST', path: T(f, '/needs'), body: needBody(f) }),
    // The quantity buckets follow from matches and deliveries, never from the client.
    smuggle: 'fulfilledQty',
    bad: {
      missing: [(ok) => omit(ok, 'title'), invalid('title')],
      tooLong: [(ok) => ({ ...ok, title: LONG }), invalid('title')],
      wrongEnum: [(ok) => ({ ...ok, source: '微信' }), invalid('source')],
      zeroQuantity: [(ok) => ({ ...ok, quantity: 0 }), invalid('quantity')],
      badUrgency: [(ok) => ({ ...ok, urgency: 5 }), invalid('urgency')],
      badDate: [(ok) => ({ ...ok, deadline: '2099-02-30' }), invalid('deadline')],
      unknown: [(ok) => ({ ...ok, committedQty: 1 }), unknownKey('committedQty')],
      // The county's second street: its community cannot sit in the first street.
      communityOutsideStreet: [(ok, f) => ({ ...ok, communityCode: `${findTenant(f.tenant)!.code}002001` }), invalid('communityCode')],
    },
  },
  'GET /api/t/{tenant}/needs/{id}': { build: (f) => ({ method: 'GET', path: T(f, `/needs/${f.need.id}`) }) },
  'PATCH /api/t/{tenant}/needs/{id}': {
    build: (f) => ({ method: 'PATCH', path: T(f, `/needs/${f.need.id}`), body: { quantity: 12, urgency: 4 }, headers: { 'if-match': `"v${f.need.version}"` } }),
    bad: {
      empty: [() => ({}), invalid('')],
      unknown: [(ok) => ({ ...ok, status: 'met' }), unknownKey('status')],
      wrongType: [(ok) => ({ ...ok, quantity: '12' }), invalid('quantity')],
      negative: [(ok) => ({ ...ok, quantity: -1 }), invalid('quantity')],
      badPhone: [(ok) => ({ ...ok, raiserPhone: '12345' }), invalid('raiserPhone')],
    },
  },
  'POST /api/t/{tenant}/needs/{id}/withdraw': {
    build: (f) => ({ method: 'POST', path: T(f, `/needs/${f.need.id}/withdraw`), body: { reason: '已由社区自行解决' }, headers: { 'if-match': `"v${f.need.version}"` } }),
    bad: reasonBad,
  },
  'POST /api/t/{tenant}/needs/{id}/close': {
    build: (f) => ({ method: 'POST', path: T(f, `/needs/${f.need.id}/close`), body: { reason: '需求方已搬离' }, headers: { 'if-match': `"v${f.need.version}"` } }),
    bad: reasonBad,
  },
  // The fixture's need is due 2099-12-31: a later date is an extension.
  'POST /api/t/{tenant}/needs/{id}/extend': {
    build: (f) => ({ method: 'POST', path: T(f, `/needs/${f.need.id}/extend`), body: { deadline: '2100-06-30', reason: '社区重新核实，需求仍在' }, headers: { 'if-match': `"v${f.need.version}"` } }),
    bad: {
      ...reasonBad,
      badDate: [(ok) => ({ ...ok, deadline: '2100-02-30' }), invalid('deadline')],
      noDate: [(ok) => omit(ok, 'deadline'), invalid('deadline')],
    },
  },
  'GET /api/t/{tenant}/needs/{id}/suggestions': { build: (f) => ({ method: 'GET', path: T(f, `/needs/${f.need.id}/suggestions?limit=5`) }) },

  'GET /api/t/{tenant}/alliances/{id}/open-work': { build: (f) => ({ method: 'GET', path: T(f, `/alliances/${f.alliance.alliance.id}/open-work`) }) },
  'GET /api/t/{tenant}/resources': { build: (f) => ({ method: 'GET', path: T(f, `/resources?allianceId=${f.alliance.alliance.id}&kind=服务`) }) },
  'GET /api/t/{tenant}/resources/export': { build: (f) => ({ method: 'GET', path: T(f, `/resources/export?offeringOrgId=${f.org.id}`) }) },
  'GET /api/t/{tenant}/resources/import-template': { build: (f) => ({ method: 'GET', path: T(f, '/resources/import-template') }) },
  'POST /api/t/{tenant}/resources/import': {
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
    build: (f) => ({ method: 'POST', path: T(f, '/resources'), body: resourceBody(f) }),
    // What is allocated follows from matches, never from the client.
    smuggle: 'allocatedQty',
    bad: {
      missing: [(ok) => omit(ok, 'title'), invalid('title')],
      wrongEnum: [(ok) => ({ ...ok, kind: '房子' }), invalid('kind')],
      badScope: [(ok) => ({ ...ok, scope: 'city' }), invalid('scope')],
      window: [(ok) => ({ ...ok, availableFrom: '2026-05-01', availableTo: '2026-04-01' }), invalid('availableTo')],
      halfCoordinates: [(ok) => ({ ...ok, lat: 42.2 }), invalid('lng')],
      unknown: [(ok) => ({ ...ok, status: 'available' }), unknownKey('status')],
    },
  },
  'GET /api/t/{tenant}/resources/{id}': { build: (f) => ({ method: 'GET', path: T(f, `/resources/${f.resource.id}`) }) },
  'PATCH /api/t/{tenant}/resources/{id}': {
    build: (f) => ({ method: 'PATCH', path: T(f, `/resources/${f.resource.id}`), body: { capacity: 40, radiusM: 3000 }, headers: { 'if-match': `"v${f.resource.version}"` } }),
    bad: {
      empty: [() => ({}), invalid('')],
      unknown: [(ok) => ({ ...ok, status: 'available' }), unknownKey('status')],
      wrongType: [(ok) => ({ ...ok, capacity: 'many' }), invalid('capacity')],
      zero: [(ok) => ({ ...ok, capacity: 0 }), invalid('capacity')],
      badDate: [(ok) => ({ ...ok, availableTo: '2026-02-30' }), invalid('availableTo')],
    },
  },
  'POST /api/t/{tenant}/resources/{id}/withdraw': {
    build: (f) => ({ method: 'POST', path: T(f, `/resources/${f.resource.id}/withdraw`), body: { reason: '场地改作他用' }, headers: { 'if-match': `"v${f.resource.version}"` } }),
    bad: reasonBad,
  },
  'POST /api/t/{tenant}/matching/assignment': {
    build: (f) => ({ method: 'POST', path: T(f, '/matching/assignment'), body: { allianceId: f.alliance.alliance.id } }),
    bad: {
      missing: [(ok) => omit(ok, 'allianceId'), invalid('allianceId')],
      wrongType: [(ok) => ({ ...ok, allianceId: 5 }), invalid('allianceId')],
      unknown: [(ok) => ({ ...ok, greedy: true }), unknownKey('greedy')],
    },
  },
  'POST /api/t/{tenant}/matching/accept': {
    build: (f) => ({
      method: 'POST',
      path: T(f, '/matching/accept'),
      body: { items: [{ needId: f.need.id, resourceId: f.resource.id, quantity: 3 }], project: { title: `助餐服务项目${uniq()}`, dueOn: '2099-06-30' } },
    }),
    bad: {
      missing: [(ok) => omit(ok, 'items'), invalid('items')],
      empty: [(ok) => ({ ...ok, items: [] }), invalid('items')],
      zero: [(ok) => ({ ...ok, items: [{ ...ok.items[0], quantity: 0 }] }), invalid('items.0.quantity')],
      // Accepting puts the quantity into a new project or an existing one: one of the two must be named.
      neither: [(ok) => omit(ok, 'project'), invalid('project')],
      both: [(ok, f) => ({ ...ok, projectId: f.project.project.id }), invalid('project')],
      unknown: [(ok) => ({ ...ok, items: [{ ...ok.items[0], state: 'fulfilled' }] }), unknownKey('items.0.state')],
    },
  },
  'GET /v1/needs': { build: (f) => ({ method: 'GET', path: '/v1/needs?status=open', headers: v1(f) }) },
  'GET /v1/projects': { build: (f) => ({ method: 'GET', path: `/v1/projects?allianceId=${f.alliance.alliance.id}`, headers: v1(f) }) },
  'GET /v1/projects/{id}': { build: (f) => ({ method: 'GET', path: `/v1/projects/${f.project.project.id}`, headers: v1(f) }) },
  'POST /v1/needs': {
    build: (f) => ({
      method: 'POST',
      path: '/v1/needs',
      body: { allianceId: f.alliance.alliance.id, title: `小程序点单${uniq()}`, categoryId: 'cat_legal', quantity: 1, unit: '次', urgency: 2, deadline: '2099-03-01', communityCode: communityOf(f.tenant), raiserName: '王先生', raiserPhone: '13904760000' },
      headers: v1(f),
    }),
    bad: {
      missing: [(ok) => omit(ok, 'title'), invalid('title')],
      // The place decides the alliance and the contact lets it call back: both are required of a resident's need.
      noPlace: [(ok) => omit(ok, 'communityCode'), invalid('communityCode')],
      noPhone: [(ok) => omit(ok, 'raiserPhone'), invalid('raiserPhone')],
      // A third-party app only submits 群众点单: the source is not its to choose.
      source: [(ok) => ({ ...ok, source: '成员单位' }), unknownKey('source')],
      badPhone: [(ok) => ({ ...ok, raiserPhone: 'abc' }), invalid('raiserPhone')],
      // The one made-up id on purpose: an alliance the key's county does not have is a field error, not a 404.
      unknownAlliance: [(ok) => ({ ...ok, allianceId: 'aln_nope' }), invalid('allianceId')],
    },
  },
  'GET /v1/needs/{id}': { build: (f) => ({ method: 'GET', path: `/v1/needs/${f.appNeed.id}`, headers: v1(f) }) },
  'POST /v1/needs/{id}/cancel': {
    build: (f) => ({ method: 'POST', path: `/v1/needs/${f.appNeed.id}/cancel`, body: { reason: '已自行解决' }, headers: v1(f) }),
    bad: {
      tooShort: [(ok) => ({ ...ok, reason: '短' }), invalid('reason')],
      unknown: [(ok) => ({ ...ok, force: true }), unknownKey('force')],
    },
  },
  'POST /api/t/{tenant}/matching/reject': {
    build: (f) => ({ method: 'POST', path: T(f, '/matching/reject'), body: { needId: f.need.id, resourceId: f.resource.id, reason: '距离太远' } }),
    bad: {
      missing: [(ok) => omit(ok, 'resourceId'), invalid('resourceId')],
      unknown: [(ok) => ({ ...ok, permanent: true }), unknownKey('permanent')],
      tooLong: [(ok) => ({ ...ok, reason: '长'.repeat(501) }), invalid('reason')],
    },
  },
};
