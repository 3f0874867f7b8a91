import { z } from '@hono/zod-openapi';
import { TenantParam } from '@ronghe/http';
import { phoneSchema, ROLES } from '@ronghe/schema';

export const GrantInput = z
  .object({
    role: z.enum(ROLES, { message: `角色须为：${ROLES.join('、')}` }),
    scopeOrgId: z.string().max(40).nullable().optional().openapi({ description: '审核人、联合体管理员、联络员所属党组织' }),
  })
  .strict()
  .openapi('GrantInput');

export const GrantsBody = z
  .object({ grants: z.array(GrantInput).min(1, { message: '至少授予一个角色' }).max(10, { message: '一次最多 10 个角色' }) })
  .strict()
  .openapi('AccountGrants');

export const AccountSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable(),
    status: z.enum(['active', 'disabled']),
    locked: z.boolean(),
    grants: z.array(z.object({ role: z.enum(ROLES), scopeOrgId: z.string().nullable(), scopeOrgName: z.string().nullable() })),
    managedHere: z.boolean().openapi({ description: '为 false 时该账号在其他旗县区也有角色，本级只读' }),
    version: z.number().int(),
    createdAt: z.number().int(),
  })
  .openapi('Account');

export const CreateAccountBody = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_.-]{2,31}$/, { message: '用户名须以小写字母开头，3–32 位小写字母、数字、_ . -' }),
    displayName: z.string().trim().min(2, { message: '姓名至少 2 个字' }).max(40, { message: '姓名不能超过 40 个字' }),
    phone: phoneSchema.nullable().optional(),
    password: z.string().min(1, { message: '请设置初始密码' }).max(128, { message: '密码长度不能超过 128 位' }),
    grants: GrantsBody.shape.grants,
  })
  .strict()
  .openapi('AccountCreate');

export const AccountParams = TenantParam.extend({
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '账号编号' }),
});
