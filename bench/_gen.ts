import { writeFileSync } from 'node:fs';
import { importRows, writeImportSheet } from '../packages/demo-data/src/import-sheet.ts';
import { ORG_COLUMNS } from '../packages/registry/src/org-sheet.ts';
for (const n of [3, 300, 2000]) writeFileSync(`/tmp/imp${n}.xlsx`, await writeImportSheet(ORG_COLUMNS, importRows(n, process.argv[2]!)));
