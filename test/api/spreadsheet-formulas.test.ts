import { readSheet } from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { makeAlliance } from '../support/alliance-factories.ts';
import { call, makeOrg, makeUser } from '../support/factories.ts';
import { makeNeed, makeProject } from '../support/list-factories.ts';

// OWASP "CSV injection": text a user typed that starts with = + - @ (or a tab
// or carriage return) must not reach a spreadsheet program as something it
// could evaluate. Every export writes such text with a leading ' — and an
// edited export still imports back to the same names.
const T = 'songshan';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMULA = '=HYPERLINK("http://x","a")';

async function rowsOf(res: Response): Promise<unknown[][]> {
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
  return (await readSheet(await res.arrayBuffer())) as unknown[][];
}
const column = (rows: unknown[][], header: string) => rows.slice(1).map((r) => r[rows[0]!.indexOf(header)]);

describe('Excel exports never hand out a formula', () => {
  it('prefixes an organization named like a formula, keeps numbers numbers, and the export imports back unchanged', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const root = await makeOrg(T, { name: '公式防护测试街道党工委', kind: '党工委', domain: '街道', memberCount: 7 });
    await makeOrg(T, { parent: root, name: FORMULA, kind: '党支部', domain: '社区', memberCount: 12, secretaryName: '@张三' });
    const exported = await call('GET', `/api/t/${T}/orgs/export?under=${root.id}`, { token: admin.token });
    const bytes = await exported.clone().arrayBuffer();
    const rows = await rowsOf(exported);
    expect(column(rows, '组织名称').sort()).toEqual([`'${FORMULA}`, '公式防护测试街道党工委'].sort());
    expect(column(rows, '书记姓名')).toContain("'@张三");
    expect(column(rows, '党员人数').sort()).toEqual([12, 7]);

    const back = await call('POST', `/api/t/${T}/orgs/import`, { token: admin.token, rawBody: bytes, headers: { 'content-type': XLSX } });
    expect(back.status, await back.clone().text()).toBe(200);
    expect(await back.json()).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const list = (await (await call('GET', `/api/t/${T}/orgs?under=${root.id}&limit=10`, { token: admin.token })).json()) as { items: Array<{ name: string }> };
    expect(list.items.map((o) => o.name)).toContain(FORMULA);
  });

  it('prefixes need titles, project titles and alliance names that start like a formula', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const lead = await makeOrg(T, { parent: committee, kind: '党委', domain: '社区' });
    const a = await makeAlliance(T, { lead, committee, name: '@联合体公式防护' });
    await makeNeed(T, a, { title: '+1-2', quantity: 10 });
    await makeNeed(T, a, { title: '\t制表符开头', quantity: 3 });
    await makeProject(T, a, 'in_progress', { title: '-减负项目' });

    const needs = await rowsOf(await call('GET', `/api/t/${T}/needs/export?allianceId=${a.alliance.id}`, { token: admin.token }));
    // makeProject raises a need of its own; ours are the two named here.
    expect(column(needs, '需求名称')).toEqual(expect.arrayContaining(["'+1-2", "'\t制表符开头"]));
    expect(column(needs, '数量')).toEqual(expect.arrayContaining([10, 3]));
    expect(column(needs, '党建联合体')).toContain("'@联合体公式防护");

    const projects = await rowsOf(await call('GET', `/api/t/${T}/projects/export?allianceId=${a.alliance.id}`, { token: admin.token }));
    expect(column(projects, '项目名称')).toEqual(["'-减负项目"]);
    // 1,200,000 分 is 12,000.00 元: a number, not text.
    expect(column(projects, '预算（元）')).toEqual([12000]);

    const alliances = await rowsOf(await call('GET', `/api/t/${T}/alliances/export?committeeId=${committee.id}`, { token: admin.token }));
    expect(column(alliances, '联合体名称')).toEqual(["'@联合体公式防护"]);
  });
});
