import { commonErrors, createRouter, tenantRoute, XLSX } from '@ronghe/http';
import { exportFundLedger } from '@ronghe/funds';
import { FundAllianceParam, FundLedgerQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { attachment } from '../../lib/xlsx.ts';
import { TAG } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/funds/alliances/{id}/ledger/export',
  tags: [TAG],
  summary: '导出联合体某年经费明细账 Excel（日期、凭证号、摘要、来源/用途、收入、支出、余额，含上年结转与本年合计）',
  action: 'fund.read',
  request: { params: FundAllianceParam, query: FundLedgerQuerySchema },
  responses: { 200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } }, ...commonErrors },
});

export const exportFundLedgerRouter = createRouter().openapi(route, async (c) => {
  const ctx = serviceContext(c);
  const { bytes, allianceName, year } = await exportFundLedger({ ctx, input: { allianceId: c.req.valid('param').id, ...c.req.valid('query') } });
  return c.body(bytes, 200, { 'content-type': XLSX, 'content-disposition': attachment(`${allianceName}${year}年经费明细账.xlsx`) });
});
