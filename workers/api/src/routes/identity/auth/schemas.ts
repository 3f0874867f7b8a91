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

/** A grant of the signed-in user, with the names of what it is scoped to (the header's 铁南街道党工委 · 审核人). */
export const MeGrantSchema = GrantSchema.extend({
  scopeOrgName: z.string().nullable().openapi({ description: '授权范围党组织的名称' }),
  scopeAllianceName: z.string().nullable().openapi({ description: '授权范围联合体的名称' }),
}).openapi('MyGrant');

export const MeSchema = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), grants: z.array(MeGrantSchema) })
  .openapi('Me');
