import { shanghaiDate } from '@ronghe/core';
import { commonErrors, createRouter, TenantParam, tenantRoute, XLSX } from '@ronghe/http';
import { exportFundSummary } from '@ronghe/funds';
import { serviceContext } from '../../lib/service-context.ts';
import { attachment } from '../../lib/xlsx.ts';
import { TAG } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/funds/summary/export',
  tags: [TAG],
  summary: '导出全旗县区联合体经费汇总 Excel（金额以元计，保留两位小数，含合计行）',
  action: 'fund.summary',
  request: { params: TenantParam },
  responses: { 200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } }, ...commonErrors },
});

export const exportFundSummaryRouter = createRouter().openapi(route, async (c) => {
  const ctx = serviceContext(c);
  const bytes = await exportFundSummary({ ctx });
  return c.body(bytes, 200, { 'content-type': XLSX, 'content-disposition': attachment(`${ctx.tenant.name}联合体经费汇总_${shanghaiDate(ctx.clock.now())}.xlsx`) });
});
