import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFiles, ROOT } from './source-files.ts';

// D1 refuses a LIKE or GLOB pattern over 50 bytes (ADR 0014), and the local D1
// the tests run on does not, so a LIKE on what a person typed passes every
// test and fails in production. Searches go through packages/core/src/search.ts
// (trigram index or instr()); this test keeps LIKE to patterns written in the code.

const files = [...codeFiles('packages'), ...codeFiles('workers'), ...codeFiles('schema')];

/** Lines where LIKE/GLOB takes a bound value or an expression, or drizzle's like()/ilike()/glob() is called. */
function likeOnValues(text: string): string[] {
  return text.split('\n').filter(
    (line) =>
      /\b(NOT\s+)?(LIKE|GLOB)\s*(\$\{|\?|\(|[a-z_."]+\s*\|\||'[^']*'\s*\|\|)/i.test(line) || /\b(i?like|notLike|notIlike|glob)\(/.test(line.replace(/\/\/.*$/, '')),
  );
}

describe('LIKE only on patterns the code writes', () => {
  it('reads the sources it checks', () => {
    expect(files.some((f) => f.endsWith('packages/core/src/search.ts'))).toBe(true);
    expect(files.length).toBeGreaterThan(100);
  });

  it('finds the shapes it forbids', () => {
    expect(likeOnValues("sql`${organizations.name} LIKE ${pattern} ESCAPE '\\\\'`")).toHaveLength(1);
    expect(likeOnValues('where(like(organizations.name, q))')).toHaveLength(1);
    expect(likeOnValues("name LIKE '%' || ? || '%'")).toHaveLength(1);
    expect(likeOnValues("quality_status LIKE '最强党支部%'")).toEqual([]);
  });

  it('no source file binds user text into LIKE or GLOB', () => {
    const found = files.flatMap((f) => likeOnValues(readFileSync(f, 'utf8')).map((line) => `${relative(ROOT, f)}: ${line.trim()}`));
    expect(found).toEqual([]);
  });
});
