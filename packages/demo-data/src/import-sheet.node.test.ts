import { describe, expect, it } from 'vitest';
import { IMPORT_NAME_PREFIX, importRows, writeImportSheet } from './import-sheet.ts';

describe('import workbook for the benchmark', () => {
  it('gives the same rows for the same count, every name unique and prefixed', () => {
    const a = importRows(500, 'org_00000000000000000000000000');
    expect(importRows(500, 'org_00000000000000000000000000')).toEqual(a);
    expect(new Set(a.map((r) => r.name)).size).toBe(500);
    for (const r of a) {
      expect(String(r.name).startsWith(IMPORT_NAME_PREFIX)).toBe(true);
      expect(r.secretaryPhone).toMatch(/^1[3-9]\d{9}$/);
    }
  });

  it('registers every designation above 未达标 with its year and designating body, as the import requires (seed 004)', () => {
    const rows = importRows(500, 'org_00000000000000000000000000');
    const designated = rows.filter((r) => r.qualityStatus !== '未达标');
    expect(designated.length).toBeGreaterThan(0);
    for (const r of designated) {
      expect(r.qualityYear).toBe(2025);
      expect(r.qualityDesignatedBy).toBe(r.qualityStatus === '最强党支部（区级）' ? '旗县区委' : '旗县区委组织部');
    }
    for (const r of rows.filter((x) => x.qualityStatus === '未达标')) expect(r.qualityYear ?? null).toBeNull();
  });

  it('writes an .xlsx (a zip) with the given headers', async () => {
    const bytes = await writeImportSheet([{ key: 'name', header: '组织名称' }], importRows(3, 'x'));
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
  });
});
