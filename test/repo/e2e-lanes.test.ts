import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { E2E_LANES } from '../e2e/lanes.ts';

// scripts/test.ts runs the browser stories lane by lane (two at once): a story in no lane would
// never run in the full suite, one in two lanes would run twice at once against itself.
describe('browser-story lanes', () => {
  it('hold every story exactly once', () => {
    const stories = readdirSync(new URL('../e2e/', import.meta.url)).filter((f) => f.endsWith('.test.ts')).map((f) => `test/e2e/${f}`).sort();
    const laned = E2E_LANES.flat();
    expect([...laned].sort()).toEqual(stories);
    expect(new Set(laned).size).toBe(laned.length);
  });
});
