import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('smoke', () => {
  it('health answers and migrations are applied', async () => {
    const res = await exports.default.fetch('http://x/healthz');
    expect(res.status).toBe(200);
    const db = (env as unknown as Record<string, D1Database>).DB_HONGSHAN!;
    const r = await db.prepare("select count(*) as n from sqlite_master where name='organizations'").first<{ n: number }>();
    expect(r?.n).toBe(1);
  });
});
