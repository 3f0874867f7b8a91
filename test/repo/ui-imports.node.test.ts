import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The admin UI's capability boundary (ADR 0010): a page of one capability never
// imports another capability's folder. What two capabilities both show lives in
// src/shared (or src/lib, src/api, src/layout); only the two composition roots,
// routes.tsx and menu.tsx, know every feature.

const SRC = new URL('../../workers/admin-ui/src/', import.meta.url).pathname;
/** The files that compose the features: the only ones outside features/ allowed to import them, and never imported by a feature. */
const ROOTS = ['routes.tsx', 'menu.tsx', 'main.tsx'];
const COMPOSERS = ['routes.tsx', 'menu.tsx'];
/** Tests of what the composition roots assemble: early-reads.node.test.ts checks the main pages' first reads against each feature's own preload. */
const COMPOSITION_TESTS = ['early-reads.node.test.ts'];

/** Source file (relative to src, '/' separated) → the src-relative files its relative imports name. */
type ImportGraph = ReadonlyMap<string, readonly string[]>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

/** Every import, re-export and dynamic import() of every file, as TypeScript reads them (comments and strings ignored). */
function readGraph(): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(SRC, resolve(dirname(file), spec)).split('\\').join('/'));
    graph.set(relative(SRC, file).split('\\').join('/'), targets);
  }
  return graph;
}

const featureOf = (path: string) => /^features\/([^/]+)\//.exec(path)?.[1];

/** One message per import that crosses the boundary. */
function violations(graph: ImportGraph): string[] {
  const found: string[] = [];
  for (const [from, targets] of graph) {
    const own = featureOf(from);
    for (const to of targets) {
      const theirs = featureOf(to);
      if (own !== undefined) {
        if (theirs !== undefined && theirs !== own) found.push(`${from} imports ${to}: features/${own} may not import features/${theirs}; move what both need to src/shared`);
        if (ROOTS.includes(to)) found.push(`${from} imports ${to}: a feature may not import a composition root`);
      } else if (theirs !== undefined && !COMPOSERS.includes(from) && !COMPOSITION_TESTS.includes(from)) {
        found.push(`${from} imports ${to}: only ${COMPOSERS.join(' and ')} may import a feature; move what is shared to src/shared`);
      }
    }
  }
  return found;
}

describe('admin UI: no feature imports another feature', () => {
  const graph = readGraph();
  const features = [...new Set([...graph.keys()].map(featureOf).filter((f) => f !== undefined))].sort();

  it('reads the real tree (the features and their imports are found)', () => {
    expect(features).toEqual(expect.arrayContaining(['alliance', 'audit', 'city', 'identity', 'lists', 'registry']));
    const featureImports = [...graph].filter(([f]) => featureOf(f)).flatMap(([, t]) => t);
    expect(featureImports.length).toBeGreaterThan(100);
  });

  it('has no import from one feature into another, and none into a feature from shared, lib, api or layout', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('mounts every feature folder: each has an index.tsx that routes.tsx composes', () => {
    const mounted = graph.get('routes.tsx') ?? [];
    for (const feature of features) {
      expect(graph.has(`features/${feature}/index.tsx`), `features/${feature}/index.tsx`).toBe(true);
      expect(mounted, `routes.tsx composes features/${feature}`).toContain(`features/${feature}/index.tsx`);
    }
  });

  it('reports a planted cross-feature import, a shared piece that reaches into a feature, and a feature importing routes.tsx', () => {
    const planted: ImportGraph = new Map([
      ['features/lists/needs/NeedsPage.tsx', ['features/lists/needs/labels.ts', 'shared/OrgPicker.tsx', 'features/alliance/alliances/labels.ts']],
      ['shared/AlliancePicker.tsx', ['features/alliance/alliances/labels.ts']],
      ['features/audit/AuditPage.tsx', ['routes.tsx']],
      ['routes.tsx', ['features/audit/index.tsx']],
    ]);
    expect(violations(planted)).toEqual([
      'features/lists/needs/NeedsPage.tsx imports features/alliance/alliances/labels.ts: features/lists may not import features/alliance; move what both need to src/shared',
      'shared/AlliancePicker.tsx imports features/alliance/alliances/labels.ts: only routes.tsx and menu.tsx may import a feature; move what is shared to src/shared',
      'features/audit/AuditPage.tsx imports routes.tsx: a feature may not import a composition root',
    ]);
  });
});
