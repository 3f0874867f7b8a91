// Rewrites the generated D1 section of wrangler.toml from the tenant registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceD1Section } from './lib/wrangler-d1.ts';

const path = new URL('../wrangler.toml', import.meta.url);
writeFileSync(path, replaceD1Section(readFileSync(path, 'utf8')));
console.log('wrangler.toml: D1 bindings rewritten from the tenant registry');
