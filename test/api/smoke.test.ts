import { describe, expect, it } from 'vitest';
import { bindings, worker } from '../support/worker.ts';

describe('the deployable', () => {
  it('answers health checks and has every tenant database migrated', async () => {
    const res = await worker.fetch(new Request('http://x/healthz'));
    expect(res.status).toBe(200);
    const r = await bindings.DB_AOHAN!.prepare("select count(*) as n from sqlite_master where name='organizations'").first<{ n: number }>();
    expect(r?.n).toBe(1);
  });

  it('serves an OpenAPI 3.1 document listing the registry routes', async () => {
    const res = await worker.fetch(new Request('http://x/openapi.json'));
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/t/{tenant}/orgs/{id}');
  });

  it('documents which operations need a session: signing in needs none, the rest of /api does', async () => {
    const doc = (await (await worker.fetch(new Request('http://x/openapi.json'))).json()) as {
      security: unknown;
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(doc.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/auth/login']!.post!.security).toEqual([]);
    expect(doc.paths['/api/t/{tenant}/orgs']!.post!.security).toBeUndefined();
  });

  it('serves a docs page that loads its reference UI from our own assets, not a CDN', async () => {
    const res = await worker.fetch(new Request('http://x/docs'));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/vendor/scalar/standalone.js');
    expect(html).toContain('/openapi.json');
    expect(html).not.toContain('cdn.jsdelivr');
  });
});
