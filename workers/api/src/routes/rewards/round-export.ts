import { commonErrors, createRouter, tenantRoute, XLSX } from '@ronghe/http';
import { exportRound } from '@ronghe/rewards';
import { RoundIdParam } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { attachment } from '../../lib/xlsx.ts';

export const exportRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/rewards/rounds/{id}/export',
  tags: ['以奖代补'],
  summary: '导出奖补分配表（A4 Excel，含依据、合计及制表/审核/批准签字栏）；草稿导出为标注“草稿（模拟）”的预览',
  action: 'reward.read',
  request: { params: RoundIdParam },
  responses: { 200: { description: '.xlsx 文件', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } }, ...commonErrors },
});

export const exportRoundRouter = createRouter().openapi(exportRoute, async (c) => {
  const { filename, bytes } = await exportRound({ ctx: serviceContext(c), input: { id: c.req.valid('param').id }, env: c.env as Record<string, unknown> });
  return c.body(bytes, 200, { 'content-type': XLSX, 'content-disposition': attachment(filename) });
});
