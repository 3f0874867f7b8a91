import { loadChifengDivisions } from './divisions.ts';
import { generateDemoData } from './generate.ts';
import type { DemoData } from './types.ts';

// The whole demo of seed 003's Chifeng (scale 1, the people included) is seconds of generation and some 260 MB.
// The demo-data tests only read it. Their vitest project keeps one module graph per worker across files
// (vitest.config.ts, project `demo-data`: isolate false), so it is generated once per worker instead of once
// per file; generate.node.test.ts generates it again and compares digests, which also catches a test that
// changed the shared copy.
let chifeng: DemoData | undefined;

/** The demo data `pnpm start` seeds: the default seed, scale 1, people included. */
export const chifengDemo = (): DemoData => (chifeng ??= generateDemoData({ divisions: loadChifengDivisions() }));
