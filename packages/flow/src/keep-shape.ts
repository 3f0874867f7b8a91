/**
 * Keeps one small instance of a hot class alive for the life of the isolate.
 *
 * Why: V8 gives every object built by a class constructor the same hidden
 * class (map), reached from the constructor's first map through transitions
 * that it holds weakly. When a full garbage collection finds no live instance,
 * the map is freed, and every function optimised against it is thrown away
 * ("marking dependent code for deoptimization, reason: weak objects"). The
 * next call builds a new map and compiles everything again: on the 1× county
 * a call of `assign` after a full collection took 1.3–1.4 s of CPU instead of
 * 0.85 s, as if the isolate were fresh. Engine objects never outlive a call,
 * so without an anchor every full collection between two calls did this
 * (ADR 0008, "optimised code that survives a collection").
 *
 * The anchor must reach the same map as real instances: build it with the
 * constructor and arguments of the same kinds (numbers that stay small
 * integers, typed arrays of the same element type), so no field of it
 * changes representation later.
 */
const anchors: object[] = [];

/** Keeps `instance` (and so its class's map) alive; returns it. */
export function keepShape<T extends object>(instance: T): T {
  anchors.push(instance);
  return instance;
}
