// Needs (and resources) that no pair could tell apart share a class: the
// flow network has one node per class, not per row. Keys hold exactly what
// feasibility and cost read, in the bands cost.ts uses; anything else (ids,
// labels, exact loads inside a band) is left out.
import { loadCost } from './cost.ts';
import type { PreparedNeed, PreparedResource } from './prepare.ts';

export interface NeedClass {
  readonly index: number;
  readonly rep: PreparedNeed;
  readonly members: PreparedNeed[];
  total: number;
  /** A need in a rejected pair is a class of its own and gets direct edges only. */
  readonly isolated: boolean;
}

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

function needKey(n: PreparedNeed): string {
  const c = n.coords;
  return [n.need.urgency, n.need.category, ...n.units, c ? `${c[0]},${c[1]}` : '', n.need.allianceId, n.due].join(SEP);
}

export function needClasses(needs: readonly PreparedNeed[], isolated: ReadonlySet<string>): NeedClass[] {
  const byKey = new Map<string, NeedClass>();
  const out: NeedClass[] = [];
  for (const n of needs) {
    const lone = isolated.has(n.need.id);
    const key = lone ? `x${SEP}${n.need.id}` : needKey(n);
    let cls = byKey.get(key);
    if (!cls) {
      cls = { index: out.length, rep: n, members: [], total: 0, isolated: lone };
      byKey.set(key, cls);
      out.push(cls);
    }
    cls.members.push(n);
    cls.total += n.need.remaining;
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
    let cls = byKey.get(key);
    if (!cls) {
      cls = { index: out.length, rep: r, members: [], total: 0, start, end, byDistance, isolated: lone };
      byKey.set(key, cls);
      out.push(cls);
    }
    cls.members.push(r);
    cls.total += r.resource.remaining;
  }
  return out;
}
