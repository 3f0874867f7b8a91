import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { call } from '../../../test/support/factories.ts';
import { mountedOperations } from '../../../test/support/mounted-routes.ts';
import { v1ExampleProblems, v1Route } from './v1-route.ts';

// ADR 0030: /v1 has its own OpenAPI 3.1 document, open without a key; the
// management document no longer lists /v1; every /v1 operation shows a
// request example (body, path parameters), a success example and at least
// one problem+json example, each matching its schema.

interface Media {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, unknown>;
}
interface Op {
  parameters?: Array<{ name: string; in: string; example?: unknown; schema?: { example?: unknown } }>;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
  'x-scope'?: string;
}
interface Doc {
  openapi: string;
  info: { title: string; version: string; contact?: { name?: string } };
  servers?: Array<{ url: string }>;
  security?: unknown[];
  components?: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
  paths: Record<string, Record<string, Op>>;
}

const hasExample = (m: Media | undefined) => m !== undefined && (m.example !== undefined || Object.keys(m.examples ?? {}).length > 0);

const res = await call('GET', '/v1/openapi.json');
const doc = (await res.json()) as Doc;
const ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));

describe('the /v1 document', () => {
  it('is served without a key as OpenAPI 3.1 with the bearer key scheme, servers, a version and a contact', () => {
    expect(res.status).toBe(200);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('融合党建开放接口 v1');
    expect(doc.info.version).toMatch(/^1\.\d+\.\d+$/);
    expect(doc.info.contact?.name).toContain('赤峰市委组织部');
    expect(doc.servers?.map((s) => s.url)).toEqual(['/', 'http://127.0.0.1:8787']);
    expect(doc.security).toEqual([{ apiKey: [] }]);
    expect(doc.components?.securitySchemes?.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('lists exactly the mounted /v1 operations, and the management document none of them', async () => {
    const mounted = (await mountedOperations()).ops.filter((o) => o.path.startsWith('/v1/')).map((o) => o.key);
    expect(ops.map((o) => o.key).sort()).toEqual(mounted.sort());
    // The first six paths of /v1 (2026-11) are among them.
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/orgs', '/v1/orgs/{id}', '/v1/alliances', '/v1/alliances/{id}', '/v1/red-routes', '/v1/needs']));
    const management = (await (await call('GET', '/openapi.json')).json()) as Doc;
    expect(Object.keys(management.paths).filter((p) => p.startsWith('/v1'))).toEqual([]);
    expect(Object.keys(management.paths)).toContain('/api/t/{tenant}/orgs');
    expect(Object.keys(management.components?.securitySchemes ?? {})).not.toContain('apiKey');
  });

  it('every operation carries a request example (body and path parameters), a success example and a problem+json example', () => {
    const missing: string[] = [];
    for (const { key, op } of ops) {
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) if (!hasExample(media)) missing.push(`${key}: request ${type}`);
      for (const p of op.parameters ?? []) if (p.in === 'path' && p.example === undefined && p.schema?.example === undefined) missing.push(`${key}: path parameter ${p.name}`);
      const ok = Object.entries(op.responses).filter(([s]) => s === '200' || s === '201');
      if (ok.length === 0) missing.push(`${key}: no 200/201 response`);
      for (const [status, r] of ok) if (!hasExample(r.content?.['application/json'])) missing.push(`${key}: ${status} example`);
      const problems = Object.entries(op.responses).filter(([s, r]) => s.startsWith('4') && hasExample(r.content?.['application/problem+json']));
      if (problems.length === 0) missing.push(`${key}: no problem+json example`);
    }
    expect(missing).toEqual([]);
    expect(ops.length).toBeGreaterThanOrEqual(9);
  });

  it("error examples are what the server renders: the 403 names the operation's own scope", () => {
    const forbidden = doc.paths['/v1/needs']!.post!.responses['403']!.content!['application/problem+json']!.example as Record<string, unknown>;
    expect(forbidden).toMatchObject({ status: 403, code: 'insufficient_scope', requiredScope: 'needs:write', type: 'urn:ronghe:problem:insufficient_scope', instance: '/v1/needs' });
    const tooMany = doc.paths['/v1/orgs']!.get!.responses['429']!.content!['application/problem+json']!.example as Record<string, unknown>;
    expect(tooMany).toMatchObject({ status: 429, code: 'rate_limited' });
  });

  it('every written example parses with its own schema, and a wrong one is reported', () => {
    expect(v1ExampleProblems()).toEqual([]);
    v1Route({
      method: 'get',
      path: '/__example-check',
      scope: 'orgs:read',
      responses: { 200: { description: 'x', content: { 'application/json': { schema: z.object({ n: z.number().int() }), example: { n: 'three' } } } } },
    });
    expect(v1ExampleProblems()).toEqual([expect.stringMatching(/^GET \/__example-check 200 application\/json: n /)]);
  });
});

describe('/v1 docs page and changelog', () => {
  it('serves the reference page for the /v1 document from our own assets, without a key', async () => {
    const res = await call('GET', '/v1/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/v1/openapi.json');
    expect(html).toContain('/vendor/scalar/standalone.js');
    expect(html).not.toContain('cdn.jsdelivr');
  });

  it('serves the changelog as Markdown, with the deprecation policy and the history of v1', async () => {
    const res = await call('GET', '/v1/changelog');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const md = await res.text();
    expect(md.startsWith('# 融合党建开放接口 v1 · 变更记录')).toBe(true);
    for (const s of ['至少 6 个月', 'Deprecation', 'Sunset', '410', '群众点单', 'Idempotency-Key', 'Ronghe-Signature', 'insufficient_scope', '1.0.0']) expect(md).toContain(s);
  });
});
