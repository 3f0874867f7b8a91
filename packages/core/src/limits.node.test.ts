import { describe, expect, it } from 'vitest';
import { jsonChunks } from './batch.ts';
import { ftsPhrase } from './search.ts';

describe('jsonChunks: rows as bound JSON values D1 accepts', () => {
  it('splits at 400 rows, keeping every row once and in order', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => [i, `行${i}`]);
    const chunks = jsonChunks(rows);
    expect(chunks.map((c) => (JSON.parse(c) as unknown[]).length)).toEqual([400, 400, 201]);
    expect(chunks.flatMap((c) => JSON.parse(c) as unknown[])).toEqual(rows);
  });

  it('splits before a chunk would pass 1,000,000 bytes of UTF-8', () => {
    // A row is {"i":N,"d":"述…"}: 3,011 bytes + the digits of N, + 1 for its comma. The first chunk holds
    // 10 rows of 3,013, 90 of 3,014, then rows of 3,015: (999,998 − 301,390) / 3,015 → 231 more, 331 in all;
    // the second chunk 999,998 / 3,015 → 331; 38 rows are left.
    const rows = Array.from({ length: 700 }, (_, i) => ({ i, d: '述'.repeat(1_000) }));
    const chunks = jsonChunks(rows);
    for (const c of chunks) expect(new TextEncoder().encode(c).length).toBeLessThanOrEqual(1_000_000);
    expect(chunks.map((c) => (JSON.parse(c) as unknown[]).length)).toEqual([331, 331, 38]);
  });

  it('gives no chunk for no rows', () => {
    expect(jsonChunks([])).toEqual([]);
  });
});

describe('ftsPhrase: a query as one FTS5 string', () => {
  it('quotes the whole query and doubles the double quotes inside it', () => {
    expect(ftsPhrase('永业社区')).toBe('"永业社区"');
    expect(ftsPhrase('a "b" NEAR(c*')).toBe('"a ""b"" NEAR(c*"');
  });
});
