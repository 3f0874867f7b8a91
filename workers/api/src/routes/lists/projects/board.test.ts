import type { Organization, ProjectBoardView, ProjectPageSchema } from '@ronghe/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { makeAlliance, type MadeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../../../../test/support/factories.ts';
import { makeProject } from '../../../../../../test/support/list-factories.ts';

// The project board in one request (docs/adr/0031): each column's first page and total, the
// same filters as the list, a column's next page through the list with the column's cursor.
const T = 'kalaqin';

let a: MadeAlliance;
let other: MadeAlliance;
let member: TestUser;
/** The made projects' ids by status, oldest first. */
const made: Record<string, string[]> = {};

async function json<R>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}

beforeAll(async () => {
  const street: Organization = await makeOrg(T, { kind: '党工委', domain: '街道' });
  const lead = await makeOrg(T, { parent: street, kind: '党委', domain: '社区' });
  const lead2 = await makeOrg(T, { parent: street, kind: '党委', domain: '社区' });
  a = await makeAlliance(T, { lead, committee: street, status: 'active' });
  other = await makeAlliance(T, { lead: lead2, committee: street, status: 'active' });
  member = await makeUser([{ tenant: T, role: 'member' }]);
  // 3 待认领, 1 已认领, none 实施中, 1 已完成, 1 已验收, 1 已取消; distinct creation times fix the order.
  const base = Date.now() - 60_000;
  const plan = ['proposed', 'proposed', 'claimed', 'completed', 'accepted', 'cancelled', 'proposed'] as const;
  for (const [i, status] of plan.entries()) {
    const p = await makeProject(T, a, status, { createdAt: base + i * 1000 });
    (made[status] ??= []).push(p.project.id);
  }
  // Another alliance's project, outside the filter.
  await makeProject(T, other, 'proposed');
});

type Page = z.infer<typeof ProjectPageSchema>;

describe('GET /api/t/{tenant}/projects/board', () => {
  it('answers every column in work order with its first page, newest first, and its total', async () => {
    const board = await json<ProjectBoardView>(await call('GET', `/api/t/${T}/projects/board?allianceId=${a.alliance.id}&limit=2`, { token: member.token }), 200);
    expect(board.columns.map((c) => c.status)).toEqual(['proposed', 'claimed', 'in_progress', 'completed', 'accepted']);
    const col = Object.fromEntries(board.columns.map((c) => [c.status, c]));
    // 待认领: made 1st, 2nd and 7th; a page of 2 holds the 7th and the 2nd, the 1st is behind the cursor.
    expect(col.proposed!.total).toBe(3);
    expect(col.proposed!.items.map((p) => p.id)).toEqual([made.proposed![2], made.proposed![1]]);
    expect(col.proposed!.nextCursor).not.toBeNull();
    expect(col.claimed).toMatchObject({ total: 1, nextCursor: null });
    expect(col.claimed!.items.map((p) => p.id)).toEqual(made.claimed);
    expect(col.in_progress).toEqual({ status: 'in_progress', items: [], total: 0, nextCursor: null });
    expect(col.completed!.items.map((p) => p.id)).toEqual(made.completed);
    expect(col.accepted!.items.map((p) => p.id)).toEqual(made.accepted);
    // The cancelled project is on no column.
    expect(board.columns.flatMap((c) => c.items.map((p) => p.id))).not.toContain(made.cancelled![0]);

    // The column's next page is the list's, with the column's status and cursor.
    const rest = await json<Page>(
      await call('GET', `/api/t/${T}/projects?allianceId=${a.alliance.id}&status=proposed&limit=2&cursor=${encodeURIComponent(col.proposed!.nextCursor!)}`, { token: member.token }),
      200,
    );
    expect(rest.items.map((p) => p.id)).toEqual([made.proposed![0]]);
    expect(rest.nextCursor).toBeNull();
  });

  it('takes the list filters but not a status or a cursor', async () => {
    const overdue = await json<ProjectBoardView>(await call('GET', `/api/t/${T}/projects/board?allianceId=${a.alliance.id}&overdue=true`, { token: member.token }), 200);
    // Every made project is due in 2099.
    expect(overdue.columns.map((c) => c.total)).toEqual([0, 0, 0, 0, 0]);
    for (const bad of ['status=proposed', 'cursor=abc']) {
      const res = await call('GET', `/api/t/${T}/projects/board?${bad}`, { token: member.token });
      expect(res.status).toBe(422);
      // An unknown key is named at its parent (the query), after the colon.
      const body = (await res.json()) as { code: string; errors?: Array<{ path: string; message: string }> };
      expect(body.code).toBe('validation_failed');
      expect(body.errors?.map((e) => [e.path, e.message.replace(/^.*：/, '')])).toEqual([['query', bad.split('=')[0]]]);
    }
  });

  it('shows another county nothing of this one', async () => {
    const outsider = await makeUser([{ tenant: 'ningcheng', role: 'county_admin' }]);
    const board = await json<ProjectBoardView>(await call('GET', `/api/t/ningcheng/projects/board?allianceId=${a.alliance.id}`, { token: outsider.token }), 200);
    expect(board.columns.map((c) => c.total)).toEqual([0, 0, 0, 0, 0]);
  });
});
