import { z } from '@hono/zod-openapi';
import { TenantParam } from '@ronghe/http';

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdBy: z.string(),
    createdAt: z.number().int(),
    revokedAt: z.number().int().nullable(),
    lastUsedAt: z.number().int().nullable(),
    version: z.number().int(),
  })
  .openapi('ApiKey');

export const ApiKeyParams = TenantParam.extend({
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '接口密钥编号' }),
});
