import { readSheet } from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { fromSpreadsheetText, spreadsheetText, writeWorkbook } from './xlsx.ts';

describe('spreadsheet text guard', () => {
  it('prefixes text that a spreadsheet could read as a formula, and only that', () => {
    for (const t of ['=1+1', '+1-2', '-3', '@SUM(A1)', '\tx', '\rx']) expect(spreadsheetText(t)).toBe(`'${t}`);
    for (const t of ['富康社区党委', 'a=b', ' =1', "'quoted", '', '13904761234']) expect(spreadsheetText(t)).toBe(t);
  });

  it('takes the prefix off again on the way back, and leaves other text as it is', () => {
    for (const t of ['=1+1', '+1-2', '-3', '@x', '\tx', '富康社区党委', "'quoted", "'"]) expect(fromSpreadsheetText(spreadsheetText(t))).toBe(t);
    expect(fromSpreadsheetText("'富康")).toBe("'富康");
  });

  it('guards only text cells in a written workbook: numbers, including negative ones, stay numbers', async () => {
    const bytes = await writeWorkbook([{ sheet: 'S', data: [[{ value: '=1+1' }, { value: -5 }, { value: null }, { value: '正常' }]] }]);
    const rows = (await readSheet(bytes.buffer)) as unknown[][];
    expect(rows[0]).toEqual(["'=1+1", -5, null, '正常']);
  });
});
