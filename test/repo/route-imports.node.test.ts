import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// Route folders stay apart (ADR 0010): a capability's routes, under
// workers/api/src/routes/<capability>/, import their own folder, the API's
// shared helpers (workers/api/src/lib) and packages by their root name —
// never another capability's routes, and never a deep path into a package.
// Tests beside the routes may also reach the test support and the deployable.

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const ROUTES = join(ROOT, 'workers/api/src/routes');
const LIB = join(ROOT, 'workers/api/src/lib');
const TEST_ONLY = [join(ROOT, 'test'), join(ROOT, 'workers/edge/src')];

/** Every module specifier a TypeScript source names: static and type imports, re-exports, side-effect and dynamic imports. */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

const within = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);

/** The import rule's breaches in a set of route files (absolute path → source), as `file: specifier (why)`. */
function violations(files: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [file, source] of files) {
    const rel = relative(ROUTES, file);
    const capability = rel.split(sep)[0]!;
    if (!rel.includes(sep)) {
      found.push(`${rel}: route files live in routes/<capability>/`);
      continue;
    }
    const own = join(ROUTES, capability);
    const isTest = file.endsWith('.test.ts');
    for (const spec of specifiers(source)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (within(target, own) || within(target, LIB)) continue;
        if (isTest && TEST_ONLY.some((d) => within(target, d))) continue;
        const why = within(target, ROUTES) ? `another route folder: ${relative(ROUTES, target).split(sep)[0]}` : `outside the routes' own folder and lib`;
        found.push(`${rel}: ${spec} (${why})`);
      } else if (/^@ronghe\/[^/]+\/./.test(spec)) {
        found.push(`${rel}: ${spec} (a deep path into a package: import its root name)`);
      }
    }
  }
  return found;
}

function routeFiles(dir: string, into = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) routeFiles(path, into);
    else if (entry.name.endsWith('.ts')) into.set(path, readFileSync(path, 'utf8'));
  }
  return into;
}

describe('route folders import only themselves, workers/api/src/lib and packages', () => {
  const files = routeFiles(ROUTES);

  it('reads the route tree (every capability folder, with its router list)', () => {
    const capabilities = new Set([...files.keys()].map((f) => relative(ROUTES, f).split(sep)[0]));
    for (const c of ['registry', 'alliance', 'lists', 'identity', 'audit']) {
      expect(capabilities, c).toContain(c);
      expect(files.has(join(ROUTES, c, 'index.ts')), `${c}/index.ts`).toBe(true);
    }
    expect(files.size).toBeGreaterThan(90);
  });

  it('no route file imports another route folder, nor a package by a deep path', () => {
    expect(violations(files)).toEqual([]);
  });

  it('the rule sees a planted breach of each kind (so an empty list above means something)', () => {
    const at = (p: string) => join(ROUTES, p);
    const planted = new Map([
      [at('lists/needs/get.ts'), "import { ETagHeader } from '../../alliance/alliances/params.ts';\nimport { x } from '../../../lib/xlsx.ts';"],
      [at('lists/needs/list.ts'), "export { y } from '../../registry/orgs/export.ts';"],
      [at('registry/orgs/get.ts'), "import { z } from '@ronghe/lists/src/needs.ts';\nimport { w } from '@ronghe/lists';"],
      [at('alliance/red/get.ts'), "const m = await import('../../lists/params.ts');"],
      [at('audit/list.ts'), "import '../../../../edge/src/index.ts';"],
      [at('stray.ts'), ''],
      [at('lists/needs/ok.test.ts'), "import { call } from '../../../../../../test/support/factories.ts';\nimport edge from '../../../../../edge/src/index.ts';\nimport { NeedParams } from '../params.ts';"],
    ]);
    expect(violations(planted)).toEqual([
      'lists/needs/get.ts: ../../alliance/alliances/params.ts (another route folder: alliance)',
      'lists/needs/list.ts: ../../registry/orgs/export.ts (another route folder: registry)',
      'registry/orgs/get.ts: @ronghe/lists/src/needs.ts (a deep path into a package: import its root name)',
      'alliance/red/get.ts: ../../lists/params.ts (another route folder: lists)',
      "audit/list.ts: ../../../../edge/src/index.ts (outside the routes' own folder and lib)",
      'stray.ts: route files live in routes/<capability>/',
    ]);
  });
});
