import { z } from '@hono/zod-openapi';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/support/factories.ts';
import { BODY_LIMITS, XLSX } from './body-limit.ts';
import { controlDb, requestContext, requireSession, tenantScope } from './middleware.ts';
import { createRouter } from './openapi.ts';
import { tenantRoute } from './tenant-route.ts';

// The route helper on a throwaway app: one action string gives the document's
// `x-action` and the authorization gate; `body` gives the body limit.
const T = 'kalaqin';
const ok = { 204: { description: '' } };

const importRoute = tenantRoute({ method: 'post', path: '/t/{tenant}/things/import', action: 'org.import', body: 'xlsx', responses: ok });
const noteRoute = tenantRoute({ method: 'post', path: '/t/{tenant}/things/{id}/notes', action: 'org.import', alsoAllowed: ['org.read'], responses: ok });
const renameRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/things/rename',
  action: 'org.update',
  request: { body: { content: { 'application/json': { schema: z.object({ name: z.string() }).strict() } }, required: true } },
  responses: ok,
});

function app() {
  const a = createRouter();
  a.use('*', requestContext(), controlDb);
  a.use('/t/:tenant/*', requireSession, tenantScope);
  const routes = createRouter()
    .openapi(importRoute, async (c) => {
      await c.req.arrayBuffer();
      return c.body(null, 204);
    })
    .openapi(noteRoute, (c) => c.body(null, 204))
    .openapi(renameRoute, (c) => c.body(null, 204));
  a.route('/', routes);
  return a;
}

const doc = app().getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } }) as unknown as {
  paths: Record<string, Record<string, { 'x-action'?: string; requestBody?: { content: Record<string, unknown> } }>>;
};

async function send(path: string, token: string, body: BodyInit, type: string) {
  return app().request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body }, { ...env, APP_ENV: 'test' });
}

describe('tenantRoute', () => {
  it('declares its one action as x-action', () => {
    expect(doc.paths['/t/{tenant}/things/import']?.post?.['x-action']).toBe('org.import');
    expect(doc.paths['/t/{tenant}/things/{id}/notes']?.post?.['x-action']).toBe('org.import');
    expect(doc.paths['/t/{tenant}/things/rename']?.post?.['x-action']).toBe('org.update');
  });

  it('body: xlsx declares a spreadsheet body in the contract', () => {
    expect(Object.keys(doc.paths['/t/{tenant}/things/import']?.post?.requestBody?.content ?? {})).toEqual([XLSX]);
  });

  it('authorizes by the same action: a member (no org.import) → 403 forbidden; a county admin passes', async () => {
    const member = await makeUser([{ tenant: T, role: 'member' }]);
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const refused = await send(`/t/${T}/things/import`, member.token, new Uint8Array(10), XLSX);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'forbidden', detail: '当前角色无权执行此操作' });
    expect((await send(`/t/${T}/things/import`, admin.token, new Uint8Array(10), XLSX)).status).toBe(204);
  });

  it('alsoAllowed lets holders of the other action through the gate', async () => {
    const member = await makeUser([{ tenant: T, role: 'member' }]);
    expect((await send(`/t/${T}/things/x/notes`, member.token, '{}', 'application/json')).status).toBe(204);
  });
});

describe('route body limits', () => {
  it(`a JSON route accepts its limit (${BODY_LIMITS.json} bytes) and refuses one byte more with 413`, async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    // 256 KB = 262,144 bytes; `{"name":"` and `"}` take 11 of them.
    const exact = JSON.stringify({ name: 'x'.repeat(256 * 1024 - 11) });
    expect(exact.length).toBe(262_144);
    expect((await send(`/t/${T}/things/rename`, admin.token, exact, 'application/json')).status).toBe(204);
    const over = JSON.stringify({ name: 'x'.repeat(256 * 1024 - 10) });
    const res = await send(`/t/${T}/things/rename`, admin.token, over, 'application/json');
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large', detail: '请求体超过 256 KB 上限' });
  });

  it('a JSON route counts a streamed body without Content-Length too', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      start(ctl) {
        ctl.enqueue(new TextEncoder().encode('{"name":"'));
        for (let i = 0; i < 5; i++) ctl.enqueue(chunk);
        ctl.enqueue(new TextEncoder().encode('"}'));
        ctl.close();
      },
    });
    const req = new Request(`http://x/t/${T}/things/rename`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: stream,
      // @ts-expect-error workerd's RequestInit lacks `duplex`, which Node needs for a stream body.
      duplex: 'half',
    });
    expect(req.headers.has('content-length')).toBe(false);
    const res = await app().request(req, undefined, { ...env, APP_ENV: 'test' });
    expect(res.status).toBe(413);
    expect((await res.json()) as { code: string }).toMatchObject({ code: 'payload_too_large' });
  });

  it('an xlsx route accepts a 5 MB workbook and refuses one byte over 20 MB', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    expect((await send(`/t/${T}/things/import`, admin.token, new Uint8Array(5 * 1024 * 1024), XLSX)).status).toBe(204);
    const res = await send(`/t/${T}/things/import`, admin.token, new Uint8Array(20 * 1024 * 1024 + 1), XLSX);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large', detail: '请求体超过 20480 KB 上限' });
  });
});
