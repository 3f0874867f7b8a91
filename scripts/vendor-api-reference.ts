// Copies the Scalar API reference bundle into the admin UI's static assets, so
// /docs works without reaching a CDN (government networks are often closed).
import { copyFileSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

const uiRoot = new URL('../workers/admin-ui/', import.meta.url).pathname;
// The package exports no path to its browser bundle; pnpm links it beside the UI package.
const pkgDir = realpathSync(join(uiRoot, 'node_modules/@scalar/api-reference'));
const target = join(uiRoot, 'dist/vendor/scalar/standalone.js');
mkdirSync(dirname(target), { recursive: true });
copyFileSync(join(pkgDir, 'dist/browser/standalone.js'), target);
console.log(`vendored API reference → ${target}`);
