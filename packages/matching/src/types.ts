// The engine's public vocabulary. The API layer builds these from D1 rows;
// nothing here touches I/O.

export type Locality = 'grid' | 'community' | 'street' | 'county';

export interface Place {
  /** GB/T 2260 county code, e.g. '150402'. */
  county: string;
  /** Town/street code (9 digits) or null. */
  street: string | null;
  /** Village/community code (12 digits) or null. */
  community: string | null;
  /** Grid name inside the community, or null. */
  grid: string | null;
  /** Optional WGS84 coordinates; both or neither. */
  lat: number | null;
  lng: number | null;
}

export type Urgency = 1 | 2 | 3 | 4;

export interface MatchNeed {
  id: string;
  allianceId: string;
  /** Category id. */
  category: string;
  /** Integer units still to be met. */
  remaining: number;
  /** 1 一般, 2 较急, 3 紧急, 4 特急. */
  urgency: Urgency;
  /** 'YYYY-MM-DD' (Asia/Shanghai calendar date). */
  deadline: string;
  place: Place;
}

export interface MatchResource {
  id: string;
  allianceId: string;
  /** The offering member organization. */
  orgId: string;
  /** Category ids it can serve (its own and compatible ones; computed by the caller). */
  serves: readonly string[];
  /** Integer units still free. */
  remaining: number;
  /** 'YYYY-MM-DD' availability window; null = open on that side. */
  availableFrom: string | null;
  availableTo: string | null;
  place: Place;
  /** The area it serves around its place. */
  scope: Locality;
  /** Service radius in metres, used when both sides have coordinates. */
  radiusM: number | null;
}

export interface MatchOptions {
  /** 'YYYY-MM-DD'. */
  today: string;
  /** `${needId}|${resourceId}` pairs people rejected. */
  excluded?: ReadonlySet<string>;
  /** Per offering org: share 0..1 of its capacity already committed before this run. */
  orgLoad?: ReadonlyMap<string, number>;
}

export type CostFactorName = 'locality' | 'distance' | 'deadline' | 'alliance' | 'load';

export interface CostFactor {
  factor: CostFactorName;
  /** Non-negative integer. */
  cost: number;
  /** Chinese explanation for people, e.g. '同一社区'. */
  label: string;
}

export interface Suggestion {
  resourceId: string;
  /** Sum of the factors' costs. */
  cost: number;
  /** min(need.remaining, resource.remaining). */
  quantity: number;
  factors: CostFactor[];
}

export type ConstraintName = 'category' | 'availability' | 'place' | 'excluded';

export interface Violation {
  constraint: ConstraintName;
  /** Chinese sentence for the UI. */
  message: string;
}

export interface Allocation {
  needId: string;
  resourceId: string;
  quantity: number;
  /** Cost per unit of this pair (the `suggest` cost). */
  cost: number;
}

export interface AssignStats {
  needs: number;
  resources: number;
  needClasses: number;
  resourceClasses: number;
  /** Hub nodes that stand for "a place unit, a category, an alliance (or any), a deadline (or any)". */
  hubs: number;
  nodes: number;
  edges: number;
  /** Need-to-resource edges outside hubs (distance pairs, needs with rejected pairs). */
  directEdges: number;
  /** Flow solver work: max-flow stages plus cost-scaling ε phases, and pushes. */
  rounds: number;
  augmentations: number;
}

export interface AssignResult {
  /** Sorted by needId, then resourceId. */
  allocations: Allocation[];
  unitsServed: number;
  /** Σ URGENCY_WEIGHT[urgency] × units. */
  weightedServed: number;
  /** Σ cost × units. */
  totalCost: number;
  stats: AssignStats;
}

/** Thrown for input the engine refuses (bad quantities, dates, duplicate ids…). */
export class MatchingInputError extends Error {
  override readonly name = 'MatchingInputError';
  /** Where, e.g. 'needs[3].remaining'. */
  readonly path: string;
  constructor(message: string, path: string) {
    super(`${path}: ${message}`);
    this.path = path;
  }
}
