// The city rollup written out as open data (issue 13 § Exports and open data):
// one Excel workbook with a sheet per topic, titled and dated, and a CSV per
// topic (UTF-8 with a BOM, so Excel opens the Chinese right). Pure: a
// CityRollup and the time of export in, bytes or text out. The topics, their
// columns and rows are schema/open-data.ts, shared with the admin UI's page.
import { spreadsheetText, writeWorkbook, type SheetCell } from '@ronghe/core/xlsx';
import { beijingTime, fenToYuanText, OPEN_DATA_TOPICS, type CityRollup, type OpenDataCell, type OpenDataColumn, type OpenDataTopic } from '@ronghe/schema';

/** What every file is called and titled by. */
export const OPEN_DATA_NAME = '赤峰市融合党建开放数据';

/** The line under a sheet's title: when the figures were true, and when they were exported. */
export function datedLine(rollup: Pick<CityRollup, 'asOf'>, now: number): string {
  const asOf = rollup.asOf === null ? '尚未统计' : `${beijingTime(rollup.asOf)}（北京时间）`;
  return `数据截至：${asOf}；导出时间：${beijingTime(now)}（北京时间）`;
}

const border = { borderStyle: 'thin' } as const;

function sheetCell(column: OpenDataColumn, value: OpenDataCell): SheetCell {
  if (value === null) return { value: null, ...border };
  switch (column.kind) {
    case 'fen':
      // 元 as a number (the sheet can be summed again), written from the integer 分.
      return { value: (value as number) / 100, type: Number, format: '#,##0.00', ...border };
    case 'time':
      return { value: beijingTime(value as number), type: String, ...border };
    case 'count':
      return { value: value as number, type: Number, ...border };
    default:
      return { value: String(value), type: String, ...border };
  }
}

/** The sheet of one topic: the merged title, the dated line, the header row, then 全市 and each county. */
export function topicSheet(topic: OpenDataTopic, rollup: CityRollup, now: number) {
  const width = topic.columns.length;
  const span = (cell: SheetCell) => [{ ...cell, columnSpan: width }, ...Array<null>(width - 1).fill(null)];
  const data: (SheetCell | null)[][] = [
    span({ value: `${OPEN_DATA_NAME}·${topic.title}`, type: String, fontWeight: 'bold', fontSize: 14, height: 28, alignVertical: 'center' }),
    span({ value: datedLine(rollup, now), type: String }),
    topic.columns.map((c) => ({ value: c.title, type: String, fontWeight: 'bold', backgroundColor: '#F2F2F2', wrap: true, ...border })),
    ...topic.rows(rollup).map((row) => row.map((v, i) => sheetCell(topic.columns[i]!, v))),
  ];
  return {
    sheet: topic.title,
    data,
    columns: topic.columns.map((c) => ({ width: c.kind === 'text' ? (c.title === '数据状态' ? 30 : 14) : c.kind === 'time' ? 18 : Math.max(10, c.title.length * 2 + 2) })),
    stickyRowsCount: 3,
  };
}

/** The workbook: one sheet per topic, in OPEN_DATA_TOPICS order. */
export function rollupWorkbook(rollup: CityRollup, now: number): Promise<Uint8Array<ArrayBuffer>> {
  return writeWorkbook(OPEN_DATA_TOPICS.map((t) => topicSheet(t, rollup, now)));
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvText(column: OpenDataColumn, value: OpenDataCell): string {
  if (value === null) return '';
  if (column.kind === 'fen') return fenToYuanText(value as number);
  if (column.kind === 'time') return beijingTime(value as number);
  // Text (names of counties, categories) is guarded like a workbook's cells: a CSV opens in a spreadsheet.
  return column.kind === 'text' ? spreadsheetText(String(value)) : String(value);
}

/** One topic as CSV: a BOM, the header row, then the rows, CRLF line ends. Machine-readable: no title lines. */
export function topicCsv(topic: OpenDataTopic, rollup: CityRollup): string {
  const lines = [topic.columns.map((c) => csvField(c.title)), ...topic.rows(rollup).map((row) => row.map((v, i) => csvField(csvText(topic.columns[i]!, v))))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
