import { readSheet } from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser, snapshotCounts } from '../../../../../../test/support/factories.ts';

const T = 'songshan';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['组织名称', '上级组织', '组织类别', '所属领域', '书记姓名', '书记电话', '党员人数', '达标状态', '软弱涣散'];

async function workbook(rows: Array<Array<string | number | null>>, headers = HEADERS): Promise<ArrayBuffer> {
  const data = [headers, ...rows].map((r) => r.map((value) => ({ value })));
  const blob = await writeXlsxFile(data as never).toBlob();
  return blob.arrayBuffer();
}

async function upload(token: string, bytes: ArrayBuffer) {
  return call('POST', `/api/t/${T}/orgs/import`, { token, rawBody: bytes, headers: { 'content-type': XLSX } });
}

describe('Excel import', () => {
  it('imports a hierarchy in one go, resolving parents by name inside the file and in the registry', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    await makeOrg(T, { name: '振兴街道党工委', kind: '党工委', domain: '街道' });
    // Issue 10 (seed 004): a new organization above 未达标 carries its designation's year and body.
    const bytes = await workbook([
      // The child comes before its parent on purpose.
      ['富康社区第一网格党支部', '富康社区党委', '党支部', '网格', '刘芳', '13904761111', 12, '标准化规范化', '否', 2023, '松山区委组织部'],
      ['富康社区党委', '振兴街道党工委', '党委', '社区', '陈刚', '0476-8231234', 80, '未达标', '否', null, null],
      ['富康社区第二网格党支部', '富康社区党委', '党支部', '网格', null, null, 9, null, '是', null, null],
    ], [...HEADERS, '评定年度', '评定单位']);
    const res = await upload(admin.token, bytes);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });

    const list = (await (await call('GET', `/api/t/${T}/orgs?q=${encodeURIComponent('富康社区第二')}`, { token: admin.token })).json()) as {
      items: Array<{ parentName: string; depth: number; weakFlag: boolean }>;
    };
    expect(list.items[0]).toMatchObject({ parentName: '富康社区党委', depth: 2, weakFlag: true });
    const audit = (await (await call('GET', `/api/t/${T}/audit?action=org.import_create`, { token: admin.token })).json()) as { items: unknown[] };
    expect(audit.items).toHaveLength(3);
  });

  it('reports every bad cell by row and column in Chinese and saves nothing', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const before = await snapshotCounts(T);
    const bytes = await workbook([
      ['正确的党支部', null, '党支部', '社区', null, null, 5, null, null],
      ['类别错误的组织', null, '支部委员会', '社区', null, null, 5, null, null],
      ['电话错误的组织', null, '党支部', '社区', '张三', '12345', 5, null, null],
      [null, null, '党支部', '社区', null, null, -3, null, null],
      ['上级不存在的组织', '不存在的党委', '党支部', '社区', null, null, 1, null, '也许'],
    ]);
    const res = await upload(admin.token, bytes);
    expect(res.status).toBe(422);
    const p = (await res.json()) as { code: string; detail: string; errors: Array<{ row: number; column: string; message: string }> };
    expect(p.code).toBe('validation_failed');
    expect(p.detail).toMatch(/未导入任何数据/);
    const at = (row: number, column: string) => p.errors.find((e) => e.row === row && e.column === column);
    expect(at(3, '组织类别')?.message).toMatch(/组织类别须为/);
    expect(at(4, '书记电话')?.message).toMatch(/手机号/);
    expect(at(5, '组织名称')?.message).toMatch(/不能为空/);
    expect(at(5, '党员人数')?.message).toMatch(/负数/);
    expect(at(6, '上级组织')?.message).toMatch(/找不到/);
    expect(at(6, '软弱涣散')?.message).toMatch(/是.*否/);
    expect(at(2, '组织名称')).toBeUndefined();
    expect(await snapshotCounts(T)).toEqual(before);
  });

  it('refuses a new organization above 未达标 without the designation year and body (seed 004, issue 10)', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const before = await snapshotCounts(T);
    const res = await upload(admin.token, await workbook([['无评定记录的党支部', null, '党支部', '社区', null, null, 5, '最强党支部（区级）', '否']]));
    expect(res.status).toBe(422);
    const p = (await res.json()) as { code: string; errors: Array<{ row: number; column: string; message: string }> };
    expect(p.code).toBe('validation_failed');
    expect(p.errors.find((e) => e.row === 2 && e.column === '评定年度')?.message).toMatch(/须填写评定年度/);
    expect(p.errors.find((e) => e.row === 2 && e.column === '评定单位')?.message).toMatch(/须填写评定单位/);
    expect(await snapshotCounts(T)).toEqual(before);
  });

  it('registers an earlier 最强党支部 with its year and designating body (legacy registration), which the edit would refuse', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const name = `往年最强党支部${Date.now()}`;
    const res = await upload(admin.token, await workbook([[name, null, '党支部', '社区', null, null, 15, '最强党支部（区级）', '否', 2024, '中共松山区委员会']], [...HEADERS, '评定年度', '评定单位']));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const found = (await (await call('GET', `/api/t/${T}/orgs?q=${encodeURIComponent(name)}`, { token: admin.token })).json()) as { items: Array<Record<string, unknown>> };
    expect(found.items[0]).toMatchObject({ name, qualityStatus: '最强党支部（区级）', qualityYear: 2024, qualityDesignatedBy: '中共松山区委员会' });
    // The same status set by editing another branch is refused (only 最强党支部评定 designates now).
    const other = await makeOrg(T, { kind: '党支部', qualityStatus: '标准化规范化' });
    const edit = await call('PATCH', `/api/t/${T}/orgs/${other.id}`, { token: admin.token, body: { qualityStatus: '最强党支部（区级）' }, headers: { 'if-match': '"v1"' } });
    expect(edit.status).toBe(409);
    expect(await edit.json()).toMatchObject({ code: 'conflict', reason: 'strongest_by_edit' });
  });

  it('refuses a workbook without the required columns, and a file that is not a spreadsheet', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const noKind = await upload(admin.token, await workbook([['某党支部', null]], ['组织名称', '上级组织']));
    expect(noKind.status).toBe(422);
    expect(((await noKind.json()) as { detail: string }).detail).toMatch(/组织类别/);
    const junk = await upload(admin.token, new TextEncoder().encode('not a spreadsheet').buffer as ArrayBuffer);
    expect(junk.status).toBe(422);
    const wrongType = await call('POST', `/api/t/${T}/orgs/import`, { token: admin.token, rawBody: 'x', headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status).toBe(415);
  });

  it('imports 10,000 rows in one all-or-nothing batch, with an audit row each', async () => {
    const admin = await makeUser([{ tenant: 'keshiketeng', role: 'county_admin' }]);
    const rows: Array<Array<string | number | null>> = [];
    for (let s = 0; s < 100; s++) {
      rows.push([`大批量街道${s}党工委`, null, '党工委', '街道', null, null, 0, null, null]);
      for (let c = 0; c < 99; c++) rows.push([`大批量街道${s}第${c}社区党支部`, `大批量街道${s}党工委`, '党支部', '社区', '王芳', '13904760000', c, null, null]);
    }
    const bytes = await workbook(rows);
    const res = await call('POST', '/api/t/keshiketeng/orgs/import', { token: admin.token, rawBody: bytes, headers: { 'content-type': XLSX } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ created: 10_000, updated: 0, unchanged: 0 });
    const list = (await (await call('GET', '/api/t/keshiketeng/orgs?q=' + encodeURIComponent('大批量街道7第'), { token: admin.token })).json()) as { total: number; items: Array<{ depth: number; parentName: string }> };
    expect(list.total).toBe(99);
    expect(list.items[0]).toMatchObject({ depth: 1, parentName: '大批量街道7党工委' });
    const counts = await snapshotCounts('keshiketeng');
    expect(counts.audit).toBe(10_000);

    // Large workbooks zip past fflate's worker threshold: the export must still work in workerd.
    const exported = await call('GET', '/api/t/keshiketeng/orgs/export', { token: admin.token });
    expect(exported.status).toBe(200);
    expect(((await readSheet(await exported.arrayBuffer())) as unknown[][]).length).toBe(10_001);
  });

  it('only a county admin imports', async () => {
    const reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: 'org_x' }]);
    const res = await upload(reviewer.token, await workbook([['某党支部', null, '党支部', '社区', null, null, 1, null, null]]));
    expect(res.status).toBe(403);
  });
});

describe('Excel export', () => {
  it('exports the filtered registry, and the export imports back unchanged', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const root = await makeOrg(T, { name: '导出测试街道党工委', kind: '党工委', domain: '街道' });
    await makeOrg(T, { parent: root, name: '导出测试社区党委', kind: '党委', secretaryPhone: '13904762222' });
    const res = await call('GET', `/api/t/${T}/orgs/export?under=${root.id}`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('松山区党组织'));
    const bytes = await res.arrayBuffer();
    const rows = (await readSheet(bytes)) as unknown[][];
    expect(rows[0]).toContain('组织编号');
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(['导出测试社区党委', '导出测试街道党工委'].sort());
    expect(rows.find((r) => r[1] === '导出测试社区党委')).toContain('13904762222');
    // People read the parent by its name, and the state in the screen's words (issue 10 §3).
    const column = (header: string) => rows[0]!.indexOf(header);
    const child = rows.find((r) => r[1] === '导出测试社区党委')!;
    expect(child[column('上级组织')]).toBe('导出测试街道党工委');
    expect(child[column('状态')]).toBe('在用');
    expect(rows.find((r) => r[1] === '导出测试街道党工委')![column('上级组织')]).toBeNull();

    const back = await upload(admin.token, bytes);
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('masks phones in the export for a reviewer outside its subtree', async () => {
    const street = await makeOrg(T, { kind: '党工委', domain: '街道' });
    await makeOrg(T, { name: '脱敏测试党支部', secretaryPhone: '13904763333' });
    const reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: street.id }]);
    const res = await call('GET', `/api/t/${T}/orgs/export?q=${encodeURIComponent('脱敏测试')}`, { token: reviewer.token });
    const rows = (await readSheet(await res.arrayBuffer())) as unknown[][];
    expect(rows[1]).toContain('139****3333');
  });

  it('serves an import template with a guide sheet', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const res = await call('GET', `/api/t/${T}/orgs/import-template`, { token: admin.token });
    expect(res.status).toBe(200);
    const rows = (await readSheet(await res.arrayBuffer())) as unknown[][];
    expect(rows[0]).toContain('组织名称 *');
  });
});
