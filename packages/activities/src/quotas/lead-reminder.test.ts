import { newId, openDb, shanghaiDate } from '@ronghe/core';
import { activityQuotaPlans, type WorkbenchView } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { describe, expect, it } from 'vitest';
import { makeAlliance } from '../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser } from '../../../../test/support/factories.ts';
import { bindings } from '../../../../test/support/worker.ts';

const T = 'wengniute';

describe('工作台: the lead’s activity-quota reminder', () => {
  it('counts every running alliance it leads, past the 90 ids one IN list may bind', async () => {
    const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const lead = await makeOrg(T, { parent: committee });
    const members = [await makeOrg(T, { domain: '机关', kind: '党支部' })];
    const made = [];
    for (let i = 0; i < 92; i++) made.push(await makeAlliance(T, { lead, committee, status: i === 91 ? 'dissolved' : 'active', members }));
    const today = shanghaiDate(Date.now());
    const year = Number(today.slice(0, 4));
    const now = Date.now();
    // One visit a month asked of each: any month after January, January went by with none.
    const db = openDb(bindings[findTenant(T)!.binding]!);
    for (let i = 0; i < made.length; i += 10)
      await db.insert(activityQuotaPlans).values(
        made.slice(i, i + 10).map((a) => ({ id: newId('qpl', now), allianceId: a.alliance.id, year, kind: 'joint_visit' as const, period: 'month' as const, required: 1, createdAt: now, updatedAt: now })),
      );
    const admin = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: lead.id }]);
    const w = (await (await call('GET', `/api/t/${T}/workbench`, { token: admin.token })).json()) as WorkbenchView;
    const behind = w.todos.find((t) => t.kind === 'activity.quota_behind');
    if (today.slice(5, 7) === '01') return expect(behind).toBeUndefined();
    // The dissolved one is not running: 91 of 92.
    expect(behind!.count).toBe(91);
    expect(behind!.items).toHaveLength(10);
    const names = new Map(made.map((a) => [a.alliance.id, a.alliance.name]));
    for (const i of behind!.items) expect(i.label).toBe(names.get(i.id));
  }, 120_000);
});
