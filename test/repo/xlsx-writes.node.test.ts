import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Workbooks are written through @ronghe/core/xlsx only, because that is where
// text cells are guarded against formula injection (OWASP "CSV injection").
// This walks every source file of the packages and deployables, so a new
// export that calls write-excel-file directly is caught, whoever adds it.

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const ALLOWED: ReadonlyArray<{ file: string; why: string }> = [
  { file: 'packages/core/src/xlsx.ts', why: 'the guarded writer itself' },
  { file: 'packages/demo-data/src/import-sheet.ts', why: 'writes generated demo rows as an import file, never user text handed out' },
];

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(path);
  }
  return out;
}

describe('workbook writing', () => {
  it('goes through the guarded writer in @ronghe/core/xlsx everywhere outside tests', () => {
    const files = ['packages', 'workers', 'schema'].flatMap((d) => sources(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(100);
    const direct = files.map((f) => relative(ROOT, f)).filter((f) => /['"]write-excel-file(?:\/[^'"]*)?['"]/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(direct.sort()).toEqual(ALLOWED.map((a) => a.file).sort());
  });
});
