import { readSheet } from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import { AppError } from './errors.ts';

// Every workbook the platform hands out is written here, so the guard against
// formula injection (OWASP "CSV injection") is applied once, not per export:
// a text cell a user typed — an organization or need name — that starts with
// `=`, `+`, `-`, `@`, a tab or a carriage return is what a spreadsheet program
// may evaluate as a formula once the cell is edited or the sheet is saved as
// CSV. Such text gets a leading `'`, which every spreadsheet shows as text.
// Numbers are not text: a negative amount stays a number.

/** The first characters a spreadsheet program may read as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as it is written to a cell: prefixed with `'` when it could start a formula. */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The text as it is read back from a cell: the `'` {@link spreadsheetText}
 * added is removed again, so an exported workbook edited and imported keeps
 * its names exactly. Only a `'` in front of a formula start is removed; any
 * other text is returned as it is.
 */
export function fromSpreadsheetText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export type SheetValue = string | number | boolean | Date | null | undefined;
/** One cell as write-excel-file takes it (value plus style), kept open for its options. */
export type SheetCell = { value: SheetValue; [option: string]: unknown };

export interface SheetSpec {
  sheet: string;
  /** Rows of cells; `null` stands for a cell covered by a neighbour's `columnSpan`/`rowSpan`. */
  data: ReadonlyArray<ReadonlyArray<SheetCell | null>>;
  columns?: ReadonlyArray<{ width: number }>;
  stickyRowsCount?: number;
  /** Page setup for printing on A4 paper (write-excel-file writes paper size 9, A4, whenever an orientation is set). */
  orientation?: 'portrait' | 'landscape';
  /** Rows repeated at the top of every printed page (1-based, inclusive): the column headers of a long signed table. */
  printTitleRows?: { first: number; last: number };
  /** Shrink the printed page to the paper's width (as many pages down as needed). */
  fitToWidth?: boolean;
}

function guard(cell: SheetCell | null): SheetCell | null {
  return cell && typeof cell.value === 'string' && FORMULA_START.test(cell.value) ? { ...cell, value: spreadsheetText(cell.value) } : cell;
}

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What write-excel-file does not write itself, added through its "features"
 * hook (a transform of the generated XML): print titles as the workbook's
 * `_xlnm.Print_Titles` defined names, and fit-to-width page setup.
 */
function printFeature(sheets: ReadonlyArray<SheetSpec>) {
  return {
    files: {
      transform: {
        'xl/workbook.xml': {
          transform: (xml: string) => {
            const names = sheets
              .map((s, i) =>
                s.printTitleRows
                  ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlAttr(`'${s.sheet.replace(/'/g, "''")}'!$${s.printTitleRows.first}:$${s.printTitleRows.last}`)}</definedName>`
                  : '',
              )
              .join('');
            return names ? xml.replace(/<definedNames\s*\/>|<definedNames>\s*<\/definedNames>/, `<definedNames>${names}</definedNames>`) : xml;
          },
        },
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml: string, options: Partial<SheetSpec>) =>
            options.fitToWidth
              ? xml.replace(/(<worksheet[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>').replace('<pageSetup ', '<pageSetup fitToWidth="1" fitToHeight="0" ')
              : xml,
        },
      },
    },
  };
}

/** An .xlsx workbook of one or more sheets, every text cell guarded against formula injection. */
export async function writeWorkbook(sheets: ReadonlyArray<SheetSpec>): Promise<Uint8Array<ArrayBuffer>> {
  const guarded = sheets.map((s) => ({ ...s, data: s.data.map((row) => row.map(guard)) }));
  const print = sheets.some((s) => s.printTitleRows || s.fitToWidth);
  // write-excel-file's overloads take either (data, options) or an array of
  // sheets; its typings do not describe the array form, hence the cast.
  const blob = await (print ? writeXlsxFile(guarded as never, { features: [printFeature(sheets)] } as never) : writeXlsxFile(guarded as never)).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** A cell as an import reads it: text (formula guard removed, NFC), a number, a boolean, or empty. */
export type RawCell = string | number | boolean | null;

/** An import's column: the Chinese header it is found by, and whether the sheet must have it. */
export interface ImportColumn<K extends string> {
  readonly key: K;
  readonly header: string;
  readonly required?: boolean;
}

/** One data row of an imported sheet, by column key; `row` is the 1-based row number Excel shows (the header is row 1). */
export interface RawSheetRow<K extends string> {
  row: number;
  cells: Partial<Record<K, RawCell>>;
}

/**
 * The first sheet of an uploaded workbook as rows keyed by column, found by
 * their Chinese headers (a trailing `*` marking a required column is ignored).
 * Every import reads its file here, so they refuse alike, in Chinese: a file
 * that is not a workbook, a missing required column, no data rows, more than
 * `maxRows`.
 */
export async function readImportSheet<K extends string>(bytes: ArrayBuffer, columns: ReadonlyArray<ImportColumn<K>>, maxRows: number): Promise<RawSheetRow<K>[]> {
  let data: unknown[][];
  try {
    data = (await readSheet(bytes)) as unknown[][];
  } catch {
    throw new AppError('validation_failed', '无法读取文件：请上传 Excel .xlsx 文件（可先下载导入模板）', {
      errors: [{ path: 'body', message: '文件不是有效的 .xlsx 表格' }],
    });
  }
  const header = (data[0] ?? []).map((h) => (h == null ? '' : String(h).trim().replace(/\s*\*$/, '')));
  const index = new Map<K, number>();
  for (const col of columns) {
    const at = header.indexOf(col.header);
    if (at >= 0) index.set(col.key, at);
  }
  const missing = columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.header);
  if (missing.length) {
    throw new AppError('validation_failed', `表头缺少必填列：${missing.join('、')}`, {
      errors: missing.map((h) => ({ path: `header.${h}`, row: 1, column: h, message: `缺少“${h}”列` })),
    });
  }
  const rows: RawSheetRow<K>[] = [];
  for (let i = 1; i < data.length; i++) {
    const line = data[i] ?? [];
    if (line.every((v) => v == null || String(v).trim() === '')) continue;
    const cells: Partial<Record<K, RawCell>> = {};
    for (const [key, at] of index) {
      const v = line[at];
      // fromSpreadsheetText: an exported cell's formula guard comes off again, so an edited export imports back exactly;
      // NFC, so names in the file compare with stored names as the schemas store them.
      cells[key] = v instanceof Date ? v.toISOString() : typeof v === 'string' ? fromSpreadsheetText(v).normalize('NFC') : ((v ?? null) as RawCell);
    }
    rows.push({ row: i + 1, cells });
  }
  if (rows.length === 0) {
    throw new AppError('validation_failed', '表格中没有数据行', { errors: [{ path: 'body', message: '表格中没有数据行' }] });
  }
  if (rows.length > maxRows) {
    throw new AppError('validation_failed', `单次最多导入 ${maxRows} 行，请拆分文件`, {
      errors: [{ path: 'body', message: `共 ${rows.length} 行，超过 ${maxRows} 行上限` }],
    });
  }
  return rows;
}
