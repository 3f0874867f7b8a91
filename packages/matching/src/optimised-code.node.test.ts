import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A warm isolate must stay warm: V8 frees a class's map in a full collection
 * when no instance is alive, and throws away every function optimised
 * against it, so the next `assign` pays the JIT again (1.3–1.4 s of CPU on
 * the 1× county instead of 0.85 s). Engine objects never outlive a call, so
 * the maps are anchored (`keepShape` in @ronghe/flow). V8's own trace is the
 * witness: it names each function it deoptimises and why.
 */
describe('assign after a full garbage collection', () => {
  it('keeps its optimised code (no "weak objects" deoptimisation)', () => {
    const child = fileURLToPath(new URL('./optimised-code.child.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--expose-gc', '--trace-opt', '--trace-deopt', child], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const out = run.stdout;
    const warm = out.indexOf('=== WARM');
    const done = out.indexOf('=== DONE');
    expect(warm).toBeGreaterThan(0);
    expect(done).toBeGreaterThan(warm);
    // The trace is meaningful only if the solver and the builder were optimised before the collections
    // (dischargeNode is the stage max flow's work per node; stage itself is now a few calls).
    const before = out.slice(0, warm);
    for (const fn of ['shortestPaths', 'admissibleMaxFlow', 'dischargeNode', 'buildNetwork', 'needClasses']) {
      expect(before, fn).toMatch(new RegExp(`completed optimizing [^\\n]*<JSFunction ${fn} `));
    }
    // Same units served before and after (the instance is the same).
    expect(out.slice(done).match(/=== DONE (\d+)/)![1]).toBe(out.slice(warm).match(/=== WARM (\d+)/)![1]);
    const thrownAway = [...out.slice(warm, done).matchAll(/<SharedFunctionInfo ([\w$]*)>\) \(opt id \d+\) for deoptimization, reason: weak objects/g)].map((m) => m[1]);
    expect(thrownAway).toEqual([]);
  }, 60_000);
});
