import { BODY_LIMITS, XLSX } from '@ronghe/http';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { makeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, snapshotCounts } from '../../../../../../test/support/factories.ts';
import { streetOf } from '../../../../../../test/support/list-factories.ts';

// A county's needs list runs to thousands of rows. The import route declares a
// workbook body (20 MB), so a 10,000-row workbook — far past the 256 KB of a
// JSON body — reaches the import's own checks instead of a 413.
const T = 'balinyou';
const ROWS = 10_000;
/** A title of 80 varied Chinese characters (a fixed LCG, so every run builds the same workbook): real lists do not compress to nothing. */
function title(i: number): string {
  let x = i * 2654435761 + 1;
  let out = `第${i + 1}号`;
  for (let k = 0; k < 80; k++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += String.fromCharCode(0x4e00 + (x % 0x51a5));
  }
  return out;
}
const header = ['需求名称', '需求来源', '类别', '数量', '单位', '紧急程度', '截止日期', '提出单位', '街道（苏木乡镇）'];

describe('needs import size', () => {
  it(`a ${ROWS.toLocaleString('en')}-row workbook is imported whole, not refused with 413`, async () => {
    const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const lead = await makeOrg(T, { parent: committee, kind: '党委', domain: '社区' });
    const alliance = await makeAlliance(T, { lead, committee, status: 'active' });
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const street = streetOf(T);
    const rows = Array.from({ length: ROWS }, (_, i) => [
      title(i),
      '群众点单',
      '养老服务',
      (i % 50) + 1,
      '人次',
      '一般',
      '2099-06-30',
      null,
      street,
    ]);
    const bytes = await (await writeXlsxFile([header, ...rows].map((r) => r.map((value) => ({ value }))) as never).toBlob()).arrayBuffer();
    expect(bytes.byteLength, 'the workbook is larger than any JSON body may be').toBeGreaterThan(BODY_LIMITS.json);
    expect(bytes.byteLength, 'about 2 MB').toBeGreaterThan(1024 * 1024);
    expect(bytes.byteLength).toBeLessThan(BODY_LIMITS.xlsx);

    const before = await snapshotCounts(T);
    const res = await call('POST', `/api/t/${T}/needs/import?allianceId=${alliance.alliance.id}`, { token: admin.token, rawBody: bytes, headers: { 'content-type': XLSX } });
    const text = await res.clone().text();
    // All 10,000 rows created in one import (all-or-nothing), and exactly those.
    expect(res.status, text).toBe(200);
    expect(((await res.json()) as { created: number }).created).toBe(ROWS);
    const after = await snapshotCounts(T);
    expect(after.tables.needs!.rows - before.tables.needs!.rows).toBe(ROWS);
  });
});
