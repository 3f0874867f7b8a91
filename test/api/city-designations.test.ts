import type { DesignationView, Organization } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser, type TestUser } from '../support/factories.ts';
import { makeStandardization } from '../support/honours-factories.ts';
import { bindings } from '../support/worker.ts';

// Issue 13 §The city's own work: 最强党支部（市级） is the city's to set, for branches across counties (seed 004 三(四)).
// The write lands in the branch's county (its registry status and honours record, audited there); the rules are
// checked against that county's data; a refusal names the rule; a county cannot set 市级.
const A = 'linxi';
const B = 'kalaqin';
const YEAR = 2031;
const REASON = { reason: '对照五个"强"的标准，市委组织部综合评定' };

let city: TestUser;
let countyA: TestUser;
let countyB: TestUser;

async function json<R>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
async function problem(res: Response, status: number, code: string) {
  const p = await json<{ code: string; detail: string; rule?: string }>(res, status);
  expect(p.code).toBe(code);
  return p;
}
const designateCity = (tenant: string, orgId: string, u: TestUser) => call('POST', `/api/t/${tenant}/honours/city/designations`, { token: u.token, body: { orgId, year: YEAR, ...REASON } });
const row = (tenant: string, sql: string, ...args: unknown[]) => bindings[findTenant(tenant)!.binding]!.prepare(sql).bind(...args).first<Record<string, unknown>>();

async function branchIn(tenant: string, tallies = {}, fields: Partial<Organization> = {}): Promise<Organization> {
  const committee = await makeOrg(tenant, { kind: '党工委', domain: '街道' });
  const b = await makeOrg(tenant, { parent: committee, ...fields });
  await makeStandardization(tenant, b.id, 'accepted', { year: YEAR, tallies });
  return b;
}

beforeAll(async () => {
  city = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
  countyA = await makeUser([{ tenant: A, role: 'county_admin' }]);
  countyB = await makeUser([{ tenant: B, role: 'county_admin' }]);
});

describe('最强党支部（市级） by the city, across counties', () => {
  it('the city designates a branch in two counties; each write lands in that county, audited there by the city', async () => {
    const a = await branchIn(A);
    const b = await branchIn(B);
    const da = await json<DesignationView>(await designateCity(A, a.id, city), 201);
    const db = await json<DesignationView>(await designateCity(B, b.id, city), 201);
    expect([da.level, db.level]).toEqual(['city', 'city']);
    expect(await row(A, 'SELECT quality_status, quality_designated_by FROM organizations WHERE id = ?', a.id)).toEqual({ quality_status: '最强党支部（市级）', quality_designated_by: '市委组织部' });
    expect(await row(A, "SELECT actor_id, actor_role FROM audit_log WHERE action = 'honour.designate' AND entity_id = ?", da.id)).toEqual({ actor_id: city.id, actor_role: 'city_admin' });
    // County B's designation is not in county A (nor the other way round).
    expect(await row(A, 'SELECT id FROM honour_designations WHERE id = ?', db.id)).toBeNull();
    expect(await row(B, 'SELECT id FROM honour_designations WHERE id = ?', da.id)).toBeNull();
    // The city revokes its own; the county cannot revoke the city's (404 on its 区级 route).
    await problem(await call('POST', `/api/t/${B}/honours/county/designations/${db.id}/revoke`, { token: countyB.token, body: { reason: '不是本级评定' } }), 404, 'not_found');
    const revoked = await json<DesignationView>(await call('POST', `/api/t/${B}/honours/city/designations/${db.id}/revoke`, { token: city.token, body: { reason: '复核发现台账不完整' } }), 200);
    expect(revoked.status).toBe('revoked');
  });

  it("refused with the rule named, checked against that county's data", async () => {
    const weak = await branchIn(A, {}, { weakFlag: true });
    const p1 = await problem(await designateCity(A, weak.id, city), 409, 'conflict');
    expect(p1.rule).toBe('not_weak');
    expect(p1.detail).toContain('软弱涣散');
    const lowReview = await branchIn(B, { annualReviewGrade: '良好' });
    const p2 = await problem(await designateCity(B, lowReview.id, city), 409, 'conflict');
    expect(p2.rule).toBe('annual_review_excellent');
    expect(p2.detail).toContain('年度述职评议考核评价等次达不到优秀');
    // A branch of county A named in county B does not exist there.
    const good = await branchIn(A);
    await problem(await designateCity(B, good.id, city), 422, 'validation_failed');
    expect(await row(A, 'SELECT count(*) AS n FROM honour_designations WHERE org_id IN (?, ?)', weak.id, good.id)).toEqual({ n: 0 });
  });

  it('a county cannot set 市级 in its own county (403); another county is not even there for it (404)', async () => {
    const a = await branchIn(A);
    await problem(await designateCity(A, a.id, countyA), 403, 'forbidden');
    await problem(await designateCity(A, a.id, countyB), 404, 'not_found');
    await problem(await call('POST', `/api/t/${A}/honours/city/demo-sites`, { token: countyA.token, body: { subjectType: 'org', subjectId: a.id, year: YEAR, ...REASON, evidence: '示范作用明显' } }), 403, 'forbidden');
    expect(await row(A, 'SELECT count(*) AS n FROM honour_designations WHERE org_id = ?', a.id)).toEqual({ n: 0 });
  });
});
