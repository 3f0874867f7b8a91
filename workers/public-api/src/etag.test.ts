import { openDb } from '@ronghe/core';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, makeApiKey, makeFixture } from '../../../test/support/factories.ts';
import { ROUTE_CASES, type Fixture } from '../../../test/support/route-cases.ts';
import { bindings } from '../../../test/support/worker.ts';
import { V1_SCOPES } from '../../../test/spec/v1-scopes.ts';
import { etagOf, noneMatch } from './etag.ts';

// ETag / If-None-Match on every /v1 GET (ADR 0029): a strong SHA-256 tag of the
// body, 304 without a body when it still matches (rate-limit headers kept),
// 200 with a new tag after a change, and never a 304 for another county's object.

const T = 'balinyou';
const TAG = /^"[A-Za-z0-9_-]{43}"$/;
const READS = Object.keys(V1_SCOPES).filter((k) => k.startsWith('GET '));

let f: Fixture;
beforeAll(async () => {
  f = (await makeFixture(T)) as unknown as Fixture;
});

async function send(req: { method: string; path: string; headers?: Record<string, string> }, extra: Record<string, string> = {}) {
  return call(req.method, req.path, { headers: { ...req.headers, ...extra } });
}

describe('ETag and If-None-Match on /v1 GETs', () => {
  it('covers every /v1 read of the scope table', () => {
    expect(READS.length).toBeGreaterThanOrEqual(13);
    for (const k of READS) expect(ROUTE_CASES[k], k).toBeDefined();
  });

  for (const key of READS) {
    it(`${key}: tagged 200, then 304 with no body and the rate-limit headers`, async () => {
      const req = await ROUTE_CASES[key]!.build(f);
      const first = await send(req);
      const body = await first.arrayBuffer();
      expect(first.status, new TextDecoder().decode(body)).toBe(200);
      const tag = first.headers.get('etag')!;
      expect(tag).toMatch(TAG);
      // The tag is the SHA-256 of exactly these bytes (two identical answers share it).
      expect(tag).toBe(await etagOf(body));
      expect(first.headers.get('cache-control')).toBe('private, no-cache');
      expect(first.headers.get('vary')).toMatch(/(^|,\s*)Authorization(\s*,|$)/i);

      const again = await send(req, { 'if-none-match': tag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(tag);
      expect(again.headers.get('content-type')).toBeNull();
      expect(again.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
      expect(again.headers.get('ratelimit-remaining')).toMatch(/^\d+$/);
      expect(again.headers.get('ratelimit-reset')).toMatch(/^\d+$/);

      // Another tag is not a match: the full answer.
      const stale = await send(req, { 'if-none-match': '"stale"' });
      expect(stale.status).toBe(200);
      expect(stale.headers.get('etag')).toBe(tag);
    });
  }

  it('a change gives 200 with a new tag; a weak form or * of the current tag still matches', async () => {
    const path = `/v1/projects/${f.project.project.id}`;
    const auth = { authorization: `Bearer ${f.apiKey.key}` };
    const first = await call('GET', path, { headers: auth });
    const tag = first.headers.get('etag')!;
    expect((await call('GET', path, { headers: { ...auth, 'if-none-match': tag } })).status).toBe(304);
    expect((await call('GET', path, { headers: { ...auth, 'if-none-match': `"other", W/${tag}` } })).status).toBe(304);
    expect((await call('GET', path, { headers: { ...auth, 'if-none-match': '*' } })).status).toBe(304);

    await openDb(bindings[findTenant(T)!.binding]!)
      .$client.prepare('UPDATE projects SET title = ?, updated_at = updated_at + 1 WHERE id = ?')
      .bind('社区助餐点扩建', f.project.project.id)
      .run();
    const changed = await call('GET', path, { headers: { ...auth, 'if-none-match': tag } });
    expect(changed.status).toBe(200);
    expect(((await changed.clone().json()) as { title: string }).title).toBe('社区助餐点扩建');
    const next = changed.headers.get('etag')!;
    expect(next).toMatch(TAG);
    expect(next).not.toBe(tag);
    expect((await call('GET', path, { headers: { ...auth, 'if-none-match': next } })).status).toBe(304);
  });

  it('a key of another county presenting the object’s tag gets 404, never 304', async () => {
    const path = `/v1/projects/${f.project.project.id}`;
    const tag = (await call('GET', path, { headers: { authorization: `Bearer ${f.apiKey.key}` } })).headers.get('etag')!;
    const foreign = await makeApiKey('ningcheng');
    for (const inm of [tag, '*']) {
      const res = await call('GET', path, { headers: { authorization: `Bearer ${foreign.key}`, 'if-none-match': inm } });
      expect(res.status).toBe(404);
      expect(res.headers.get('etag')).toBeNull();
      expect(((await res.json()) as { code: string }).code).toBe('not_found');
    }
  });

  it('writes and refusals carry no tag', async () => {
    const auth = { authorization: `Bearer ${f.apiKey.key}` };
    const bad = await call('GET', '/v1/projects?limit=1000', { headers: auth });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('etag')).toBeNull();
    const cancel = await call('POST', `/v1/needs/${f.appNeed.id}/cancel`, { headers: auth, body: {} });
    expect(cancel.status, await cancel.clone().text()).toBe(200);
    expect(cancel.headers.get('etag')).toBeNull();
  });
});

describe('noneMatch', () => {
  it('compares weakly, in lists, with *', () => {
    expect(noneMatch(undefined, '"a"')).toBe(false);
    expect(noneMatch('"a"', '"a"')).toBe(true);
    expect(noneMatch('W/"a"', '"a"')).toBe(true);
    expect(noneMatch('"b", "a"', '"a"')).toBe(true);
    expect(noneMatch('"b"', '"a"')).toBe(false);
    expect(noneMatch('*', '"a"')).toBe(true);
  });
});
