import writeXlsxFile from 'write-excel-file/universal';
import { linkPerson } from './people-factories.ts';
import { invalid, omit, unknownKey } from './refusals.ts';
import type { Fixture, RouteCase } from './route-cases.ts';

// Cases of the people registry routes (issue 11; see route-cases.ts for the contract).
// The fixture's person is a party member of the fixture's organization, version 1.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const uniq = () => Math.random().toString(36).slice(2, 8);
const T = (f: Fixture, rest: string) => `/api/t/${f.tenant}${rest}`;
const P = (f: Fixture, rest = '') => T(f, `/people/${f.person.id}${rest}`);
const v1 = { 'if-match': '"v1"' };

async function workbook(rows: Array<Array<string | number | null>>): Promise<ArrayBuffer> {
  return (await writeXlsxFile(rows.map((r) => r.map((value) => ({ value }))) as never).toBlob()).arrayBuffer();
}

export const PEOPLE_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/people': { build: (f) => ({ method: 'GET', path: T(f, `/people?homeOrgId=${f.org.id}`) }) },
  'GET /api/t/{tenant}/people/export': { build: (f) => ({ method: 'GET', path: T(f, `/people/export?homeOrgId=${f.org.id}`) }) },
  'GET /api/t/{tenant}/people/import-template': { build: (f) => ({ method: 'GET', path: T(f, '/people/import-template') }) },
  'POST /api/t/{tenant}/people/import': {
    // Its body is a workbook, refused cell by cell: see packages/people/src/persons/people.test.ts.
    build: async (f) => ({
      method: 'POST',
      path: T(f, '/people/import'),
      rawBody: await workbook([
        ['姓名', '人员类别', '党员类别', '所属党组织', '手机号'],
        [`导入党员${uniq()}`, '党员', '正式', f.org.id, '13904760001'],
      ]),
      headers: { 'content-type': XLSX },
    }),
  },
  'POST /api/t/{tenant}/people': {
    build: (f) => ({
      method: 'POST',
      path: T(f, '/people'),
      body: { name: `新党员${uniq()}`, kind: 'party_member', partyStanding: '正式', homeOrgId: f.org.id, phone: '13904761111', skills: ['医疗'] },
    }),
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'left' }), unknownKey('status')],
      wrongEnum: [(ok) => ({ ...ok, partyStanding: '积极分子' }), invalid('partyStanding')],
      missing: [(ok) => omit(ok, 'name'), invalid('name')],
      badPhone: [(ok) => ({ ...ok, phone: '0476-8888888' }), invalid('phone')],
      badIdNumber: [(ok) => ({ ...ok, idNumber: '150402199001011230' }), invalid('idNumber')],
      tooMany: [(ok) => ({ ...ok, skills: Array.from({ length: 11 }, (_, i) => `特长${i}`) }), invalid('skills')],
    },
  },
  'GET /api/t/{tenant}/people/{id}': { build: (f) => ({ method: 'GET', path: P(f) }) },
  'PATCH /api/t/{tenant}/people/{id}': {
    build: (f) => ({ method: 'PATCH', path: P(f), body: { workUnit: '克什克腾旗人民医院', inService: true }, headers: v1 }),
    bad: {
      unknown: [(ok) => ({ ...ok, userId: 'usr_x' }), unknownKey('userId')],
      empty: [() => ({}), invalid('')],
      wrongType: [(ok) => ({ ...ok, inService: '是' }), invalid('inService')],
      tooLong: [(ok) => ({ ...ok, name: '长'.repeat(41) }), invalid('name')],
      duplicate: [(ok) => ({ ...ok, skills: ['法律', '法律'] }), invalid('skills')],
    },
  },
  'POST /api/t/{tenant}/people/{id}/leave': {
    build: (f) => ({ method: 'POST', path: P(f, '/leave'), body: { reason: '组织关系转出本旗', leftOn: '2026-01-05' }, headers: v1 }),
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'left' }), unknownKey('status')],
      missing: [(ok) => omit(ok, 'reason'), invalid('reason')],
      badDate: [(ok) => ({ ...ok, leftOn: '2026-02-30' }), invalid('leftOn')],
    },
  },
  'PUT /api/t/{tenant}/people/{id}/account': {
    build: (f) => ({ method: 'PUT', path: P(f, '/account'), body: { userId: f.account.id }, headers: v1 }),
    bad: {
      unknown: [(ok) => ({ ...ok, role: 'member' }), unknownKey('role')],
      missing: [() => ({}), invalid('userId')],
      wrongType: [() => ({ userId: 5 }), invalid('userId')],
    },
  },
  'GET /api/t/{tenant}/my/profile': {
    // About the caller's own person: the fixture's person becomes the caller's.
    build: async (f, caller) => {
      if (caller) await linkPerson(f.tenant, f.person.id, caller.id);
      return { method: 'GET', path: T(f, '/my/profile') };
    },
  },
};
