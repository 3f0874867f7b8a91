import { z } from '@hono/zod-openapi';
import { ROLES } from '@ronghe/schema';

export const GrantSchema = z
  .object({
    tenant: z.string(),
    role: z.enum(ROLES),
    scopeOrgId: z.string().nullable(),
    scopeAllianceId: z.string().nullable(),
  })
  .openapi('RoleGrant');

export const MeSchema = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), grants: z.array(GrantSchema) })
  .openapi('Me');
