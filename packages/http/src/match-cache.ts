import type { Result, Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';

/**
 * Hono's default router, with each (method, path) it has answered kept per
 * isolate (issue 15 § 2, ADR 0032). Our routes put static and parameter
 * segments side by side (`/orgs/tree` beside `/orgs/:id`), which the
 * RegExpRouter refuses, so the default falls back to the TrieRouter: it walks
 * the trie of some 300 routes and their middleware on every request, about a
 * tenth of a list request's CPU in workerd. The routes never change once the
 * app is built and a match depends only on the method and the path (the query
 * string is not part of it), so the answer for a path is kept and reused; Hono
 * only reads a match (its RegExpRouter shares one result per static path the
 * same way). Bounded: when `max` paths are kept the cache starts over, so
 * paths full of ids (one alliance's detail, a 404 probe) cannot grow it.
 */
export class MatchCache<T> implements Router<T> {
  readonly name: string;
  readonly #inner: Router<T>;
  readonly #kept = new Map<string, Result<T>>();
  readonly max: number;

  constructor(inner: Router<T> = new SmartRouter<T>({ routers: [new RegExpRouter<T>(), new TrieRouter<T>()] }), max = 2_000) {
    this.#inner = inner;
    this.max = max;
    this.name = `MatchCache(${inner.name})`;
  }

  add(method: string, path: string, handler: T): void {
    this.#kept.clear();
    this.#inner.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    const key = `${method} ${path}`;
    let result = this.#kept.get(key);
    if (result === undefined) {
      result = this.#inner.match(method, path);
      if (this.#kept.size >= this.max) this.#kept.clear();
      this.#kept.set(key, result);
    }
    return result;
  }

  /** How many paths are kept (for tests). */
  get size(): number {
    return this.#kept.size;
  }
}
