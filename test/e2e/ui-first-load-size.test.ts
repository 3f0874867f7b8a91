import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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

  // antd runs in zero-runtime mode (docs/adr/0031): no style is generated while drawing, so every
  // component's styles must be in the stylesheet built from the app's theme, in its colours.
  it('the built stylesheet holds the styles of antd components in the party red theme', () => {
    const dir = join(ROOT, 'workers/admin-ui/dist/assets');
    const css = readdirSync(dir)
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    // The theme's primary colour (workers/admin-ui/src/theme.ts: party red), not antd's default blue.
    expect(css).toContain('--ant-color-primary:#c8161d');
    expect(css).not.toContain('--ant-color-primary:#1677ff');
    // What the pages draw, from the sidebar to the forms and the date pickers.
    const missing = ['.ant-layout', '.ant-menu', '.ant-table', '.ant-pagination', '.ant-form', '.ant-select', '.ant-picker', '.ant-modal', '.ant-drawer', '.ant-tag', '.ant-btn-color-primary', '.ant-checkbox'].filter((component) => !css.includes(`${component}{`));
    expect(missing).toEqual([]);
  });

  // src/early-session.js is inline in index.html (vite.config.ts earlySessionInline): the built
  // _headers must allow exactly that script by its hash, or the browser would refuse to run it and
  // every read would wait for the app's code, silently.
  it('the one inline script of the built index.html is the early-session script, allowed by the CSP\'s hash', () => {
    const dist = join(ROOT, 'workers/admin-ui/dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    // Scripts the browser runs: neither a module with a src nor a JSON data block.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toBe(readFileSync(join(ROOT, 'workers/admin-ui/src/early-session.js'), 'utf8'));
    const hash = createHash('sha256').update(inline[0]!).digest('base64');
    const csp = /Content-Security-Policy: (.*)/.exec(readFileSync(join(dist, '_headers'), 'utf8'))![1]!;
    expect(csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))).toBe(`script-src 'self' 'sha256-${hash}'`);
  });
});

