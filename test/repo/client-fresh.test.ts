import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateV1Files } from '../../scripts/lib/v1-generated.ts';

// ADR 0030: the typed client's document and types, and the served changelog,
// are generated from the /v1 router (`pnpm client:generate`). Regenerated
// here in memory: a committed file that differs fails CI.
const root = join(import.meta.dirname, '../..');

describe('@ronghe/client is generated from the /v1 router', () => {
  it('the committed document, types and changelog module equal a fresh generation', async () => {
    const stale: string[] = [];
    for (const [path, contents] of Object.entries(await generateV1Files(root))) {
      const committed = await readFile(join(root, path), 'utf8').catch(() => '');
      if (committed !== contents) stale.push(path);
    }
    expect(stale, `stale generated files — run pnpm client:generate`).toEqual([]);
  }, 60_000);

  it('the generated types are those of openapi-typescript for every /v1 path of the document', async () => {
    const files = await generateV1Files(root);
    const doc = JSON.parse(files['packages/client/src/v1.openapi.json']!) as { paths: Record<string, unknown> };
    const types = files['packages/client/src/v1.d.ts']!;
    expect(Object.keys(doc.paths).length).toBeGreaterThanOrEqual(9);
    for (const path of Object.keys(doc.paths)) expect(types, path).toContain(`"${path}": {`);
    expect(types).toContain('export interface paths');
  }, 60_000);

  it("the example's webhook receiver verifies with the snippet of docs/webhooks.md, character for character", async () => {
    const md = await readFile(join(root, 'docs/webhooks.md'), 'utf8');
    const snippet = /```ts\n([\s\S]*?)```/.exec(md)?.[1];
    expect(snippet).toContain('export async function verifyRonghe');
    expect(await readFile(join(root, 'packages/client/examples/verify-ronghe.ts'), 'utf8')).toBe(snippet);
  });
});
