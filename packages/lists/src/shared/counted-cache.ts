import { preparedRead, type Ctx } from '@ronghe/core';
import { COUNTED_TABLES, dataVersions, type CountedTable } from '@ronghe/schema';

/*
 * COUNTED_TABLES (schema/tenant/lists.ts): tables whose every insert, update and delete adds one to their row of
 * `data_versions`, in the same statement (triggers, migrations 0031 and 0032; ADR 0034). A read kept per isolate
 * may depend on these tables only: `counted-reads.node.test.ts` checks the SQL of every kept read against the list.
 */
export { COUNTED_TABLES, type CountedTable };

/** Every table's change count, in one small statement built once per isolate. */
export const countsRead = (ctx: Ctx) => preparedRead(ctx.db, 'data_versions', () => ctx.db.select().from(dataVersions));

/** The counts of `tables` as one comparable string; a table without a row (never expected) reads as "none". */
export function versionsOf(rows: ReadonlyArray<{ name: string; version: number }>, tables: readonly CountedTable[]): string {
  return tables.map((t) => rows.find((r) => r.name === t)?.version ?? 'none').join(':');
}

/**
 * Per-isolate values kept under the change counts they were read with (ADR 0034). Correct without expiry: a
 * request reads the counts in its first round trip and takes a value only under the same counts, so a change
 * made anywhere is seen by the next request. At most `max` entries, least recently used first out.
 */
export class CountedCache<V> {
  readonly #entries = new Map<string, { versions: string; value: V }>();
  readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  /** Whether a value is kept for `key`, whatever its counts: a request may then leave the reads out of its first batch. */
  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** The value for `key` read under `versions`, or undefined (a value read under other counts is dropped). */
  get(key: string, versions: string): V | undefined {
    const e = this.#entries.get(key);
    if (e === undefined) return undefined;
    this.#entries.delete(key);
    if (e.versions !== versions) return undefined;
    // Most recently used last, so the oldest goes first.
    this.#entries.set(key, e);
    return e.value;
  }

  set(key: string, versions: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, { versions, value });
    if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value!);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Forgets every value: for a database emptied under a running isolate (the workers tests' fresh databases per file). */
  clear(): void {
    this.#entries.clear();
  }
}
