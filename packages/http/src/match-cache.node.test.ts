import { Hono } from 'hono';
import type { Result, Router } from 'hono/router';
import { TrieRouter } from 'hono/router/trie-router';
import { describe, expect, it } from 'vitest';
import { MatchCache } from './match-cache.ts';

/** The trie router, counting how often it is actually walked. */
class Counting<T> implements Router<T> {
  name = 'Counting';
  walks = 0;
  readonly inner = new TrieRouter<T>();
  add(method: string, path: string, handler: T): void {
    this.inner.add(method, path, handler);
  }
  match(method: string, path: string): Result<T> {
    this.walks++;
    return this.inner.match(method, path);
  }
}

describe('MatchCache (issue 15 § 2)', () => {
  it('walks the routes once per method and path and answers repeats from what it kept', () => {
    const inner = new Counting<string>();
    const router = new MatchCache(inner);
    router.add('GET', '/t/:tenant/orgs/tree', 'tree');
    router.add('GET', '/t/:tenant/orgs/:id', 'one');
    router.add('POST', '/t/:tenant/orgs/:id', 'update');

    const first = router.match('GET', '/t/hongshan/orgs/org_1');
    expect(router.match('GET', '/t/hongshan/orgs/org_1')).toBe(first);
    expect(inner.walks).toBe(1);
    // Another path, another method: each walked once.
    expect(router.match('GET', '/t/hongshan/orgs/tree')[0].map(([h]) => h)).toEqual(['tree', 'one']);
    expect(router.match('POST', '/t/hongshan/orgs/org_1')[0].map(([h]) => h)).toEqual(['update']);
    expect(inner.walks).toBe(3);
  });

  it('starts over when full, so paths full of ids cannot grow it', () => {
    const router = new MatchCache(new TrieRouter<string>(), 3);
    router.add('GET', '/a/:id', 'a');
    for (const id of ['1', '2', '3']) router.match('GET', `/a/${id}`);
    expect(router.size).toBe(3);
    router.match('GET', '/a/4');
    expect(router.size).toBe(1);
  });

  it('gives each request its own path parameters through a Hono app, and the query string plays no part', async () => {
    const app = new Hono({ router: new MatchCache() });
    app.get('/t/:tenant/orgs/tree', (c) => c.text(`tree ${c.req.param('tenant')}`));
    app.get('/t/:tenant/orgs/:id', (c) => c.text(`${c.req.param('tenant')} ${c.req.param('id')} ${c.req.query('limit') ?? ''}`));
    const text = async (path: string) => (await app.request(path)).text();
    expect(await text('/t/linxi/orgs/org_a?limit=5')).toBe('linxi org_a 5');
    expect(await text('/t/linxi/orgs/org_a?limit=20')).toBe('linxi org_a 20');
    expect(await text('/t/aohan/orgs/org_b')).toBe('aohan org_b ');
    expect(await text('/t/linxi/orgs/org_a')).toBe('linxi org_a ');
    expect(await text('/t/linxi/orgs/tree')).toBe('tree linxi');
  });
});
