import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialScripts, measureFiles, total } from '../../bench/lib/ui-bundle.ts';
import { ROOT } from './env.ts';

// The admin UI's first load (issue 15 § 4, docs/adr/0031): the files the built index.html loads
// before the login page draws weigh at most 250 KB gzip. Here, not among the repository checks,
// because the browser tests' server has just built the UI from these sources (test/e2e/server.ts).
const GOAL_KB = 250;

describe('admin UI first load', () => {
  it(`the built initial JavaScript is at most ${GOAL_KB} KB gzip`, () => {
    const dist = join(ROOT, 'workers/admin-ui/dist');
    const initial = measureFiles(dist, initialScripts(dist));
    expect(initial.length).toBeGreaterThan(0);
    expect(Math.round(total(initial).gzip / 1024)).toBeLessThanOrEqual(GOAL_KB);
  });
});
