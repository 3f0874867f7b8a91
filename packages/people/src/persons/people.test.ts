import { readSheet } from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser, snapshotCounts, type TestUser } from '../../../../test/support/factories.ts';
import { makeAlliance } from '../../../../test/support/alliance-factories.ts';
import { idNumberFor, linkPerson, makePerson } from '../../../../test/support/people-factories.ts';
import type { Organization, Person } from '@ronghe/schema';

// The people registry (issue 11 § People), through the API: CRUD with its
// refusals, personal data by role, the Excel round trip, /my/profile.

const T = 'wengniute';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const uniq = () => Math.random().toString(36).slice(2, 8);

interface Problem {
  code: string;
  errors?: Array<{ path: string; message: string; row?: number; column?: string }>;
  detail: string;
}
interface PersonJson {
  id: string;
  name: string;
  phone: string | null;
  idNumber: string | null;
  homeOrgName: string | null;
  status: string;
  version: number;
  piiMasked: boolean;
  leftOn: string | null;
}

async function problem(res: Response, status: number, code: string, field?: string): Promise<Problem> {
  const text = await res.clone().text();
  expect(res.status, text).toBe(status);
  const p = (await res.json()) as Problem;
  expect(p.code, text).toBe(code);
  // Edge (zod) refusals name `json.<field>`, business rules `body.<field>`: either names the field.
  if (field) expect(p.errors?.some((e) => e.path === `body.${field}` || e.path === `json.${field}`), text).toBe(true);
  return p;
}

let street: Organization;
let branch: Organization;
let otherStreet: Organization;
let otherBranch: Organization;
let admin: TestUser;

beforeAll(async () => {
  street = await makeOrg(T, { kind: '党工委', domain: '街道', name: `全宁街道党工委${uniq()}` });
  branch = await makeOrg(T, { parent: street, name: `新华社区党支部${uniq()}` });
  otherStreet = await makeOrg(T, { kind: '党工委', domain: '街道', name: `紫城街道党工委${uniq()}` });
  otherBranch = await makeOrg(T, { parent: otherStreet, name: `桥北社区党支部${uniq()}` });
  admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
});

const create = (token: string, body: Record<string, unknown>) => call('POST', `/api/t/${T}/people`, { token, body });

describe('people: create, edit, leave', () => {
  it('registers a party member with a valid identity number and reads it back in full as the county administrator', async () => {
    const idNumber = idNumberFor('19850312', 12);
    const res = await create(admin.token, { name: '王秀兰', kind: 'party_member', partyStanding: '预备', homeOrgId: branch.id, phone: '13947610001', idNumber, skills: ['医疗', '法律'], inService: true, workUnit: '旗医院' });
    expect(res.status, await res.clone().text()).toBe(201);
    const p = (await res.json()) as PersonJson;
    expect(p).toMatchObject({ name: '王秀兰', phone: '13947610001', idNumber, homeOrgName: branch.name, status: 'active', version: 1, piiMasked: false });
  });

  it('refuses a party member without standing or branch, a volunteer with a standing, and bad contact data, each by field', async () => {
    await problem(await create(admin.token, { name: '赵强', kind: 'party_member', homeOrgId: branch.id }), 422, 'validation_failed', 'partyStanding');
    await problem(await create(admin.token, { name: '赵强', kind: 'party_member', partyStanding: '正式' }), 422, 'validation_failed', 'homeOrgId');
    await problem(await create(admin.token, { name: '赵强', kind: 'volunteer', partyStanding: '正式' }), 422, 'validation_failed', 'partyStanding');
    // A landline is an organization's, not a person's; 17 digits plus a wrong check character is not an identity number.
    await problem(await create(admin.token, { name: '赵强', kind: 'volunteer', phone: '0476-8888888' }), 422, 'validation_failed', 'phone');
    await problem(await create(admin.token, { name: '赵强', kind: 'volunteer', idNumber: '150402198503120122' }), 422, 'validation_failed', 'idNumber');
    await problem(await create(admin.token, { name: '赵强', kind: 'volunteer', skills: Array.from({ length: 11 }, (_, i) => `技能${i}`) }), 422, 'validation_failed', 'skills');
    // A branch of another county is not found here: it reads as absent.
    const foreign = await makeOrg('aohan', {});
    await problem(await create(admin.token, { name: '赵强', kind: 'party_member', partyStanding: '正式', homeOrgId: foreign.id }), 422, 'validation_failed', 'homeOrgId');
    const inactive = await makeOrg(T, { parent: street, status: 'inactive', deactivatedAt: 1, deactivationReason: '撤并' });
    await problem(await create(admin.token, { name: '赵强', kind: 'party_member', partyStanding: '正式', homeOrgId: inactive.id }), 422, 'validation_failed', 'homeOrgId');
  });

  it('refuses a second person with the same identity number (409, field idNumber)', async () => {
    const idNumber = idNumberFor('19700101', 77);
    expect((await create(admin.token, { name: '刘一', kind: 'volunteer', idNumber })).status).toBe(201);
    await problem(await create(admin.token, { name: '刘二', kind: 'volunteer', idNumber }), 409, 'conflict', 'idNumber');
  });

  it('edits with If-Match, refuses a stale version, and a person who leaves keeps their record', async () => {
    const person = await makePerson(T, { homeOrgId: branch.id });
    const url = `/api/t/${T}/people/${person.id}`;
    const ok = await call('PATCH', url, { token: admin.token, body: { partyStanding: '预备', skills: ['电工'] }, headers: { 'if-match': '"v1"' } });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(((await ok.json()) as PersonJson).version).toBe(2);
    await problem(await call('PATCH', url, { token: admin.token, body: { workUnit: '供电所' }, headers: { 'if-match': '"v1"' } }), 412, 'precondition_failed');
    const left = await call('POST', `${url}/leave`, { token: admin.token, body: { reason: '组织关系转往红山区', leftOn: '2026-01-05' }, headers: { 'if-match': '"v2"' } });
    expect(left.status, await left.clone().text()).toBe(200);
    expect(await left.json()).toMatchObject({ status: 'left', leftOn: '2026-01-05', version: 3 });
    await problem(await call('POST', `${url}/leave`, { token: admin.token, body: { reason: '再次转出' }, headers: { 'if-match': '"v3"' } }), 409, 'conflict');
    await problem(await call('PATCH', url, { token: admin.token, body: { workUnit: '供电所' }, headers: { 'if-match': '"v3"' } }), 409, 'conflict');
    // Still there, under status=left.
    const listed = (await (await call('GET', `/api/t/${T}/people?status=left&homeOrgId=${branch.id}`, { token: admin.token })).json()) as { items: PersonJson[] };
    expect(listed.items.map((i) => i.id)).toContain(person.id);
  });

  it('a liaison manages the people of its own branch only; a reviewer those under its committee', async () => {
    const liaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: branch.id }]);
    expect((await create(liaison.token, { name: '孙丽', kind: 'party_member', partyStanding: '正式', homeOrgId: branch.id })).status).toBe(201);
    await problem(await create(liaison.token, { name: '孙丽', kind: 'party_member', partyStanding: '正式', homeOrgId: otherBranch.id }), 403, 'forbidden');
    // A volunteer belonging nowhere is the county's to register.
    await problem(await create(liaison.token, { name: '孙丽', kind: 'volunteer' }), 403, 'forbidden');
    const reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: street.id }]);
    expect((await create(reviewer.token, { name: '周平', kind: 'party_member', partyStanding: '正式', homeOrgId: branch.id })).status).toBe(201);
    const outside = await makePerson(T, { homeOrgId: otherBranch.id });
    // Outside its subtree the person is not even visible: 404, not 403.
    await problem(await call('PATCH', `/api/t/${T}/people/${outside.id}`, { token: reviewer.token, body: { workUnit: 'x单位' }, headers: { 'if-match': '"v1"' } }), 404, 'not_found');
  });
});

describe('people: personal data by role', () => {
  let person: Person;
  const phone = '13847619999';
  const idNumber = idNumberFor('19900909', 5);
  beforeAll(async () => {
    person = await makePerson(T, { homeOrgId: branch.id, name: `隐私测试${uniq()}`, phone, idNumber });
  });

  const detail = async (u: TestUser) => call('GET', `/api/t/${T}/people/${person.id}`, { token: u.token });
  const list = async (u: TestUser) => (await (await call('GET', `/api/t/${T}/people?homeOrgId=${branch.id}&limit=100`, { token: u.token })).json()) as { items: PersonJson[] };

  it('no list shows a full phone or any identity number, for any role', async () => {
    const roles = [
      admin,
      await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: street.id }]),
      await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: branch.id }]),
      await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: branch.id }]),
    ];
    for (const u of roles) {
      const mine = (await list(u)).items.find((i) => i.id === person.id)!;
      expect(mine.phone).toBe('138****9999');
      expect(mine.idNumber).toBeNull();
      expect(JSON.stringify(await list(u))).not.toContain(idNumber);
    }
  });

  it('the detail is full for the administrator, the reviewer above and the branch liaison; masked for the secretary', async () => {
    for (const u of [admin, await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: street.id }]), await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: branch.id }])]) {
      expect(await (await detail(u)).json()).toMatchObject({ phone, idNumber, piiMasked: false });
    }
    const secretary = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: branch.id }]);
    const masked = (await (await detail(secretary)).json()) as PersonJson;
    // Hand-masked: first three and last four digits; identity number: region code and check character.
    expect(masked).toMatchObject({ phone: '138****9999', idNumber: `150402${'*'.repeat(11)}${idNumber.slice(-1)}`, piiMasked: true });
  });

  it('a reviewer outside the subtree, a liaison of another branch and a member do not reach the person at all', async () => {
    await problem(await detail(await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: otherStreet.id }])), 404, 'not_found');
    await problem(await detail(await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: otherBranch.id }])), 404, 'not_found');
    await problem(await detail(await makeUser([{ tenant: T, role: 'member' }])), 403, 'forbidden');
    const outsider = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: otherBranch.id }]);
    expect((await list(outsider)).items.map((i) => i.id)).not.toContain(person.id);
  });

  it('another county’s person is 404', async () => {
    const foreign = await makePerson('aohan', {});
    await problem(await call('GET', `/api/t/${T}/people/${foreign.id}`, { token: admin.token }), 404, 'not_found');
  });
});

describe('people: list filters and pinyin order', () => {
  it('filters by name, standing, in-service, skill and subtree, in pinyin order', async () => {
    const tag = uniq();
    const home = await makeOrg(T, { parent: street, name: `筛选党支部${tag}` });
    const under = await makeOrg(T, { parent: home, name: `筛选网格党支部${tag}` });
    await makePerson(T, { homeOrgId: home.id, name: '张三', skills: ['法律'] });
    await makePerson(T, { homeOrgId: home.id, name: '阿明', partyStanding: '预备', inService: true });
    await makePerson(T, { homeOrgId: under.id, name: '白雪', skills: ['法律', '医疗'] });
    const names = async (qs: string) =>
      ((await (await call('GET', `/api/t/${T}/people?${qs}`, { token: admin.token })).json()) as { items: PersonJson[] }).items.map((i) => i.name);
    expect(await names(`homeOrgId=${home.id}`)).toEqual(['阿明', '张三']);
    expect(await names(`homeOrgId=${home.id}&subtree=true`)).toEqual(['阿明', '白雪', '张三']);
    expect(await names(`homeOrgId=${home.id}&subtree=true&skill=${encodeURIComponent('法律')}`)).toEqual(['白雪', '张三']);
    expect(await names(`homeOrgId=${home.id}&partyStanding=${encodeURIComponent('预备')}`)).toEqual(['阿明']);
    expect(await names(`homeOrgId=${home.id}&inService=false`)).toEqual(['张三']);
    expect(await names(`homeOrgId=${home.id}&subtree=true&q=${encodeURIComponent('白')}`)).toEqual(['白雪']);
    // Pages of one chain the whole list without repeats.
    const first = (await (await call('GET', `/api/t/${T}/people?homeOrgId=${home.id}&subtree=true&limit=2`, { token: admin.token })).json()) as { items: PersonJson[]; nextCursor: string; total: number };
    expect(first.total).toBe(3);
    const second = (await (await call('GET', `/api/t/${T}/people?homeOrgId=${home.id}&subtree=true&limit=2&cursor=${first.nextCursor}`, { token: admin.token })).json()) as { items: PersonJson[]; nextCursor: string | null };
    expect([...first.items, ...second.items].map((i) => i.name)).toEqual(['阿明', '白雪', '张三']);
    expect(second.nextCursor).toBeNull();
    await problem(await call('GET', `/api/t/${T}/people?q=${'长'.repeat(51)}`, { token: admin.token }), 422, 'validation_failed');
  });
});

const HEADERS = ['人员编号', '姓名', '人员类别', '党员类别', '所属党组织', '在职党员', '工作单位', '特长', '手机号', '身份证号'];
async function workbook(rows: Array<Array<string | number | null>>, headers = HEADERS): Promise<ArrayBuffer> {
  return (await writeXlsxFile([headers, ...rows].map((r) => r.map((value) => ({ value }))) as never).toBlob()).arrayBuffer();
}
const upload = (token: string, bytes: ArrayBuffer) => call('POST', `/api/t/${T}/people/import`, { token, rawBody: bytes, headers: { 'content-type': XLSX } });

describe('people: Excel import and export', () => {
  it('imports 200 rows all at once, resolving the branch by name, division code or id', async () => {
    const tag = uniq();
    const coded = await makeOrg(T, { parent: street, name: `代码党支部${tag}`, divisionCode: `150426${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}` });
    const named = await makeOrg(T, { parent: street, name: `名称党支部${tag}` });
    const rows = Array.from({ length: 200 }, (_, i) => [
      null,
      `导入${tag}${i}`,
      i % 10 === 0 ? '志愿者' : '党员',
      i % 10 === 0 ? null : '正式',
      i % 10 === 0 ? null : i % 3 === 0 ? coded.divisionCode : i % 3 === 1 ? named.name : named.id,
      i % 2 ? '是' : '否',
      null,
      i % 4 === 0 ? '医疗、法律' : null,
      `1390476${String(i).padStart(4, '0')}`,
      i === 5 ? idNumberFor('19800101', 900) : null,
    ]);
    const res = await upload(admin.token, await workbook(rows));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ created: 200, updated: 0, unchanged: 0 });
    const total = async (org: Organization) => ((await (await call('GET', `/api/t/${T}/people?homeOrgId=${org.id}&limit=1`, { token: admin.token })).json()) as { total: number }).total;
    // By hand: of i = 0..199, 67 are multiples of 3, 7 of them multiples of 30 (volunteers, no branch) → 60 by code;
    // 133 are not, 13 of them multiples of 10 → 120 by name or id.
    expect(await total(coded)).toBe(60);
    expect(await total(named)).toBe(120);
  });

  it('refuses the whole file with Chinese row/column errors, writing nothing', async () => {
    const before = await snapshotCounts(T);
    const res = await upload(admin.token, await workbook([
      [null, '甲', '党员', '正式', branch.name, '否', null, null, '13904760000', null],
      [null, '乙', '党员', null, branch.name, '否', null, null, '12345', null],
      [null, '丙', '群众', null, '不存在的党支部', '也许', null, null, null, '150402198001010000'],
    ]));
    const p = await problem(res, 422, 'validation_failed');
    const cells = p.errors!.map((e) => `${e.row}:${e.column}`);
    expect(cells).toEqual(expect.arrayContaining(['3:党员类别', '3:手机号', '4:人员类别', '4:所属党组织', '4:在职党员', '4:身份证号']));
    expect(cells.some((c) => c.startsWith('2:'))).toBe(false);
    expect(p.detail).toContain('未导入任何数据');
    expect(await snapshotCounts(T)).toEqual(before);
  });

  it('exports the registry and a masked phone re-imported means unchanged', async () => {
    const tag = uniq();
    const home = await makeOrg(T, { parent: street, name: `导出党支部${tag}` });
    const p = await makePerson(T, { homeOrgId: home.id, name: `导出甲${tag}`, phone: '13604761234' });
    const res = await call('GET', `/api/t/${T}/people/export?homeOrgId=${home.id}`, { token: admin.token });
    expect(res.status).toBe(200);
    const sheet = (await readSheet(await res.arrayBuffer())) as unknown[][];
    expect(sheet[0]!.slice(0, HEADERS.length)).toEqual(HEADERS);
    // The county administrator may read personal data: the export carries the full phone.
    expect(sheet[1]!.slice(0, 2)).toEqual([p.id, `导出甲${tag}`]);
    expect(sheet[1]![8]).toBe('13604761234');
    // Re-import of that row with the phone masked and a changed work unit: only the work unit changes.
    const row = [p.id, `导出甲${tag}`, '党员', '正式', home.id, '否', '林业站', null, '136****1234', null];
    const r2 = await upload(admin.token, await workbook([row]));
    expect(r2.status, await r2.clone().text()).toBe(200);
    expect(await r2.json()).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await (await call('GET', `/api/t/${T}/people/${p.id}`, { token: admin.token })).json()).toMatchObject({ phone: '13604761234', version: 2 });
    // A new person cannot start from a masked number.
    const bad = await problem(await upload(admin.token, await workbook([[null, '新人', '志愿者', null, null, null, null, null, '136****1234', null]])), 422, 'validation_failed');
    expect(bad.errors![0]).toMatchObject({ row: 2, column: '手机号' });
  });

  it('an identity number already registered to someone the file does not name is refused (the import reads only the people it names)', async () => {
    // One whose check character is X: the file's lower-case x is the same number.
    const taken = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => idNumberFor('19750505', n)).find((n) => n.endsWith('X'))!;
    await makePerson(T, { homeOrgId: branch.id, name: `已登记${uniq()}`, idNumber: taken });
    const p = await problem(await upload(admin.token, await workbook([[null, '新登记', '志愿者', null, null, null, null, null, null, taken.toLowerCase()]])), 422, 'validation_failed');
    expect(p.errors![0]).toMatchObject({ row: 2, column: '身份证号', message: '该身份证号已登记在另一人员名下' });
  });

  it('import and export are the county administrator’s', async () => {
    const reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: street.id }]);
    await problem(await call('GET', `/api/t/${T}/people/export`, { token: reviewer.token }), 403, 'forbidden');
    await problem(await upload(reviewer.token, await workbook([[null, '甲', '志愿者', null, null, null, null, null, null, null]])), 403, 'forbidden');
  });
});

describe('people: account link and /my/profile', () => {
  it('links a member account of this county, one person per account, and the member reads their own page', async () => {
    const person = await makePerson(T, { homeOrgId: branch.id, phone: '13704760001' });
    const account = await makeUser([{ tenant: T, role: 'member' }]);
    const url = `/api/t/${T}/people/${person.id}/account`;
    const linked = await call('PUT', url, { token: admin.token, body: { userId: account.id }, headers: { 'if-match': '"v1"' } });
    expect(linked.status, await linked.clone().text()).toBe(200);
    expect(await linked.json()).toMatchObject({ hasAccount: true, userId: account.id, version: 2 });
    const other = await makePerson(T, { homeOrgId: branch.id });
    await problem(await call('PUT', `/api/t/${T}/people/${other.id}/account`, { token: admin.token, body: { userId: account.id }, headers: { 'if-match': '"v1"' } }), 409, 'conflict', 'userId');
    // A staff account, or a member of another county, is not a sign-in this person may have.
    const staff = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: branch.id }]);
    await problem(await call('PUT', `/api/t/${T}/people/${other.id}/account`, { token: admin.token, body: { userId: staff.id }, headers: { 'if-match': '"v1"' } }), 422, 'validation_failed', 'userId');
    const foreignMember = await makeUser([{ tenant: 'aohan', role: 'member' }]);
    await problem(await call('PUT', `/api/t/${T}/people/${other.id}/account`, { token: admin.token, body: { userId: foreignMember.id }, headers: { 'if-match': '"v1"' } }), 422, 'validation_failed', 'userId');

    const me = await call('GET', `/api/t/${T}/my/profile`, { token: account.token });
    expect(me.status, await me.clone().text()).toBe(200);
    expect(await me.json()).toMatchObject({ person: { id: person.id, phone: '13704760001' }, homeOrg: { id: branch.id, name: branch.name }, alliances: [] });
  });

  it('a member account linked to nobody gets 404 with a Chinese message', async () => {
    const account = await makeUser([{ tenant: T, role: 'member' }]);
    const p = await problem(await call('GET', `/api/t/${T}/my/profile`, { token: account.token }), 404, 'not_found');
    expect(p.detail).toContain('尚未关联党员信息');
  });

  it('lists every alliance the home branch is a current member of (一方隶属、多方共管)', async () => {
    const home = await makeOrg(T, { parent: street, name: `多方共管党支部${uniq()}` });
    const a1 = await makeAlliance(T, { lead: home, committee: street, status: 'active' });
    const a2 = await makeAlliance(T, { lead: street, committee: street, status: 'active', members: [home] });
    const person = await makePerson(T, { homeOrgId: home.id });
    const account = await makeUser([{ tenant: T, role: 'member' }]);
    await linkPerson(T, person.id, account.id);
    const me = (await (await call('GET', `/api/t/${T}/my/profile`, { token: account.token })).json()) as { alliances: Array<{ id: string; role: string }> };
    expect(me.alliances.map((a) => [a.id, a.role]).sort()).toEqual([[a1.alliance.id, 'lead'], [a2.alliance.id, 'member']].sort());
  });
});
