import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * The code files (.ts, .tsx; tests left out) under `dir`, a path from the repository root, as absolute paths.
 * The walk never enters node_modules: readdirSync's `recursive` follows the workspace links there
 * (packages/x/node_modules/@ronghe/y → packages/y …) into millions of entries and runs out of memory.
 */
export function codeFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : codeFiles(join(dir, e.name));
    return e.isFile() && /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [join(ROOT, dir, e.name)] : [];
  });
}
