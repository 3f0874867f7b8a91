import type { CandidatePool } from '@ronghe/matching';
import type { ListCategory } from '@ronghe/schema';
import type { EngineResource } from './engine-input.ts';

/**
 * What a need's suggestions read for every need of one category and street (ADR 0034): the resources that could
 * reach it, prepared for the engine with their organizations' loads. Valid while the database's change counts
 * for resources and categories (`data_versions`, kept by triggers) are the ones it was read under.
 */
export interface CandidateSet {
  /** `resources:list_categories` change counts the set was read under. */
  readonly versions: string;
  /** The taxonomy the set was prepared with (its counts cover list_categories). */
  readonly cats: ReadonlyMap<string, ListCategory>;
  readonly byId: ReadonlyMap<string, EngineResource>;
  readonly pool: CandidatePool;
}

/** Sets kept per isolate: at ×10 a large category's set is a few hundred resources, about 0.2 MB. */
const SETS_MAX = 48;
/** Needs whose category and street are remembered, so a request can tell before it reads whether to read candidates. */
const NEEDS_MAX = 4_000;

/**
 * Per-isolate cache of candidate sets, keyed by tenant, category and street. Correct without expiry: every
 * request reads the change counts in its first round trip and uses a set only under the same counts, so a change
 * made anywhere (another isolate, an import, a hand-run statement) is seen by the next request. Oldest first out.
 */
export class CandidateCache {
  readonly #sets = new Map<string, CandidateSet>();
  readonly #needs = new Map<string, string>();
  readonly setsMax: number;
  readonly needsMax: number;

  constructor(setsMax = SETS_MAX, needsMax = NEEDS_MAX) {
    this.setsMax = setsMax;
    this.needsMax = needsMax;
  }

  static key(tenant: string, categoryId: string, streetCode: string | null): string {
    // JSON: unambiguous whatever the codes hold (a street code is digits, a category id any text).
    return JSON.stringify([tenant, categoryId, streetCode]);
  }

  /** The set a need was last ranked against, if still kept, whatever its counts: the caller checks them. */
  lastFor(tenant: string, needId: string): CandidateSet | undefined {
    const key = this.#needs.get(`${tenant}|${needId}`);
    return key === undefined ? undefined : this.#sets.get(key);
  }

  /** The set for `key` read under `versions`, or undefined (a stale set is dropped). */
  get(key: string, versions: string): CandidateSet | undefined {
    const set = this.#sets.get(key);
    if (set === undefined) return undefined;
    if (set.versions !== versions) {
      this.#sets.delete(key);
      return undefined;
    }
    // Most recently used last, so the oldest goes first.
    this.#sets.delete(key);
    this.#sets.set(key, set);
    return set;
  }

  set(key: string, set: CandidateSet): void {
    this.#sets.delete(key);
    this.#sets.set(key, set);
    if (this.#sets.size > this.setsMax) this.#sets.delete(this.#sets.keys().next().value!);
  }

  /** Remembers which set a need belongs to (its category and street can change: the caller checks the need's row). */
  remember(tenant: string, needId: string, key: string): void {
    const id = `${tenant}|${needId}`;
    this.#needs.delete(id);
    this.#needs.set(id, key);
    if (this.#needs.size > this.needsMax) this.#needs.delete(this.#needs.keys().next().value!);
  }

  clear(): void {
    this.#sets.clear();
    this.#needs.clear();
  }

  get size(): number {
    return this.#sets.size;
  }
}

/** The isolate's cache, used by `suggestionsFor`. */
export const candidateCache = new CandidateCache();
