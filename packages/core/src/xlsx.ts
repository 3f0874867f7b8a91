import writeXlsxFile from 'write-excel-file/universal';

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
  data: ReadonlyArray<ReadonlyArray<SheetCell>>;
  columns?: ReadonlyArray<{ width: number }>;
  stickyRowsCount?: number;
}

function guard(cell: SheetCell): SheetCell {
  return typeof cell.value === 'string' && FORMULA_START.test(cell.value) ? { ...cell, value: spreadsheetText(cell.value) } : cell;
}

/** An .xlsx workbook of one or more sheets, every text cell guarded against formula injection. */
export async function writeWorkbook(sheets: ReadonlyArray<SheetSpec>): Promise<Uint8Array<ArrayBuffer>> {
  const guarded = sheets.map((s) => ({ ...s, data: s.data.map((row) => row.map(guard)) }));
  // write-excel-file's overloads take either (data, options) or an array of
  // sheets; its typings do not describe the array form, hence the cast.
  const blob = await writeXlsxFile(guarded as never).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
