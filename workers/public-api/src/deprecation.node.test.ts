import { OpenAPIHono, z } from '@hono/zod-openapi';
import { fixedClock } from '@ronghe/core';
import { createRouter, requestContext, type TenantEnv } from '@ronghe/http';
import type { ApiScope } from '@ronghe/schema';
import { describe, expect, it } from 'vitest';
import { setRequestScopes, v1ExampleProblems, v1Route } from './v1-route.ts';

// ADR 0030: a deprecated /v1 operation is marked in the document, answers
// with Deprecation (RFC 9745), Sunset (RFC 8594) and Link rel="successor-version"
// until its sunset day, and 410 `sunset` from 00:00 Asia/Shanghai of that day.
// No real operation is deprecated: the route exists only in this test.

// Expected values computed by hand (Python's datetime): 2027-01-01 00:00 +08:00 = 1798732800 s;
// 2027-07-01 00:00 +08:00 = 2027-06-30 16:00 UTC = 1814371200000 ms.
const SUNSET_MS = 1_814_371_200_000;
const MARCH = 1_803_866_400_000; // 2027-03-01 10:00 +08:00

const oldThings = v1Route({
  method: 'get',
  path: '/old-things',
  scope: 'orgs:read',
  deprecated: { since: '2027-01-01', sunset: '2027-07-01', successor: '/v1/new-things' },
  responses: { 200: { description: '旧接口', content: { 'application/json': { schema: z.object({ ok: z.boolean() }), example: { ok: true } } } } },
});

function appAt(now: number, scopes: ApiScope[] = ['orgs:read']) {
  const app = createRouter<TenantEnv>();
  app.use('*', requestContext({ clock: fixedClock(now) }));
  app.use('*', async (c, next) => {
    setRequestScopes(c.req.raw, scopes);
    await next();
  });
  app.openapi(oldThings, (c) => c.json({ ok: true }, 200));
  return app;
}
const get = (app: ReturnType<typeof appAt>) => app.request('/old-things', {}, { APP_ENV: 'test' });

describe('a deprecated /v1 operation', () => {
  it('before its sunset answers as usual, with Deprecation, Sunset and Link', async () => {
    const res = await get(appAt(MARCH));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('deprecation')).toBe('@1798732800');
    expect(res.headers.get('sunset')).toBe('Wed, 30 Jun 2027 16:00:00 GMT');
    expect(res.headers.get('link')).toBe('</v1/new-things>; rel="successor-version"');
  });

  it('a refusal before the sunset carries the headers too (a key without the scope: 403)', async () => {
    const res = await get(appAt(MARCH, ['needs:read']));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('insufficient_scope');
    expect(res.headers.get('deprecation')).toBe('@1798732800');
    expect(res.headers.get('sunset')).toBe('Wed, 30 Jun 2027 16:00:00 GMT');
  });

  it('one millisecond before the sunset still answers; from 00:00 Asia/Shanghai of the sunset day it is 410 sunset, whatever the scope', async () => {
    expect((await get(appAt(SUNSET_MS - 1))).status).toBe(200);
    for (const scopes of [['orgs:read'], []] as ApiScope[][]) {
      const res = await get(appAt(SUNSET_MS, scopes));
      expect(res.status).toBe(410);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as { code: string; detail: string; sunset: string; successor: string };
      expect(body.code).toBe('sunset');
      expect(body.detail).toBe('该接口已于 2027-07-01 停用，请改用 /v1/new-things');
      expect(body.sunset).toBe('2027-07-01');
      expect(body.successor).toBe('/v1/new-things');
    }
  });

  it('is marked deprecated in the document, its success answer listing the three headers, and its 410 declared with an example', () => {
    const doc = new OpenAPIHono().route('/v1', appAt(MARCH)).getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const op = doc.paths!['/v1/old-things']!.get!;
    expect(op.deprecated).toBe(true);
    expect(Object.keys((op.responses!['200'] as { headers: object }).headers)).toEqual(['Deprecation', 'Sunset', 'Link']);
    const gone = (op.responses!['410'] as { content: Record<string, { example: object }> }).content['application/problem+json']!.example;
    expect(gone).toMatchObject({ status: 410, code: 'sunset', detail: '该接口已于 2027-07-01 停用，请改用 /v1/new-things', sunset: '2027-07-01' });
  });

  it('a sunset less than six months after the deprecation is reported (the document test fails on any report)', () => {
    v1Route({ method: 'get', path: '/too-soon', scope: 'orgs:read', deprecated: { since: '2027-01-01', sunset: '2027-05-01' }, responses: { 200: { description: 'x' } } });
    expect(v1ExampleProblems()).toEqual(['GET /too-soon: sunset less than six months after deprecation (ADR 0030)']);
  });
});
