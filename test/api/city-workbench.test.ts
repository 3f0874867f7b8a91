import { recountCounties } from '@ronghe/rollup';
import { ALLIANCE_STATUSES, type CityRollup, type CountyFigures, type WorkbenchView } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { describe, expect, it } from 'vitest';
import { expectedFigures, generateModel, writeModel } from '../../packages/rollup/src/random-county.ts';
import { call, makeUser } from '../support/factories.ts';
import { bindings } from '../support/worker.ts';

// The 市委组织部's 工作台 in the city's own tenant (ADR 0022 addendum): its figures are every county's, as the
// city rollup sums them for 全市概况. The expected figures come from a generated county by the rollup's hand
// rules (packages/rollup/src/random-county.ts), plus those of any other county 全市概况 lists.

async function json<T>(res: Response, status: number): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

describe('the city’s 工作台', () => {
  it('in the city’s own tenant the figures are every county’s, summed by the rollup as 全市概况 shows them, with their date', async () => {
    // 克什克腾旗 with a generated county (alliances, needs, projects), counted by the rollup's hand rules.
    const now = Date.now();
    const model = generateModel(31, now, 'wbc');
    await writeModel(bindings.DB_KESHIKETENG!, model, now);
    await recountCounties(bindings as unknown as Record<string, unknown>, [findTenant('keshiketeng')!], { now });
    const want = expectedFigures(model, now).figures;
    const city = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    // Other counties may hold figures another test file stored in this workerd: they add as 全市概况 lists them.
    const listed = await json<CityRollup>(await call('GET', '/api/city/rollup', { token: city.token }), 200);
    const others = listed.counties.filter((c) => c.figures && c.slug !== 'keshiketeng').map((c) => c.figures!);
    const plus = (pick: (f: CountyFigures) => number) => pick(want) + others.reduce((n, f) => n + pick(f), 0);

    const f = (await json<WorkbenchView>(await call('GET', '/api/t/chifeng/workbench', { token: city.token }), 200)).figures;
    if (f.scope !== 'city') throw new Error('the city’s 工作台 shows the city’s figures');
    expect(want.alliances.total).toBeGreaterThan(0);
    for (const s of ALLIANCE_STATUSES) expect(f.alliancesByStatus[s], s).toBe(plus((x) => x.alliances.byStatus[s] ?? 0));
    expect(f.needs).toEqual({ open: plus((x) => x.needs.open), met: plus((x) => x.needs.met) });
    expect(f.projects).toEqual({ open: plus((x) => x.projects.open), overdue: plus((x) => x.projects.overdue), completed: plus((x) => x.projects.completed) });
    expect(f.counties).toBe(others.length + 1);
    expect(f.asOf).not.toBeNull();
    expect(f.asOf!).toBeLessThanOrEqual(now);
    // A county's own 工作台 keeps its own figures.
    const county = await makeUser([{ tenant: 'keshiketeng', role: 'county_admin' }]);
    expect((await json<WorkbenchView>(await call('GET', '/api/t/keshiketeng/workbench', { token: county.token }), 200)).figures.scope).toBe('tenant');
  });

});
