import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFiles, ROOT } from './source-files.ts';

// The workers tests run many files in one isolate and empty every database between them (ADR 0035): a
// per-isolate cache of what a database held must be forgotten there too, or a file could read values kept
// from another file's rows. Such a cache is a module-level instance of one of these classes.
const CACHE_CLASSES = ['CountedCache', 'CandidateCache', 'SessionCache'];
const SETUP = 'test/support/apply-migrations.ts';

describe('per-isolate caches and the workers tests', () => {
  it('every module-level cache of a database is cleared by the setup that empties the databases', () => {
    const declared = new RegExp(`^(export )?const (\\w+)\\s*(?::[^=]+)?=\\s*new (${CACHE_CLASSES.join('|')})\\b`, 'gm');
    const caches = ['packages', 'workers'].flatMap((d) => codeFiles(d)).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(declared)].map((m) => ({ file: f, name: m[2]!, exported: m[1] !== undefined })));
    // The three of ADR 0034 and the session middleware's: a search that finds fewer is looking in the wrong place.
    expect(caches.map((c) => c.name).sort()).toEqual(expect.arrayContaining(['boardCache', 'candidateCache', 'sessionCache']));
    const setup = readFileSync(join(ROOT, SETUP), 'utf8');
    const missing = caches.filter((c) => !c.exported || !setup.includes(`${c.name}.clear()`)).map((c) => `${c.file}: ${c.name}`);
    expect(missing, `not cleared in ${SETUP}`).toEqual([]);
  });
});
