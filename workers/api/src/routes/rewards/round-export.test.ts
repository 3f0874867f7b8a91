import type { AllocationTableView, RoundView } from '@ronghe/schema';
import { readSheet } from 'read-excel-file/universal';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser, type TestUser } from '../../../../../test/support/factories.ts';

// The signed export of a reward round (issue 12 § 以奖代补), built inside
// workerd and read back: a draft is a preview marked 草稿（模拟）, a published
// round the final table with each line's 依据, the total in 元 and the
// 制表/审核/批准 lines. By hand: base 10,000.00 元, a county-level 最强党支部
// +30 % = 13,000.00 元, a standardized branch 10,000.00 元; 23,000.00 元 in all.
const T = 'ningcheng';
const R = (rest = '') => `/api/t/${T}/rewards/rounds${rest}`;
const YUAN = 100;
const TITLE = '宁城县2026年度党支部以奖代补资金分配表';

let admin: TestUser;
let reviewer: TestUser;

async function json<R>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
async function sheet(res: Response): Promise<unknown[][]> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
  expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('以奖代补资金分配表');
  return (await readSheet(await res.arrayBuffer())) as unknown[][];
}

beforeAll(async () => {
  const committee = await makeOrg(T, { kind: '党工委', domain: '街道', name: '导出测试街道党工委' });
  await makeOrg(T, { parent: committee, name: '导出甲社区党支部', qualityStatus: '最强党支部（区级）', qualityYear: 2026 });
  await makeOrg(T, { parent: committee, name: '导出乙社区党支部', qualityStatus: '标准化规范化', qualityYear: 2026 });
  admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
  reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: committee.id }]);
});

describe('the signed export of a reward round', () => {
  let round: RoundView;

  it('exports a draft as a preview marked 草稿（模拟）', async () => {
    round = await json<RoundView>(
      await call('POST', R(), {
        token: admin.token,
        body: {
          name: '2026年度党支部以奖代补',
          year: 2026,
          subject: 'branch',
          budgetFen: 100_000 * YUAN,
          method: { kind: 'base_uplift', baseFen: 10_000 * YUAN, uplifts: [{ designation: 'strongest_county', percentBp: 3000 }] },
          rules: { eligibility: { anyDesignation: ['standardized'], excludeUnderRectification: true, requireMemberReport: true } },
        },
      }),
      201,
    );
    const rows = await sheet(await call('GET', R(`/${round.id}/export`), { token: admin.token }));
    expect(rows[0]![0]).toBe(`${TITLE}【草稿（模拟）】`);
  });

  it('exports the published round as final: each line with its 依据 and amount, the total in 元, and the signature lines', async () => {
    await json<AllocationTableView>(await call('POST', R(`/${round.id}/simulate`), { token: admin.token }), 200);
    const published = await json<RoundView>(await call('POST', R(`/${round.id}/publish`), { token: admin.token, headers: { 'if-match': `"v${round.version}"` } }), 200);
    expect(published.allocatedFen).toBe(23_000 * YUAN);

    // A committee reviewer reads (reward.read) and so may export.
    const rows = await sheet(await call('GET', R(`/${round.id}/export`), { token: reviewer.token }));
    expect(rows[0]![0]).toBe(TITLE);
    expect(rows[1]![0]).toMatch(/^2026年度党支部以奖代补；预算 100,000\.00 元；基数 10,000\.00 元/);
    expect(rows[2]).toEqual(['序号', '党支部', '等次/得分', '依据', '金额（元）', '备注']);
    const byName = new Map(rows.slice(3).filter((r) => typeof r[0] === 'number').map((r) => [r[1], r]));
    expect(byName.get('导出甲社区党支部')![4]).toBe(13_000);
    expect(String(byName.get('导出甲社区党支部')![3])).toMatch(/30%/);
    expect(byName.get('导出乙社区党支部')![4]).toBe(10_000);
    const total = rows.find((r) => r[0] === '合计')!;
    expect(total[4]).toBe(published.allocatedFen! / YUAN);
    expect(total[5]).toBe('共 2 个单位获得奖补，合计 23,000.00 元');
    const sig = rows.find((r) => String(r[0]).startsWith('制表：'))!;
    expect([sig[0], sig[2], sig[4]]).toEqual(['制表：＿＿＿＿＿＿', '审核：＿＿＿＿＿＿', '批准：＿＿＿＿＿＿']);
    expect(String(rows.at(-1)![0])).toMatch(/^制表日期：\d{4}年\d{1,2}月\d{1,2}日$/);
  });

});
