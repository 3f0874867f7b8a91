import { z } from '@hono/zod-openapi';
import { TenantParam } from '@ronghe/http';
import { API_SCOPES } from '@ronghe/schema';

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdBy: z.string(),
    createdAt: z.number().int(),
    revokedAt: z.number().int().nullable(),
    scopes: z.array(z.enum(API_SCOPES)).openapi({ description: '密钥的权限范围' }),
    expiresAt: z.number().int().nullable().openapi({ description: '自此时刻起失效（有效期截止日次日 0 时，北京时间）；null 为长期有效' }),
    expiresOn: z.string().nullable().openapi({ description: '有效期截止日（含当天，北京时间）' }),
    lastUsedAt: z.number().int().nullable(),
    version: z.number().int(),
  })
  .openapi('ApiKey');

export const ApiKeyParams = TenantParam.extend({
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '接口密钥编号' }),
});
