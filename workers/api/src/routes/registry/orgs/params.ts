import { z } from '@hono/zod-openapi';
import { TenantParam } from '@ronghe/http';

export const OrgParams = TenantParam.extend({
  id: z
    .string()
    .max(40)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'org_01jd0000000000000000000000', description: '党组织编号' }),
});

export const ETagHeader = { ETag: { schema: { type: 'string' as const }, description: '当前版本，修改时放入 If-Match' } };
