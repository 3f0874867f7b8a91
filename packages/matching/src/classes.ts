// Needs (and resources) that no pair could tell apart share a class: the
// flow network has one node per class, not per row. Keys hold exactly what
// feasibility and cost read, in the bands cost.ts uses; anything else (ids,
// labels, exact loads inside a band) is left out.
import { keepShape } from '@ronghe/flow';
import { loadCost } from './cost.ts';
import type { PreparedNeed, PreparedResource } from './prepare.ts';

export interface NeedClass {
  readonly index: number;
  readonly rep: PreparedNeed;
  /** The needs of the class in input order, `rep` first (a new array per read: use `size` and `member` in loops). */
  readonly members: readonly PreparedNeed[];
  readonly size: number;
  member(k: number): PreparedNeed;
  total: number;
  /** A need in a rejected pair is a class of its own and gets direct edges only. */
  readonly isolated: boolean;
}

/**
 * 99 % of need classes have one member (19,875 classes for 20,000 needs at
 * 1×), so the list after the first is made only when a second one comes: a
 * one-element array per class was ~0.56 MB (workerd) of objects that survive
 * every scavenge of the call (see needClasses).
 */
class NeedGroup implements NeedClass {
  readonly index: number;
  readonly rep: PreparedNeed;
  readonly isolated: boolean;
  total: number;
  more: PreparedNeed[] | null = null;
  constructor(index: number, rep: PreparedNeed, isolated: boolean) {
    this.index = index;
    this.rep = rep;
    this.isolated = isolated;
    this.total = rep.need.remaining;
  }

  get members(): readonly PreparedNeed[] {
    return this.more === null ? [this.rep] : [this.rep, ...this.more];
  }

  get size(): number {
    return this.more === null ? 1 : 1 + this.more.length;
  }

  member(k: number): PreparedNeed {
    return k === 0 ? this.rep : this.more![k - 1]!;
  }

  add(n: PreparedNeed): void {
    if (this.more === null) this.more = [n];
    else this.more.push(n);
    this.total += n.need.remaining;
  }
}

// needClasses and the builder are optimised for NeedGroup's map: keep it
// across collections (@ronghe/flow keepShape). Only `need.remaining` is read.
keepShape(new NeedGroup(0, { need: { remaining: 0 } } as unknown as PreparedNeed, false));

export interface ResourceClass {
  readonly index: number;
  readonly rep: PreparedResource;
  readonly members: PreparedResource[];
  total: number;
  /** First day it can serve (max(from, today)) and last one (Infinity when it outlasts every need). */
  readonly start: number;
  readonly end: number;
  /** Coordinates and a radius: distance decides against needs with coordinates. */
  readonly byDistance: boolean;
  /** A resource in a rejected pair is a class of its own. */
  readonly isolated: boolean;
}

const SEP = '\u0001';

/** Same class: every field the key of ADR 0008 holds (urgency, category, units, coordinates, alliance, due date). */
function sameNeedProfile(a: PreparedNeed, b: PreparedNeed): boolean {
  if (a.need.urgency !== b.need.urgency || a.due !== b.due || a.need.category !== b.need.category || a.need.allianceId !== b.need.allianceId) return false;
  for (let l = 0; l < 4; l++) if (a.units[l] !== b.units[l]) return false;
  const ca = a.coords;
  const cb = b.coords;
  if (ca === null || cb === null) return ca === cb;
  return ca[0] === cb[0] && ca[1] === cb[1];
}

const mix = (h: number, x: number): number => Math.imul(h ^ x, 0x01000193);

/**
 * A string's number in `ids` (0 for null), numbered on first sight. A
 * top-level function, not a closure made per call: V8's code for the loop
 * in needClasses expects the one function it has seen, and a new closure per
 * component sent it back to the interpreter ("wrong call target").
 */
function idOf(ids: Map<string, number>, s: string | null): number {
  return s === null ? 0 : (ids.get(s) ?? (ids.set(s, ids.size + 1), ids.size));
}

/**
 * Classes by a 32-bit hash of the profile (strings interned to small
 * integers), collisions resolved by comparing the fields: no key string per
 * need (the joined keys were about 12 MB of garbage per county component).
 *
 * Memory (issue 15 § 1): everything here survives young-generation
 * collections, and V8 grows its semispaces once enough bytes have survived,
 * which was most of `assign`'s peak. So the hash table is an open-addressing
 * Int32Array (a Map of 20,000 hashes was ~1 MB of survivors, and in workerd,
 * with 31-bit Smis, half the keys were boxed numbers), and a class holds no
 * member list until it has a second member (see NeedGroup; `[]` then `push`
 * reserved 17 slots, ~136 bytes per class in Node).
 */
export function needClasses(needs: readonly PreparedNeed[], isolated: ReadonlySet<string>): NeedClass[] {
  const ids = new Map<string, number>();
  // Power of two ≥ 2 × needs: first class of each hash bucket (−1 empty), then the chain.
  let size = 16;
  while (size < 2 * needs.length) size *= 2;
  const head = new Int32Array(size).fill(-1);
  /** Next class with the same bucket, or -1. */
  const nextSame = new Int32Array(needs.length).fill(-1);
  const out: NeedGroup[] = [];
  for (const n of needs) {
    if (isolated.size > 0 && isolated.has(n.need.id)) {
      out.push(new NeedGroup(out.length, n, true));
      continue;
    }
    let h = mix(0x811c9dc5, n.need.urgency);
    h = mix(h, n.due);
    h = mix(h, idOf(ids, n.need.category));
    h = mix(h, idOf(ids, n.need.allianceId));
    for (let l = 0; l < 4; l++) h = mix(h, idOf(ids, n.units[l]!));
    const c = n.coords;
    if (c !== null) h = mix(mix(h, Math.round(c[0] * 1e6)), Math.round(c[1] * 1e6));
    const bucket = (h ^ (h >>> 15)) & (size - 1);
    let k = head[bucket]!;
    let last = -1;
    while (k !== -1 && (out[k]!.isolated || !sameNeedProfile(out[k]!.rep, n))) {
      last = k;
      k = nextSame[k]!;
    }
    if (k === -1) {
      k = out.length;
      out.push(new NeedGroup(k, n, false));
      if (last === -1) head[bucket] = k;
      else nextSame[last] = k;
      continue;
    }
    out[k]!.add(n);
  }
  return out;
}

export function resourceClasses(resources: readonly PreparedResource[], isolated: ReadonlySet<string>, today: number, lastDue: number): ResourceClass[] {
  const byKey = new Map<string, ResourceClass>();
  const out: ResourceClass[] = [];
  for (const r of resources) {
    // Only max(from, today) and min(to, due) enter feasibility and cost.
    const start = Math.max(r.from, today);
    const end = r.to >= lastDue ? Number.POSITIVE_INFINITY : r.to;
    const byDistance = r.coords !== null && r.resource.radiusM !== null;
    const lone = isolated.has(r.resource.id);
    const key = lone
      ? `x${SEP}${r.resource.id}`
      : [
          [...r.serves].sort().join('\u0002'),
          start,
          end,
          ...r.units,
          r.scope,
          byDistance ? `${r.coords![0]},${r.coords![1]},${r.resource.radiusM}` : '',
          r.resource.allianceId,
          loadCost(r.load),
        ].join(SEP);
    const cls = byKey.get(key);
    if (cls === undefined) {
      // Members from a one-element literal, as for need classes.
      const made: ResourceClass = { index: out.length, rep: r, members: [r], total: r.resource.remaining, start, end, byDistance, isolated: lone };
      byKey.set(key, made);
      out.push(made);
      continue;
    }
    cls.members.push(r);
    cls.total += r.resource.remaining;
  }
  return out;
}
