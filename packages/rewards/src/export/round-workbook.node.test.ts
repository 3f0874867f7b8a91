// The signed export read back: title, columns, totals, signature lines, and
// the A4 page setup with print titles in the file's own XML.
import { inflateRawSync } from 'node:zlib';
import { readSheet } from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { recipient, rules } from '../../../../test/support/rewards-factories.ts';
import { allocate } from '../allocate/index.ts';
import { roundSheetLines, roundWorkbook } from './round-workbook.ts';

/** The files of a zip (the central directory's names, sizes and offsets; stored or deflated). */
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let at = view.getUint32(eocd + 16, true);
  const out = new Map<string, string>();
  for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLen = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + size);
    out.set(name, new TextDecoder().decode(method === 8 ? inflateRawSync(raw) : raw));
    at += 46 + nameLen + extra;
  }
  return out;
}

describe('roundWorkbook', async () => {
  // Tiers 优秀 5,000.00 元, 良好 3,000.00 元, budget 10,000.00 元 (the worked example of allocate.node.test.ts):
  // 甲 4,545.46 元, 乙 2,727.27 元, 丙 2,727.27 元 = 10,000.00 元; 丁 (一般) nothing.
  const recipients = [
    { ...recipient('A', { grade: 'excellent', scoreHundredths: 9500 }), name: '甲联合体' },
    { ...recipient('B', { grade: 'good', scoreHundredths: 8800 }), name: '乙联合体' },
    { ...recipient('C', { grade: 'good', scoreHundredths: 8600 }), name: '=丙联合体' },
    { ...recipient('D', { grade: 'fair', scoreHundredths: 7500 }), name: '丁联合体' },
  ];
  const allocation = allocate({ budgetFen: 1_000_000, method: { kind: 'tiered_grade', tiers: { excellent: 500_000, good: 300_000 } }, rules: rules(), recipients });
  const bytes = await roundWorkbook({
    title: '2025年度红山区党建联合体以奖代补资金分配表',
    subtitle: '预算 10,000.00 元；按考评等次定额',
    lines: roundSheetLines(allocation, recipients),
    signatures: { preparedBy: '张敏' },
    preparedOn: '2026-01-15',
  });
  const rows = (await readSheet(bytes.buffer)) as unknown[][];

  it('has the title, the subtitle and the six columns', () => {
    expect(rows[0]![0]).toBe('2025年度红山区党建联合体以奖代补资金分配表');
    expect(rows[1]![0]).toBe('预算 10,000.00 元；按考评等次定额');
    expect(rows[2]).toEqual(['序号', '单位/联合体', '等次/得分', '依据', '金额（元）', '备注']);
  });

  it('lists each recipient with its basis, amount in 元 and note; a name that could be a formula stays text', () => {
    expect(rows[3]).toEqual([1, '甲联合体', '优秀 / 95.00 分', '等次为优秀，按档定额 5,000.00 元', 4545.46, '预算不足，按应得的 90.9% 计 4,545.45 元；尾差分配 +0.01 元（按余数、得分、编号排序第 1 位）']);
    expect(rows[5]![1]).toBe("'=丙联合体");
    expect(rows[6]!.slice(0, 5)).toEqual([4, '丁联合体', '一般 / 75.00 分', '—', 0]);
  });

  it('totals to the 分 and counts the recipients paid', () => {
    expect(rows[7]![0]).toBe('合计');
    expect(rows[7]![4]).toBe(10000);
    expect(rows[7]![5]).toBe('共 3 个单位获得奖补，合计 10,000.00 元');
  });

  it('ends with the 制表/审核/批准 signature lines and the date', () => {
    const sig = rows[9]!;
    expect([sig[0], sig[2], sig[4]]).toEqual(['制表：张敏', '审核：＿＿＿＿＿＿', '批准：＿＿＿＿＿＿']);
    expect(rows[10]![0]).toBe('制表日期：2026年1月15日');
  });

  it('prints on A4 portrait, fitted to the width, with the header row repeated on every page', () => {
    const files = unzip(bytes);
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(sheet).toMatch(/<pageSetup[^>]*orientation="portrait"/);
    expect(sheet).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheet).toContain('<mergeCell ref="A1:F1"/>');
    expect(files.get('xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'奖补分配表'!$3:$3</definedName>`);
  });
});
