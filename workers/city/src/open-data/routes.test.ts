import type { CityRollup } from '@ronghe/schema';
import { emptyCountyFigures } from '@ronghe/schema';
import { createRouter, onError, requestContext } from '@ronghe/http';
import { describe, expect, it } from 'vitest';
import { call, makeUser } from '../../../../test/support/factories.ts';
import { bindings } from '../../../../test/support/worker.ts';
import { createRollupExportApi } from './routes.ts';

// The routes over an injected loader (the stored rollup is wired in workers/edge).
// Through the mounted app they serve the rollup not yet computed; here, a small
// rollup of one county shows what a city role downloads and who may.

const ROLLUP: CityRollup = {
  asOf: Date.UTC(2026, 11, 5, 2, 30),
  city: { ...emptyCountyFigures(), orgs: { total: 5, active: 4, branches: 3, standardized: 2, strongestCounty: 1, strongestCity: 0, weak: 1 } },
  cityTrend: [],
  counties: [
    {
      slug: 'hongshan',
      code: '150402',
      name: '红山区',
      asOf: Date.UTC(2026, 11, 5, 2, 30),
      stale: false,
      staleSince: null,
      figures: { ...emptyCountyFigures(), orgs: { total: 5, active: 4, branches: 3, standardized: 2, strongestCounty: 1, strongestCity: 0, weak: 1 } },
      trend: [],
    },
  ],
};

describe('the open-data downloads', () => {
  it('give the city admin one topic as CSV with a BOM and a Chinese file name', async () => {
    const admin = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const res = await call('GET', '/api/city/open-data/csv/orgs', { token: admin.token });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toMatch(/赤峰市融合党建开放数据-党组织-\d{8}\.csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe('范围,区划代码,统计时间,数据状态,组织总数,在用组织,党支部,标准化规范化,最强党支部（区级）,最强党支部（市级）,软弱涣散');
    // Before the rollup is computed: every county listed, none as zeros.
    expect(lines[2]).toBe('红山区,150402,,尚未统计,,,,,,,');
    expect(lines).toHaveLength(1 + 1 + 12 + 1);
  });

  it('give the workbook', async () => {
    const admin = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const res = await call('GET', '/api/city/open-data/xlsx', { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toMatch(/赤峰市融合党建开放数据-\d{8}\.xlsx/);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('refuse a county administrator (403 forbidden) and an unknown topic (422 validation_failed)', async () => {
    const county = await makeUser([{ tenant: 'hongshan', role: 'county_admin' }]);
    const refused = await call('GET', '/api/city/open-data/csv/orgs', { token: county.token });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('forbidden');
    const admin = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const unknown = await call('GET', '/api/city/open-data/csv/people', { token: admin.token });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { code: string }).code).toBe('validation_failed');
  });

  it('write the rollup the loader hands them', async () => {
    const admin = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const app = createRouter();
    app.use('*', requestContext());
    app.onError(onError);
    app.route('/api', createRollupExportApi(async () => ROLLUP));
    const res = await app.request('/api/city/open-data/csv/orgs', { headers: { authorization: `Bearer ${admin.token}` } }, bindings as never);
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.text()).split('\r\n').slice(1, 3)).toEqual(['全市,150400,2026-12-05 10:30,最新,5,4,3,2,1,0,1', '红山区,150402,2026-12-05 10:30,最新,5,4,3,2,1,0,1']);
  });
});
