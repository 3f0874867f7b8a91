import { z } from '@hono/zod-openapi';
import { TenantParam } from '@ronghe/http';

export const RedParams = TenantParam.extend({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '编号' }) });
export const RedListQuery = z
  .object({ status: z.enum(['active', 'archived', 'all'], { message: '状态须为 active、archived 或 all' }).optional() })
  .strict();
