// What the admin UI makes a browser download before it can draw anything:
// the files the built index.html loads (its module script and the
// modulepreload links vite writes for the entry's static imports), measured
// gzip-compressed as a CDN would serve them. Pages are lazy chunks and are
// not counted here; the browser benchmark (bench/ui.ts) measures what a page
// really fetches.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  file: string;
  raw: number;
  gzip: number;
}

export const gzipSize = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;

/** The JavaScript files index.html loads, in its order (entry first). */
export function initialScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files: string[] = [];
  for (const m of html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)) {
    if (!files.includes(m[1]!)) files.push(m[1]!);
  }
  return files;
}

export function measureFiles(dist: string, files: readonly string[]): BundleFile[] {
  return files.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSize(bytes) };
  });
}

export const total = (files: readonly BundleFile[]) => ({
  raw: files.reduce((s, f) => s + f.raw, 0),
  gzip: files.reduce((s, f) => s + f.gzip, 0),
});

/** Every JavaScript chunk in dist/assets, largest (gzip) first. */
export function allChunks(dist: string): BundleFile[] {
  const files = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  return measureFiles(dist, files).sort((a, b) => b.gzip - a.gzip);
}

// `node bench/lib/ui-bundle.ts [dist]`: the initial set and the largest chunks.
if (import.meta.filename === process.argv[1]) {
  const dist = process.argv[2] ?? join(import.meta.dirname, '../../workers/admin-ui/dist');
  const initial = measureFiles(dist, initialScripts(dist));
  for (const f of [...initial].sort((a, b) => b.gzip - a.gzip)) console.log(`${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzip  ${(f.raw / 1024).toFixed(1).padStart(7)} KB  ${f.file}`);
  const t = total(initial);
  console.log(`initial JS: ${initial.length} files, ${(t.gzip / 1024).toFixed(1)} KB gzip (${(t.raw / 1024).toFixed(1)} KB raw)`);
  console.log('largest chunks:');
  for (const f of allChunks(dist).slice(0, 8)) console.log(`${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzip  ${f.file}`);
}
