import type { CandidatePool } from '@ronghe/matching';
import type { ListCategory } from '@ronghe/schema';
import { CountedCache, type CountedTable } from '../shared/counted-cache.ts';
import type { EngineResource } from './engine-input.ts';

/** What a need's candidates are read from: their counts decide whether a kept set still holds. */
export const CANDIDATE_TABLES: readonly CountedTable[] = ['resources', 'list_categories'];

/**
 * What a need's suggestions read for every need of one category and street (ADR 0034): the resources that could
 * reach it, prepared for the engine with their organizations' loads, and the taxonomy they were prepared with.
 */
export interface CandidateSet {
  readonly cats: ReadonlyMap<string, ListCategory>;
  readonly byId: ReadonlyMap<string, EngineResource>;
  readonly pool: CandidatePool;
}

/** Sets kept per isolate: at ×10 a large category's set is a few hundred resources, about 0.2 MB. */
const SETS_MAX = 48;
/** Needs whose category and street are remembered, so a request can tell before it reads whether to read candidates. */
const NEEDS_MAX = 4_000;

/**
 * Per-isolate candidate sets, keyed by tenant, category and street, each kept under the change counts of
 * CANDIDATE_TABLES it was read with; and, per need, the set it was last ranked against.
 */
export class CandidateCache {
  readonly sets: CountedCache<CandidateSet>;
  readonly #needs = new Map<string, string>();
  readonly needsMax: number;

  constructor(setsMax = SETS_MAX, needsMax = NEEDS_MAX) {
    this.sets = new CountedCache(setsMax);
    this.needsMax = needsMax;
  }

  static key(tenant: string, categoryId: string, streetCode: string | null): string {
    // JSON: unambiguous whatever the codes hold (a street code is digits, a category id any text).
    return JSON.stringify([tenant, categoryId, streetCode]);
  }

  /** Whether the set the need was last ranked against is still kept (its counts are the caller's to check). */
  knows(tenant: string, needId: string): boolean {
    const key = this.#needs.get(`${tenant}|${needId}`);
    return key !== undefined && this.sets.has(key);
  }

  /** Remembers which set a need belongs to (its category and street can change: the caller checks the need's row). */
  remember(tenant: string, needId: string, key: string): void {
    const id = `${tenant}|${needId}`;
    this.#needs.delete(id);
    this.#needs.set(id, key);
    if (this.#needs.size > this.needsMax) this.#needs.delete(this.#needs.keys().next().value!);
  }

  /** Forgets every set and need: for a database emptied under a running isolate, as CountedCache.clear. */
  clear(): void {
    this.sets.clear();
    this.#needs.clear();
  }
}

/** The isolate's cache, used by `suggestionsFor`. */
export const candidateCache = new CandidateCache();
