import { describe, expect, it } from 'vitest';
import { call, makeFixture, makeUser } from '../support/factories.ts';

// Two identical requests at once both pass their "already there?" pre-check;
// the unique index stops the second. That is the client's conflict — 409 with
// a Chinese message, the same for every route — never a 500.
const T = 'hongshan';
const P = (rest: string) => `/api/t/${T}${rest}`;

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
}

describe('a unique violation between two racing requests', () => {
  it('two identical category creations at once: one 201, the other 409 conflict naming the name', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const body = { name: `并发类别${Math.random().toString(36).slice(2, 7)}` };
    const res = await Promise.all([0, 1].map(() => call('POST', P('/list-categories'), { token: admin.token, body })));
    expect(res.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = res.find((r) => r.status === 409)!;
    expect(loser.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const p = (await loser.json()) as Problem;
    expect(p.code).toBe('conflict');
    expect(p.detail).toBe('同名的类别已存在');
    expect(p.errors).toEqual([{ path: 'body.name', message: '同名的类别已存在' }]);
  });

  it('two identical match rejections at once: one 204, the other 409 conflict', async () => {
    const f = await makeFixture(T);
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const body = { needId: f.need.id, resourceId: f.resource.id, reason: '距离太远' };
    const res = await Promise.all([0, 1].map(() => call('POST', P('/matching/reject'), { token: admin.token, body })));
    expect(res.map((r) => r.status).sort()).toEqual([204, 409]);
    const p = (await res.find((r) => r.status === 409)!.json()) as Problem;
    expect(p.code).toBe('conflict');
    expect(p.detail).toMatch(/已被拒绝/);
  });
});
