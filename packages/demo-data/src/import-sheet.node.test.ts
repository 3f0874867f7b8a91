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

  it('writes an .xlsx (a zip) with the given headers', async () => {
    const bytes = await writeImportSheet([{ key: 'name', header: '组织名称' }], importRows(3, 'x'));
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
  });
});
