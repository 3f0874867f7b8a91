import { z } from '@hono/zod-openapi';
import { listAudit } from '@ronghe/core';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { serviceContext } from '../../lib/service-context.ts';

const AuditQuery = z
  .object({
    entityType: z.string().max(40).optional(),
    entityId: z.string().max(40).optional(),
    actorId: z.string().max(40).optional(),
    action: z.string().max(60).optional(),
    from: z.coerce.number({ message: '起始时间须为毫秒时间戳' }).int().min(0).optional(),
    to: z.coerce.number({ message: '结束时间须为毫秒时间戳' }).int().min(0).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional(),
  })
  .strict();

const AuditRecord = z
  .object({
    id: z.string(),
    at: z.number().int(),
    actorId: z.string(),
    actorName: z.string(),
    actorRole: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string(),
  })
  .openapi('AuditRecord');

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/audit',
  tags: ['审计日志'],
  summary: '审计日志（只追加；最新在前）',
  action: 'audit.read',
  request: { params: TenantParam, query: AuditQuery },
  responses: {
    200: {
      description: '一页审计记录',
      content: { 'application/json': { schema: z.object({ items: z.array(AuditRecord), nextCursor: z.string().nullable() }) } },
    },
    ...commonErrors,
  },
});

export const auditRouter = createRouter().openapi(route, async (c) => {
  const page = await listAudit({ ctx: serviceContext(c), input: c.req.valid('query'), control: c.get('control') });
  return c.json(page, 200);
});
