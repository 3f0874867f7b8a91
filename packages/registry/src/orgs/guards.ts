import { and, eq, ne, sql } from 'drizzle-orm';
import { AppError, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { organizations, type Organization } from '@ronghe/schema';

export function assertAllowed(ctx: Ctx, action: 'org.create' | 'org.update' | 'org.deactivate', target: { orgId?: string; orgPath?: string }) {
  if (!allows(ctx.actor, action, target)) throw new AppError('forbidden', '当前角色无权对该党组织执行此操作');
}

export async function loadParent(ctx: Ctx, parentId: string): Promise<Organization> {
  const parent = await ctx.db.query.organizations.findFirst({ where: eq(organizations.id, parentId) });
  if (!parent) {
    throw new AppError('validation_failed', '上级党组织不存在', { errors: [{ path: 'body.parentId', message: '上级党组织不存在' }] });
  }
  if (parent.status !== 'active') {
    throw new AppError('validation_failed', '上级党组织已停用', { errors: [{ path: 'body.parentId', message: '不能隶属于已停用的党组织' }] });
  }
  return parent;
}

export async function assertUniqueAmongSiblings(ctx: Ctx, parentId: string | null, name: string, selfId?: string) {
  const clash = await ctx.db.query.organizations.findFirst({
    where: and(
      parentId ? eq(organizations.parentId, parentId) : sql`${organizations.parentId} IS NULL`,
      eq(organizations.name, name),
      eq(organizations.status, 'active'),
      selfId ? ne(organizations.id, selfId) : undefined,
    ),
    columns: { id: true },
  });
  if (clash) {
    throw new AppError('conflict', `同一上级下已有名为“${name}”的党组织`, {
      errors: [{ path: 'body.name', message: '同一上级下组织名称不能重复' }],
    });
  }
}
