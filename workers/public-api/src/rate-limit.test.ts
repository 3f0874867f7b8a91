import { describe, expect, it } from 'vitest';
import { call, makeApiKey } from '../../../test/support/factories.ts';

// ADR 0015: at most 120 requests per API key per fixed one-minute window.
const PER_KEY = 120;
const WINDOW_MS = 60_000;

/** Setup, not an assertion: start a burst early in a window, so it does not straddle two. */
async function startOfWindow(burstMs: number): Promise<void> {
  const left = WINDOW_MS - (Date.now() % WINDOW_MS);
  if (left < burstMs) await new Promise((r) => setTimeout(r, left + 50));
}

describe('/v1 rate limit per API key', () => {
  it(`answers ${PER_KEY} requests of one key in a minute, refuses the next with 429 + Retry-After, and another key is unaffected`, async () => {
    const a = await makeApiKey('kalaqin');
    const b = await makeApiKey('kalaqin');
    const get = (key: string) => call('GET', '/v1/orgs', { headers: { authorization: `Bearer ${key}` } });
    await startOfWindow(20_000);
    for (let i = 1; i <= PER_KEY; i++) {
      const r = await get(a.key);
      await r.arrayBuffer();
      expect(r.status, `request ${i}`).toBe(200);
      expect(r.headers.get('ratelimit-limit')).toBe(String(PER_KEY));
      expect(r.headers.get('ratelimit-remaining')).toBe(String(PER_KEY - i));
    }
    const refused = await get(a.key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(((await refused.json()) as { code: string }).code).toBe('rate_limited');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-reset')).toBe(String(retryAfter));

    const other = await get(b.key);
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-remaining')).toBe(String(PER_KEY - 1));
  });
});

describe('/v1 in the API document', () => {
  it('every /v1 operation declares 429 (problem+json) with Retry-After and the RateLimit-* headers', async () => {
    const res = await call('GET', '/v1/openapi.json');
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }> }>>;
    };
    const v1 = Object.entries(doc.paths).filter(([path]) => path.startsWith('/v1/'));
    expect(v1.length).toBeGreaterThanOrEqual(6);
    for (const [path, ops] of v1)
      for (const [method, op] of Object.entries(ops)) {
        const r429 = op.responses['429'];
        expect(r429, `${method.toUpperCase()} ${path}`).toBeDefined();
        expect(Object.keys(r429!.headers ?? {}).sort(), `${method.toUpperCase()} ${path}`).toEqual(['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After']);
        expect(Object.keys(r429!.content ?? {})).toEqual(['application/problem+json']);
      }
  });
});
