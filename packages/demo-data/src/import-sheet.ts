import writeXlsxFile from 'write-excel-file/universal';
import { firmName, mobile, personName } from './names.ts';
import { rngFrom } from './prng.ts';

/** Column keys of the registry's import workbook (packages/registry/src/orgs/sheet.ts). */
export type ImportColumnKey =
  | 'id' | 'name' | 'parent' | 'kind' | 'domain' | 'divisionCode' | 'isExternal' | 'externalRegion' | 'secretaryName'
  | 'secretaryPhone' | 'liaisonName' | 'liaisonPhone' | 'memberCount' | 'qualityStatus' | 'qualityYear' | 'qualityDesignatedBy' | 'weakFlag';

export type ImportRow = Partial<Record<ImportColumnKey, string | number | null>>;

/** The name every generated import row starts with, so a benchmark can remove its rows again. */
export const IMPORT_NAME_PREFIX = '基准导入';

/**
 * `count` new non-public-firm branches under `parent` (an id or a unique
 * full name), deterministic like the rest of the demo data.
 */
export function importRows(count: number, parent: string, seed = 'ronghe-import'): ImportRow[] {
  const rng = rngFrom(`${seed}\u0000import\u0000${count}`);
  const rows: ImportRow[] = [];
  for (let i = 1; i <= count; i++) {
    const strongest = rng.chance(0.04);
    const qualityStatus = strongest ? '最强党支部（区级）' : rng.pick(['未达标', '标准化规范化', '标准化规范化']);
    // Seed 004: an earlier designation is registered with its year and designating body.
    const designated = qualityStatus === '未达标' ? {} : { qualityYear: 2025, qualityDesignatedBy: strongest ? '旗县区委' : '旗县区委组织部' };
    rows.push({
      name: `${IMPORT_NAME_PREFIX}${String(i).padStart(5, '0')}${firmName(rng, '赤峰')}党支部`,
      parent,
      kind: '党支部',
      domain: '非公有制企业',
      isExternal: '否',
      secretaryName: personName(rng, 0.1),
      secretaryPhone: mobile(rng),
      liaisonName: personName(rng, 0.1),
      liaisonPhone: mobile(rng),
      memberCount: rng.int(3, 45),
      qualityStatus,
      ...designated,
      weakFlag: '否',
    });
  }
  return rows;
}

/** An .xlsx with one header row (the given Chinese titles) and the rows below, in column order. */
export async function writeImportSheet(
  columns: readonly { key: ImportColumnKey; header: string }[],
  rows: readonly ImportRow[],
): Promise<Uint8Array> {
  const data = [
    columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const })),
    ...rows.map((r) => columns.map((c) => ({ value: r[c.key] ?? null }))),
  ];
  const blob = await writeXlsxFile(data as never, { sheet: '党组织' } as never).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
