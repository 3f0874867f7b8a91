import type { AllianceDetail, Organization } from '@ronghe/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser, type TestUser } from '../../../../../../test/support/factories.ts';

// Who approves (issue 10 §1; seed 000 7.1 上级党(工)委, 8.3 调整、撤销由批准其设立的党(工)委研究决定;
// DOMAIN.md): the approving committee is a committee above the lead in the 隶属 tree, never an
// external organization; every kind of committee can hold reviewers; and only the approving
// committee's own reviewer decides, not one of a committee above it. External organizations take
// part as members and hold no account at all.
const T = 'alukeerqin';

let county: Organization; // 中共阿鲁科尔沁旗委员会
let organs: Organization; // 旗直属机关工委, under the county committee
let tax: Organization; // 税务局党支部, under the organs committee
let town: Organization; // 双胜镇党委
let shanshui: Organization; // a firm's branch under the town
let otherTown: Organization;
let otherVillage: Organization; // a village 党委 of another town
let community: Organization; // a community 党委 under the town (a base organization, no approver)
let external: Organization; // 北京市丰台区种子管理站党支部
let admin: TestUser;
let lead: TestUser;

async function json<R>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
type Problem = { code: string; errors?: Array<{ path: string; message: string }> };
const v = (a: { version: number }) => ({ 'if-match': `"v${a.version}"` });

function body(committeeOrgId: string, extra: Record<string, unknown> = {}) {
  return {
    name: `“税地企”党建联合体${Math.random().toString(36).slice(2, 7)}`,
    type: '党建联合体+',
    typeNote: '党建联合体+放管服',
    model: '跨域抱团联建共促',
    pairingForm: '其他',
    vision: '税务、属地、企业三方联建',
    commonNeeds: '办税缴费与企业服务',
    leadOrgId: tax.id,
    committeeOrgId,
    members: [{ orgId: town.id }, { orgId: shanshui.id }],
    ...extra,
  };
}

async function refused(res: Response, status: number, code: string, path?: string): Promise<Problem> {
  const p = await json<Problem>(res, status);
  expect(p.code).toBe(code);
  if (path) expect(p.errors?.map((e) => e.path)).toContain(path);
  return p;
}

async function createAccount(grants: Array<{ role: string; scopeOrgId?: string }>) {
  return call('POST', `/api/t/${T}/accounts`, {
    token: admin.token,
    body: { username: `rev${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, displayName: '审核人', password: 'Shenhe#2026x', grants },
  });
}

beforeAll(async () => {
  county = await makeOrg(T, { kind: '党委', domain: '旗县区委', name: `中共阿鲁科尔沁旗委员会${Date.now()}` });
  organs = await makeOrg(T, { parent: county, kind: '党工委', domain: '机关', name: `中共阿鲁科尔沁旗直属机关工作委员会${Date.now()}` });
  tax = await makeOrg(T, { parent: organs, kind: '党支部', domain: '机关', name: `国家税务总局阿鲁科尔沁旗税务局党支部${Date.now()}` });
  town = await makeOrg(T, { parent: county, kind: '党委', domain: '苏木乡镇', name: `双胜镇党委${Date.now()}` });
  shanshui = await makeOrg(T, { parent: town, kind: '党支部', domain: '非公有制企业' });
  community = await makeOrg(T, { parent: town, kind: '党委', domain: '社区' });
  otherTown = await makeOrg(T, { parent: county, kind: '党委', domain: '苏木乡镇' });
  otherVillage = await makeOrg(T, { parent: otherTown, kind: '党委', domain: '嘎查村' });
  external = await makeOrg(T, { kind: '党支部', domain: '事业单位', isExternal: true, externalRegion: '北京市丰台区', name: `北京市丰台区种子管理站党支部${Date.now()}` });
  admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
  lead = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: tax.id }]);
});

describe('the approving committee is a committee above the lead (seed 000 7.1)', () => {
  it('refuses a village 党委 of another town, naming the field', async () => {
    const p = await refused(await call('POST', `/api/t/${T}/alliances`, { token: lead.token, body: body(otherVillage.id) }), 422, 'validation_failed', 'body.committeeOrgId');
    expect(p.errors!.find((e) => e.path === 'body.committeeOrgId')!.message).toMatch(/街道党工委、苏木乡镇党委、机关工委/);
  });

  it('refuses a committee that is not above the lead (another town), and an external organization', async () => {
    const p = await refused(await call('POST', `/api/t/${T}/alliances`, { token: lead.token, body: body(town.id) }), 422, 'validation_failed', 'body.committeeOrgId');
    expect(p.errors!.find((e) => e.path === 'body.committeeOrgId')!.message).toMatch(/不是牵头党组织.*的上级党\(工\)委/);
    const ext = await refused(await call('POST', `/api/t/${T}/alliances`, { token: lead.token, body: body(external.id) }), 422, 'validation_failed', 'body.committeeOrgId');
    expect(ext.errors!.find((e) => e.path === 'body.committeeOrgId')!.message).toMatch(/外部组织/);
  });

  it('refuses an external organization as lead', async () => {
    await refused(
      await call('POST', `/api/t/${T}/alliances`, { token: admin.token, body: body(county.id, { leadOrgId: external.id, members: [{ orgId: town.id }] }) }),
      422,
      'validation_failed',
      'body.leadOrgId',
    );
  });

  it('refuses moving a draft to a committee that is not above its lead', async () => {
    const a = await json<AllianceDetail>(await call('POST', `/api/t/${T}/alliances`, { token: lead.token, body: body(organs.id) }), 201);
    await refused(await call('PATCH', `/api/t/${T}/alliances/${a.id}`, { token: lead.token, body: { committeeOrgId: otherTown.id }, headers: v(a) }), 422, 'validation_failed', 'body.committeeOrgId');
    // The county committee is above everyone: a valid approver too.
    const moved = await json<AllianceDetail>(await call('PATCH', `/api/t/${T}/alliances/${a.id}`, { token: lead.token, body: { committeeOrgId: county.id }, headers: v(a) }), 200);
    expect(moved.committeeOrgId).toBe(county.id);
  });
});

describe('every committee can hold reviewers; only the approving committee decides (seed 000 7.2, 8.3)', () => {
  it('阿鲁科尔沁旗 税地企: a reviewer of the 旗直机关工委 is granted and approves; the county committee above it cannot', async () => {
    const made = await json<{ id: string; grants: Array<{ scopeOrgName: string }> }>(await createAccount([{ role: 'committee_reviewer', scopeOrgId: organs.id }]), 201);
    expect(made.grants[0]!.scopeOrgName).toBe(organs.name);
    const organsReviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: organs.id }]);
    const countyReviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: county.id }]);

    let a = await json<AllianceDetail>(await call('POST', `/api/t/${T}/alliances`, { token: lead.token, body: body(organs.id) }), 201);
    await json(await call('POST', `/api/t/${T}/alliances/${a.id}/documents`, { token: lead.token, body: { kind: 'application', title: '关于组建“税地企”党建联合体的请示', content: '特申请组建。' } }), 201);
    a = await json<AllianceDetail>(await call('POST', `/api/t/${T}/alliances/${a.id}/apply`, { token: lead.token, body: {}, headers: v(a) }), 200);
    expect(a.status).toBe('applied');

    // A reviewer of the committee above the approving one: 403, nothing written.
    await refused(await call('POST', `/api/t/${T}/alliances/${a.id}/approve`, { token: countyReviewer.token, body: { replyText: '同意组建。' }, headers: v(a) }), 403, 'forbidden');
    const seen = await json<AllianceDetail & { can?: Record<string, boolean> }>(await call('GET', `/api/t/${T}/alliances/${a.id}`, { token: countyReviewer.token }), 200);
    expect(seen.status).toBe('applied');

    const approved = await json<AllianceDetail>(await call('POST', `/api/t/${T}/alliances/${a.id}/approve`, { token: organsReviewer.token, body: { replyText: '同意组建。' }, headers: v(a) }), 200);
    expect(approved.status).toBe('approved');
  });

  it('a county committee (旗县区委), a park committee and a health committee can have reviewers; a community 党委 cannot', async () => {
    const park = await makeOrg(T, { parent: county, kind: '党工委', domain: '园区' });
    const health = await makeOrg(T, { parent: county, kind: '党委', domain: '医院' });
    for (const org of [county, park, health]) expect((await createAccount([{ role: 'committee_reviewer', scopeOrgId: org.id }])).status, org.domain).toBe(201);
    await refused(await createAccount([{ role: 'committee_reviewer', scopeOrgId: community.id }]), 422, 'validation_failed', 'body.grants.0.scopeOrgId');
  });
});

describe('external members stay outside', () => {
  it('refuses an account of any role for an external organization, naming the field', async () => {
    for (const role of ['org_liaison', 'alliance_admin', 'committee_reviewer', 'member']) {
      const p = await refused(await createAccount([{ role, scopeOrgId: external.id }]), 422, 'validation_failed', 'body.grants.0.scopeOrgId');
      expect(p.errors!.find((e) => e.path === 'body.grants.0.scopeOrgId')!.message, role).toMatch(/外部组织/);
    }
  });
});
