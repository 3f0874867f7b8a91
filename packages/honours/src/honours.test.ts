import { openDb, systemClock, type Ctx } from '@ronghe/core';
import { applyOnce, toEnvelope, type OutboxRecord } from '@ronghe/events';
import type { DemoSiteView, DesignationView, HonoursEligibility, Organization, StandardizationView, StrongestEligibility } from '@ronghe/schema';
import { organizationsById } from '@ronghe/registry/read';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { makeAlliance } from '../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../test/support/factories.ts';
import { makeStandardization, PASSING_TALLIES } from '../../../test/support/honours-factories.ts';
import { bindings } from '../../../test/support/worker.ts';
import { honoursOfYear } from './read.ts';
import { weakFlagConsumer } from './strongest/weak-flag.ts';

// Issue 12 § Branch standardization and 最强党支部, § Demonstration sites (seed 004 三(三), 三(四), 四(一), 四(四);
// seed 000 11.2.1). Every expectation is written from the seed: the procedure 支部申请 → 街道党工委考评 → 区委组织部验收,
// the four refusal conditions of 三(四) (plus "not standardized" and 软弱涣散), 90 % compared exactly, revocation on
// 软弱涣散 kept on the branch's history.
const T = 'keshiketeng';
const YEAR = 2030;
const d1 = () => bindings[findTenant(T)!.binding]!;
const env = bindings as unknown as Record<string, unknown>;
const api = (p: string) => `/api/t/${T}/honours${p}`;

async function json<R>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
async function problem(res: Response, status: number, code: string) {
  const p = await json<{ code: string; detail: string; rule?: string; errors?: Array<{ path: string; message: string }> }>(res, status);
  expect(p.code).toBe(code);
  return p;
}
/** The registry's row of a branch, read as other capabilities read it (its read.ts). */
const orgRow = async (id: string) => {
  const o = (await organizationsById(ctx(), [id])).get(id)!;
  return { quality_status: o.qualityStatus, quality_year: o.qualityYear, quality_designated_by: o.qualityDesignatedBy, weak_flag: o.weakFlag ? 1 : 0 };
};
const designationCount = async (orgId: string) => (await d1().prepare('SELECT count(*) AS n FROM honour_designations WHERE org_id = ?').bind(orgId).first<{ n: number }>())!.n;
const ctx = (): Ctx => ({ db: openDb(d1()), tenant: { slug: T, code: '', name: T, kind: 'county' }, actor: { userId: 'test', displayName: 'test', grants: [] }, clock: systemClock, requestId: 'req_honours_test' });

let committee: Organization;
let otherCommittee: Organization;
let county: TestUser;
let reviewer: TestUser;
let otherReviewer: TestUser;
let city: TestUser;
const branch = (fields: Partial<Organization> = {}) => makeOrg(T, { parent: committee, ...fields });
const designate = (level: 'county' | 'city', orgId: string, user: TestUser, year = YEAR) =>
  call('POST', api(`/${level}/designations`), { token: user.token, body: { orgId, year, reason: '对照五个"强"的标准，综合评定' } });

beforeAll(async () => {
  committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  otherCommittee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  county = await makeUser([{ tenant: T, role: 'county_admin' }]);
  reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: committee.id }]);
  otherReviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: otherCommittee.id }]);
  city = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
});

describe('标准化规范化: 支部申请 → 街道党工委考评 → 区委组织部验收', () => {
  it('the whole procedure, then 最强党支部 区级 and 市级, each step on the registry', async () => {
    const b = await branch();
    const liaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: b.id }]);
    const app = await json<StandardizationView>(
      await call('POST', api('/standardizations'), { token: liaison.token, body: { orgId: b.id, year: YEAR, selfAssessment: '对照五个基本逐项自评，均已达到标准化规范化要求。' } }),
      201,
    );
    expect(app).toMatchObject({ orgId: b.id, year: YEAR, status: 'applied', statusLabel: '已申请，待街道党工委考评', orgScore: null });

    // A committee the branch does not lie under may not evaluate it.
    await problem(await call('POST', api(`/standardizations/${app.id}/evaluate`), { token: otherReviewer.token, body: PASSING_TALLIES }), 403, 'forbidden');
    // Nor may the county accept before the committee evaluated.
    await problem(await call('POST', api(`/standardizations/${app.id}/accept`), { token: county.token, body: {} }), 409, 'conflict');

    const evaluated = await json<StandardizationView>(await call('POST', api(`/standardizations/${app.id}/evaluate`), { token: reviewer.token, body: { ...PASSING_TALLIES, note: '四评结果良好' } }), 200);
    expect(evaluated).toMatchObject({ status: 'evaluated', orgScore: 92, annualReviewGrade: '优秀', membersEvaluating: 20, membersExcellent: 18, residentsDissatisfiedVerified: 0, departmentObjections: [] });
    // The facts other capabilities hold, read at evaluation: the branch is not 软弱涣散; its organizational life of 2030 is on file.
    expect(evaluated.evidence?.weakFlag).toBe(false);
    expect((await orgRow(b.id))!.quality_status).toBe('未达标');

    const accepted = await json<StandardizationView>(await call('POST', api(`/standardizations/${app.id}/accept`), { token: county.token, body: { note: '验收合格' } }), 200);
    expect(accepted).toMatchObject({ status: 'accepted', decisionReason: '验收合格' });
    expect(await orgRow(b.id)).toMatchObject({ quality_status: '标准化规范化', quality_year: YEAR, quality_designated_by: '区委组织部' });

    const check = await json<StrongestEligibility>(await call('GET', api(`/strongest/eligibility?orgId=${b.id}&year=${YEAR}`), { token: reviewer.token }), 200);
    expect(check.eligible).toBe(true);
    expect(check.rules.map((r) => [r.code, r.passed])).toEqual([
      ['standardized', true],
      ['annual_review_excellent', true],
      ['members_excellent_90', true],
      ['no_verified_dissatisfaction', true],
      ['no_department_objection', true],
      ['not_weak', true],
    ]);

    // 区级 is the county's; the city cannot use the county's route, nor the county the city's.
    await problem(await designate('county', b.id, city), 403, 'forbidden');
    await problem(await designate('city', b.id, county), 403, 'forbidden');
    const countyLevel = await json<DesignationView>(await designate('county', b.id, county), 201);
    expect(countyLevel).toMatchObject({ level: 'county', levelLabel: '区级', status: 'in_force', year: YEAR });
    expect(await orgRow(b.id)).toMatchObject({ quality_status: '最强党支部（区级）', quality_year: YEAR, quality_designated_by: '区委组织部' });
    // Once per level and year.
    await problem(await designate('county', b.id, county), 409, 'conflict');

    await json<DesignationView>(await designate('city', b.id, city), 201);
    expect(await orgRow(b.id)).toMatchObject({ quality_status: '最强党支部（市级）', quality_designated_by: '市委组织部' });

    // Revoking the 市级 one by the city: the 区级 one still holds.
    const cityLevel = (await json<{ items: DesignationView[] }>(await call('GET', api(`/designations?year=${YEAR}&orgId=${b.id}`), { token: county.token }), 200)).items.find((d) => d.level === 'city')!;
    await problem(await call('POST', api(`/county/designations/${cityLevel.id}/revoke`), { token: county.token, body: { reason: '不是本级评定' } }), 404, 'not_found');
    const revoked = await json<DesignationView>(await call('POST', api(`/city/designations/${cityLevel.id}/revoke`), { token: city.token, body: { reason: '复核发现台账不完整' } }), 200);
    expect(revoked).toMatchObject({ status: 'revoked', statusLabel: '已撤销', revokedReason: '复核发现台账不完整', revokedCause: 'manual' });
    expect((await orgRow(b.id))!.quality_status).toBe('最强党支部（区级）');
  });

  it('a returned application needs a reason, and the branch may apply again', async () => {
    const b = await branch();
    const app = await makeStandardization(T, b.id, 'evaluated', { year: YEAR });
    const p = await problem(await call('POST', api(`/standardizations/${app.id}/return`), { token: county.token, body: {} }), 422, 'validation_failed');
    expect(p.errors?.map((e) => e.path)).toContain('json.reason');
    const returned = await json<StandardizationView>(await call('POST', api(`/standardizations/${app.id}/return`), { token: county.token, body: { reason: '组织生活记录不全，请补齐后重新申请' } }), 200);
    expect(returned).toMatchObject({ status: 'returned', decisionReason: '组织生活记录不全，请补齐后重新申请' });
    expect((await orgRow(b.id))!.quality_status).toBe('未达标');
    await json(await call('POST', api('/standardizations'), { token: county.token, body: { orgId: b.id, year: YEAR, selfAssessment: '已补齐组织生活记录，重新申请考评。' } }), 201);
    // …but only one live application per year.
    const dup = await problem(await call('POST', api('/standardizations'), { token: county.token, body: { orgId: b.id, year: YEAR, selfAssessment: '再次申请标准化规范化考评。' } }), 409, 'conflict');
    expect(dup.errors?.map((e) => e.path)).toEqual(['body.year']);
  });

  it('two decisions at once: one lands, the other is a 409, and the registry changed once', async () => {
    const b = await branch();
    const app = await makeStandardization(T, b.id, 'evaluated', { year: YEAR });
    const [r1, r2] = await Promise.all([
      call('POST', api(`/standardizations/${app.id}/accept`), { token: county.token, body: {} }),
      call('POST', api(`/standardizations/${app.id}/return`), { token: county.token, body: { reason: '材料不全' } }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const loser = r1.status === 409 ? r1 : r2;
    expect(((await loser.json()) as { code: string }).code).toBe('conflict');
    const audit = await d1().prepare("SELECT count(*) AS n FROM audit_log WHERE entity_id = ? AND action IN ('standardization.accept', 'standardization.return')").bind(app.id).first<{ n: number }>();
    expect(audit!.n).toBe(1);
  });
});

describe('最强党支部: refused naming the rule (seed 004 三(四))', () => {
  /** A branch with an accepted application whose tallies differ from the passing ones by `tallies`. */
  async function candidate(tallies: Partial<typeof PASSING_TALLIES> = {}, fields: Partial<Organization> = {}) {
    const b = await branch(fields);
    await makeStandardization(T, b.id, 'accepted', { year: YEAR, tallies });
    return b;
  }
  async function refused(orgId: string, rule: string, sentence: string) {
    const p = await problem(await designate('county', orgId, county), 409, 'conflict');
    expect(p.rule).toBe(rule);
    expect(p.detail).toContain(sentence);
    expect(p.errors?.map((e) => e.path)).toContain(rule);
    expect(await designationCount(orgId)).toBe(0);
  }

  it('not standardized: evaluated but never accepted', async () => {
    const b = await branch();
    await makeStandardization(T, b.id, 'evaluated', { year: YEAR });
    await refused(b.id, 'standardized', '未达到标准化规范化');
  });
  it('annual review below 优秀', async () => {
    await refused((await candidate({ annualReviewGrade: '良好' })).id, 'annual_review_excellent', '年度述职评议考核评价等次达不到优秀');
  });
  it('fewer than 90 % of the evaluating members rated 优秀: 17 of 20 (85 %)', async () => {
    await refused((await candidate({ membersExcellent: 17, membersGood: 3 })).id, 'members_excellent_90', '达不到参加评议党员总数的 90%');
  });
  it('just under 90 %: 26 of 29 (89.66 %)', async () => {
    await refused((await candidate({ membersEvaluating: 29, membersExcellent: 26, membersGood: 3 })).id, 'members_excellent_90', '90%');
  });
  it('exactly 90 % passes: 18 of 20, and 9 of 10', async () => {
    await json(await designate('county', (await candidate({ membersEvaluating: 20, membersExcellent: 18, membersGood: 2 })).id, county), 201);
    await json(await designate('county', (await candidate({ membersEvaluating: 10, membersExcellent: 9, membersGood: 1 })).id, county), 201);
  });
  it("a resident's 不满意 verified", async () => {
    await refused((await candidate({ residentsDissatisfied: 2, residentsDissatisfiedVerified: 1 })).id, 'no_verified_dissatisfaction', '经查证属实');
  });
  it('a department objected', async () => {
    await refused((await candidate({ departmentObjections: [{ department: '区民政局', text: '社区服务台账不符合创建标准' }] })).id, 'no_department_objection', '有关部门反馈');
  });
  it('flagged 软弱涣散', async () => {
    await refused((await candidate({}, { weakFlag: true })).id, 'not_weak', '软弱涣散');
  });
  it('the check lists every rule with its sentence, several failing at once', async () => {
    const b = await candidate({ annualReviewGrade: '一般', residentsDissatisfied: 1, residentsDissatisfiedVerified: 1 });
    const c = await json<StrongestEligibility>(await call('GET', api(`/strongest/eligibility?orgId=${b.id}&year=${YEAR}`), { token: county.token }), 200);
    expect(c.eligible).toBe(false);
    expect(c.rules.filter((r) => !r.passed).map((r) => r.code)).toEqual(['annual_review_excellent', 'no_verified_dissatisfaction']);
    expect(c.rules.find((r) => r.code === 'not_weak')).toEqual({ code: 'not_weak', passed: true, sentence: '未被列为软弱涣散党组织' });
    // The refusal names the first failing rule in the seed's order and lists both.
    const p = await problem(await designate('county', b.id, county), 409, 'conflict');
    expect(p.rule).toBe('annual_review_excellent');
    expect(p.errors?.map((e) => e.path)).toEqual(['annual_review_excellent', 'no_verified_dissatisfaction']);
  });
});

describe('动态调整 (seed 004 四(四)): flagged 软弱涣散, the designation is revoked and stays on the history', () => {
  it('the registry edit announces weakFlag; the consumer revokes, once', async () => {
    const b = await branch();
    await makeStandardization(T, b.id, 'accepted', { year: YEAR });
    const granted = await json<DesignationView>(await designate('county', b.id, county), 201);
    expect((await orgRow(b.id))!.quality_status).toBe('最强党支部（区级）');

    // The county flags the branch 软弱涣散 through the registry (whose own rule makes it lower the status in the same edit).
    const current = await json<{ version: number }>(await call('GET', `/api/t/${T}/orgs/${b.id}`, { token: county.token }), 200);
    await json(await call('PATCH', `/api/t/${T}/orgs/${b.id}`, { token: county.token, body: { weakFlag: true, qualityStatus: '标准化规范化' }, headers: { 'if-match': `"v${current.version}"` } }), 200);
    const row = await d1().prepare("SELECT * FROM outbox WHERE aggregate_id = ? AND type = 'organization.updated' ORDER BY rowid DESC LIMIT 1").bind(b.id).first<OutboxRecord>();
    const event = toEnvelope(row!, T);
    expect(event.data).toMatchObject({ organizationId: b.id, changed: expect.arrayContaining(['weakFlag']) });

    expect(await applyOnce(weakFlagConsumer, event, d1(), env, Date.now())).toBe('done');
    expect(await applyOnce(weakFlagConsumer, event, d1(), env, Date.now())).toBe('already');

    const history = (await json<{ items: DesignationView[] }>(await call('GET', api(`/designations?year=${YEAR}&orgId=${b.id}`), { token: county.token }), 200)).items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ id: granted.id, status: 'revoked', revokedCause: 'weak_flag' });
    expect(history[0]!.revokedReason).toContain('软弱涣散');
    const apps = (await json<{ items: StandardizationView[] }>(await call('GET', api(`/standardizations?year=${YEAR}&orgId=${b.id}`), { token: county.token }), 200)).items;
    expect(apps.map((a) => a.status)).toEqual(['revoked']);
    expect(await orgRow(b.id)).toMatchObject({ quality_status: '未达标', weak_flag: 1 });
    expect((await honoursOfYear(ctx(), YEAR)).some((h) => h.subjectId === b.id)).toBe(false);
    // Audited as the system's acts, each with its event.
    const audit = (await d1().prepare("SELECT action, actor_id FROM audit_log WHERE entity_id IN (?, ?) AND actor_id = 'system' ORDER BY rowid").bind(granted.id, apps[0]!.id).all<{ action: string; actor_id: string }>()).results;
    expect(audit.map((a) => a.action)).toEqual(['honour.revoke', 'standardization.revoke']);
  });

  it('another edit of the organization (not its weak flag) revokes nothing', async () => {
    const b = await branch();
    await makeStandardization(T, b.id, 'accepted', { year: YEAR });
    await json(await designate('county', b.id, county), 201);
    const ev = { id: 'evt_01jbz000000000000000000000', type: 'organization.updated', version: 1, tenant: T, aggregate: { type: 'organization', id: b.id }, actor: { userId: 'x', role: 'county_admin' }, at: Date.now(), requestId: 'r', data: { organizationId: b.id, changed: ['name'] } };
    expect(await applyOnce(weakFlagConsumer, ev, d1(), env, Date.now())).toBe('done');
    expect((await orgRow(b.id))!.quality_status).toBe('最强党支部（区级）');
  });
});

describe('撤销评定 is the way down: an organization edit does not lower a status a designation in force holds (review of issue 12)', () => {
  const patchOrg = async (id: string, body: Record<string, unknown>) => {
    const current = await json<{ version: number }>(await call('GET', `/api/t/${T}/orgs/${id}`, { token: county.token }), 200);
    return call('PATCH', `/api/t/${T}/orgs/${id}`, { token: county.token, body, headers: { 'if-match': `"v${current.version}"` } });
  };
  const orgVersion = async (id: string) => (await json<{ version: number }>(await call('GET', `/api/t/${T}/orgs/${id}`, { token: county.token }), 200)).version;
  const loweredRefusal = async (res: Response, named: string) => {
    const p = (await problem(res, 409, 'conflict')) as Awaited<ReturnType<typeof problem>> & { reason: string };
    expect(p.reason).toBe('strongest_lowered_by_edit');
    expect(p.detail).toContain(`${YEAR} 年度“${named}”评定仍然有效`);
    expect(p.detail).toContain('“荣誉与示范”中对该评定办理“撤销评定”');
    expect(p.errors?.map((e) => e.path)).toEqual(['body.qualityStatus']);
    return p;
  };
  const statusOf = async (orgId: string) =>
    (await json<{ items: DesignationView[] }>(await call('GET', api(`/designations?year=${YEAR}&orgId=${orgId}`), { token: county.token }), 200)).items.map((d) => `${d.level} ${d.status}`).sort();

  it('区级: lowering to 标准化规范化 or 未达标 is refused naming 撤销评定, nothing written; revoked through honours, the status falls back and may then be lowered', async () => {
    const b = await branch();
    await makeStandardization(T, b.id, 'accepted', { year: YEAR });
    const granted = await json<DesignationView>(await designate('county', b.id, county), 201);
    const version = await orgVersion(b.id);

    await loweredRefusal(await patchOrg(b.id, { qualityStatus: '标准化规范化' }), '最强党支部（区级）');
    // Together with another field: the whole edit is refused.
    await loweredRefusal(await patchOrg(b.id, { qualityStatus: '未达标', memberCount: 31 }), '最强党支部（区级）');
    expect(await orgRow(b.id)).toMatchObject({ quality_status: '最强党支部（区级）', quality_year: YEAR });
    expect(await orgVersion(b.id)).toBe(version);
    expect(await statusOf(b.id)).toEqual(['county in_force']);
    // Another edit keeping the status stays possible.
    expect((await patchOrg(b.id, { memberCount: 31 })).status).toBe(200);

    // The path the refusal names.
    await json(await call('POST', api(`/county/designations/${granted.id}/revoke`), { token: county.token, body: { reason: '复核发现不再符合五个“强”的标准' } }), 200);
    expect(await orgRow(b.id)).toMatchObject({ quality_status: '标准化规范化' });
    expect(await statusOf(b.id)).toEqual(['county revoked']);
    expect((await patchOrg(b.id, { qualityStatus: '未达标' })).status).toBe(200);
    expect(await orgRow(b.id)).toMatchObject({ quality_status: '未达标' });
  });

  it('市级 over 区级: lowering to 区级 is refused naming the 市级 designation only; revoked by the city, the status is 区级 again', async () => {
    const b = await branch();
    await makeStandardization(T, b.id, 'accepted', { year: YEAR });
    await json(await designate('county', b.id, county), 201);
    const cityLevel = await json<DesignationView>(await designate('city', b.id, city), 201);
    expect(await orgRow(b.id)).toMatchObject({ quality_status: '最强党支部（市级）' });

    const p = await loweredRefusal(await patchOrg(b.id, { qualityStatus: '最强党支部（区级）' }), '最强党支部（市级）');
    expect(p.detail).not.toContain('“最强党支部（区级）”评定');
    expect(await statusOf(b.id)).toEqual(['city in_force', 'county in_force']);

    await json(await call('POST', api(`/city/designations/${cityLevel.id}/revoke`), { token: city.token, body: { reason: '市级复核未通过' } }), 200);
    expect(await orgRow(b.id)).toMatchObject({ quality_status: '最强党支部（区级）' });
    // The 区级 designation is still in force: lowering below it is refused in its turn.
    await loweredRefusal(await patchOrg(b.id, { qualityStatus: '标准化规范化' }), '最强党支部（区级）');
  });
});

describe('撤销评定 is the way down for an Excel import too', () => {
  it('a sheet that lowers 区级 while the designation is in force is refused on its 达标状态 cell, naming 撤销评定, and nothing is imported', async () => {
    const b = await branch({ name: `导入降级测试党支部${Date.now() % 1e6}` });
    await makeStandardization(T, b.id, 'accepted', { year: YEAR });
    await json(await designate('county', b.id, county), 201);
    const headers = ['组织编号', '组织名称', '上级组织', '组织类别', '所属领域', '党员人数', '达标状态', '评定年度', '软弱涣散'];
    const row = [b.id, b.name, committee.id, b.kind, b.domain, b.memberCount, '标准化规范化', YEAR, '否'];
    const blob = await writeXlsxFile([headers, row].map((r) => r.map((value) => ({ value }))) as never).toBlob();
    const res = await call('POST', `/api/t/${T}/orgs/import`, {
      token: county.token,
      rawBody: await blob.arrayBuffer(),
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    const p = (await problem(res, 422, 'validation_failed')) as unknown as { errors: Array<{ row: number; column: string; message: string }> };
    const cell = p.errors.find((e) => e.row === 2 && e.column === '达标状态');
    expect(cell?.message).toContain(`${YEAR} 年度“最强党支部（区级）”评定仍然有效`);
    expect(cell?.message).toContain('撤销评定');
    expect(await orgRow(b.id)).toMatchObject({ quality_status: '最强党支部（区级）' });
  });
});

describe('示范点 and what the reward rounds read', () => {
  it('honoursOfYear lists exactly the designations in force (hand-listed), 四(一) eligibility puts 最强 first', async () => {
    const Y = 2031;
    const strongCity = await branch();
    const strongCounty = await branch();
    const standardOnly = await branch();
    const revokedOne = await branch();
    for (const b of [strongCity, strongCounty, standardOnly, revokedOne]) await makeStandardization(T, b.id, 'accepted', { year: Y });
    await json(await designate('county', strongCity.id, county, Y), 201);
    await json(await designate('city', strongCity.id, city, Y), 201);
    await json(await designate('county', strongCounty.id, county, Y), 201);
    const gone = await json<DesignationView>(await designate('county', revokedOne.id, county, Y), 201);
    await json(await call('POST', api(`/county/designations/${gone.id}/revoke`), { token: county.token, body: { reason: '不再符合建设标准' } }), 200);

    const lead = await branch();
    const alliance = await makeAlliance(T, { lead, committee, status: 'active' });
    const site = { subjectType: 'alliance', subjectId: alliance.alliance.id, year: Y, reason: '联建共建成效明显', evidence: '年度考核优秀，项目按期完成' };
    const countySite = await json<DemoSiteView>(await call('POST', api('/county/demo-sites'), { token: county.token, body: site }), 201);
    expect(countySite).toMatchObject({ subjectName: alliance.alliance.name, levelLabel: '区级', status: 'in_force' });
    await problem(await call('POST', api('/county/demo-sites'), { token: county.token, body: site }), 409, 'conflict');
    const citySite = await json<DemoSiteView>(await call('POST', api('/city/demo-sites'), { token: city.token, body: { ...site, subjectType: 'org', subjectId: strongCity.id } }), 201);
    const dropped = await json<DemoSiteView>(await call('POST', api('/city/demo-sites'), { token: city.token, body: { ...site, subjectType: 'org', subjectId: standardOnly.id } }), 201);
    await json(await call('POST', api(`/city/demo-sites/${dropped.id}/revoke`), { token: city.token, body: { reason: '示范作用发挥不明显' } }), 200);
    await problem(await call('POST', api(`/city/demo-sites/${dropped.id}/revoke`), { token: city.token, body: { reason: '再次撤销' } }), 409, 'conflict');

    const key = (h: { kind: string; subjectId: string }) => `${h.kind} ${h.subjectId}`;
    expect((await honoursOfYear(ctx(), Y)).map(key).sort()).toEqual(
      [
        `strongest_county ${strongCity.id}`,
        `strongest_city ${strongCity.id}`,
        `strongest_county ${strongCounty.id}`,
        `demo_site_county ${alliance.alliance.id}`,
        `demo_site_city ${strongCity.id}`,
      ].sort(),
    );
    expect((await honoursOfYear(ctx(), Y)).find((h) => h.kind === 'demo_site_county')).toEqual({ subjectType: 'alliance', subjectId: alliance.alliance.id, kind: 'demo_site_county', year: Y });

    const sites = (await json<{ items: DemoSiteView[] }>(await call('GET', api(`/demo-sites?year=${Y}`), { token: reviewer.token }), 200)).items;
    expect(sites.map((s) => `${s.levelLabel} ${s.statusLabel} ${s.subjectId}`).sort()).toEqual(
      [`区级 有效 ${alliance.alliance.id}`, `市级 有效 ${citySite.subjectId}`, `市级 已撤销 ${standardOnly.id}`].sort(),
    );

    const elig = await json<HonoursEligibility>(await call('GET', api(`/party-honours-eligibility?year=${Y}`), { token: county.token }), 200);
    const mine = elig.items.filter((i) => [strongCity.id, strongCounty.id, standardOnly.id, revokedOne.id].includes(i.orgId));
    expect(mine.map((i) => [i.orgId, i.standing, i.regionalHonours])).toEqual([
      [strongCity.id, 'strongest_city', true],
      [strongCounty.id, 'strongest_county', true],
      ...[standardOnly, revokedOne].sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')).map((b) => [b.id, 'standardized', false]),
    ]);
  });
});
