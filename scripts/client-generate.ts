// pnpm client:generate — regenerates the /v1 document, the typed client's types and the served changelog (ADR 0030).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateV1Files } from './lib/v1-generated.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [path, contents] of Object.entries(await generateV1Files(root))) {
  const file = join(root, path);
  const before = await readFile(file, 'utf8').catch(() => null);
  if (before === contents) {
    console.log(`unchanged ${path}`);
    continue;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, contents);
  console.log(`wrote     ${path}`);
}
