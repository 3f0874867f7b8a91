// Child process of optimised-code.node.test.ts, run with --expose-gc
// --trace-deopt: warms `assign` up on one instance until V8 has optimised the
// engine, prints a marker, forces a full collection and calls it again. V8's
// trace (on stdout) then tells whether the collection threw optimised code away.
import { assign } from './assign.ts';
import { prng, smallInstance } from './test-fixtures.ts';
import type { MatchNeed, MatchResource } from './types.ts';

const rand = prng(20261205);
const needs: MatchNeed[] = [];
const resources: MatchResource[] = [];
const excluded = new Set<string>();
let options = smallInstance(rand).options;
// Many small instances side by side: several components, every feature in play.
for (let k = 0; k < 60; k++) {
  const part = smallInstance(rand);
  for (const n of part.needs) needs.push({ ...n, id: `${k}-${n.id}`, allianceId: `${k}-${n.allianceId}` });
  for (const r of part.resources) resources.push({ ...r, id: `${k}-${r.id}`, allianceId: `${k}-${r.allianceId}` });
  for (const pair of part.options.excluded ?? []) excluded.add(pair.replace(/^n/, `${k}-n`).replace(/\|r/, `|${k}-r`));
  options = part.options;
}
const input = { ...options, excluded };
let units = 0;
for (let i = 0; i < 400; i++) units = assign(needs, resources, input).unitsServed;
// V8 compiles on background threads: on a busy machine give them time, then let the main thread install the code.
await new Promise((done) => setTimeout(done, 500));
for (let i = 0; i < 200; i++) units = assign(needs, resources, input).unitsServed;
console.log(`=== WARM ${units}`);
// V8 keeps a map that optimised code uses for two more full collections
// (retain_maps_for_n_gc) before it lets it go: collect a few times.
for (let i = 0; i < 4; i++) (globalThis as { gc?: () => void }).gc!();
console.log('=== COLLECTED');
for (let i = 0; i < 3; i++) units = assign(needs, resources, input).unitsServed;
console.log(`=== DONE ${units}`);
