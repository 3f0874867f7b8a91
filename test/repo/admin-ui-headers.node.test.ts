import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The admin UI's static files are served by the platform (wrangler.toml
// [assets]), not by the worker: their headers come from the `_headers` file
// vite copies into dist/. This checks it declares what the shell needs, and
// that the shell has nothing the CSP would block.
const root = join(import.meta.dirname, '../..');
const headersFile = readFileSync(join(root, 'workers/admin-ui/public/_headers'), 'utf8');

/** The `_headers` rules: URL pattern → header name (lower case) → value. */
function rules(text: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  let current: Map<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      out.set(line.trim(), current);
      continue;
    }
    const at = line.indexOf(':');
    current!.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return out;
}

describe('the admin UI shell headers (workers/admin-ui/public/_headers)', () => {
  const all = rules(headersFile).get('/*');

  it('every asset, the SPA shell included, is nosniff, unframeable and under the CSP', () => {
    expect(all).toBeDefined();
    expect(all!.get('x-content-type-options')).toBe('nosniff');
    expect(all!.get('x-frame-options')).toBe('DENY');
    const csp = new Map(
      all!
        .get('content-security-policy')!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values.join(' ')]),
    );
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
    });
  });

  it('only content-hashed build output is cached for good; the shell and public/ files are revalidated', () => {
    const r = rules(headersFile);
    expect(r.get('/assets/*')!.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // No other rule makes anything long-lived: index.html names the current build's files.
    for (const [pattern, headers] of r) if (pattern !== '/assets/*') expect(headers.has('cache-control'), pattern).toBe(false);
    // public/ is copied to dist/ as is (no hash): none of it may live under assets/.
    expect(readdirSync(join(root, 'workers/admin-ui/public')).filter((f) => f === 'assets')).toEqual([]);
    // When a build exists, every file in assets/ carries vite's content hash in its name.
    const assets = join(root, 'workers/admin-ui/dist/assets');
    if (existsSync(assets)) for (const f of readdirSync(assets)) expect(f).toMatch(/-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/);
  });

  it('the shell has no inline script and loads nothing from another origin, so script-src \'self\' lets it run', () => {
    const html = readFileSync(join(root, 'workers/admin-ui/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
