import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { call, makeUser, snapshotCounts } from '../support/factories.ts';

// The text rule (schema/text.ts) through the real routes: JSON and imported
// spreadsheets alike refuse garbage characters with a field-level Chinese
// message and store text in NFC.
const T = 'yuanbaoshan';
const P = (rest: string) => `/api/t/${T}${rest}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const uniq = () => Math.random().toString(36).slice(2, 7);

interface Problem {
  code: string;
  errors: Array<{ path: string; message: string; row?: number; column?: string }>;
}

async function problem(res: Response, status: number): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as Problem;
}

/** The raw JSON text, so a lone surrogate travels as the \ud800 escape a client would send. */
const rawJson = (json: string) => ({ rawBody: json, headers: { 'content-type': 'application/json' } });

describe('text people type', () => {
  it('a lone surrogate in a category name is a 422 naming the name field', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const p = await problem(await call('POST', P('/list-categories'), { token: admin.token, ...rawJson('{"name":"坏\\ud800类别"}') }), 422);
    expect(p.code).toBe('validation_failed');
    expect(p.errors).toContainEqual({ path: 'json.name', message: '类别名称含有无法识别的字符（乱码），请删除后重新输入' });
  });

  it('a lone surrogate or U+FFFD in an organization name is refused the same way', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    for (const name of ['"测试\\udc00党支部"', '"测试\\ufffd党支部"']) {
      const p = await problem(await call('POST', P('/orgs'), { token: admin.token, ...rawJson(`{"name":${name},"kind":"党支部","domain":"社区"}`) }), 422);
      expect(p.errors).toContainEqual({ path: 'json.name', message: '组织名称含有无法识别的字符（乱码），请删除后重新输入' });
    }
  });

  it('NUL in a name is refused with a field error', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const cat = await problem(await call('POST', P('/list-categories'), { token: admin.token, body: { name: `类\u0000别${uniq()}` } }), 422);
    expect(cat.errors).toContainEqual({ path: 'json.name', message: '类别名称不能含有控制字符或换行' });
    const org = await problem(await call('POST', P('/orgs'), { token: admin.token, body: { name: `测试\u0000党支部`, kind: '党支部', domain: '社区' } }), 422);
    expect(org.errors).toContainEqual({ path: 'json.name', message: '组织名称不能含有控制字符或换行' });
  });

  it('NFD input is stored as NFC: "e\\u0301" comes back as "é", and the two spellings are one name', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const tag = uniq();
    const res = await call('POST', P('/list-categories'), { token: admin.token, body: { name: `Cafe\u0301${tag}` } });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as { name: string }).name).toBe(`Caf\u00e9${tag}`);
    // The precomposed spelling is now a duplicate of the same name.
    const again = await problem(await call('POST', P('/list-categories'), { token: admin.token, body: { name: `Caf\u00e9${tag}` } }), 422);
    expect(again.errors.map((e) => e.path)).toContain('body.name');

    const org = await call('POST', P('/orgs'), { token: admin.token, body: { name: `Rene\u0301党支部${tag}`, kind: '党支部', domain: '社区' } });
    expect(org.status, await org.clone().text()).toBe(201);
    expect(((await org.json()) as { name: string }).name).toBe(`Ren\u00e9党支部${tag}`);
  });

  it('an imported row with a control character in a name is a row error, and nothing is saved', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const headers = ['组织名称', '组织类别', '所属领域'];
    const rows = [
      [`正常党支部${uniq()}`, '党支部', '社区'],
      // U+0085 (NEL) is a C1 control character that survives the workbook's XML.
      [`控制\u0085字符党支部${uniq()}`, '党支部', '社区'],
    ];
    const before = await snapshotCounts(T);
    const blob = await writeXlsxFile([headers, ...rows].map((r) => r.map((value) => ({ value }))) as never).toBlob();
    const res = await call('POST', P('/orgs/import'), { token: admin.token, rawBody: await blob.arrayBuffer(), headers: { 'content-type': XLSX } });
    const p = await problem(res, 422);
    expect(p.errors).toEqual([{ path: 'rows.3.name', row: 3, column: '组织名称', message: '组织名称不能含有控制字符或换行' }]);
    expect(await snapshotCounts(T)).toEqual(before);
  });
});
