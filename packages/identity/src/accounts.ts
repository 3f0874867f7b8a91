import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
  AppError,
  auditGuarded,
  auditInsert,
  inList,
  maskPhone,
  newId,
  pinyinSortKey,
  runGuarded,
  writeBatch,
  type Ctx,
  type FieldError,
  type TenantDb,
} from '@ronghe/core';
import { isApprovingCommittee, organizations, roleGrants, sessions, users, type Role, type User } from '@ronghe/schema';
import { allows } from './access.ts';
import { assertPasswordRules, hashPassword } from './password.ts';
import { sessionCache } from './session-cache.ts';

/**
 * Staff accounts of one tenant, managed by its administrator. Accounts live in
 * the control database; a tenant sees the accounts holding a role in it and may
 * change only those whose every role is in it (changing a password or
 * disabling an account that also works in another county would reach into that
 * county). Audit rows go to the control database, in the same batch.
 */
export interface AccountsCtx extends Ctx {
  control: TenantDb;
}

export interface GrantInput {
  role: Role;
  scopeOrgId?: string | null;
}

export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  status: 'active' | 'disabled';
  locked: boolean;
  grants: Array<{ role: Role; scopeOrgId: string | null; scopeOrgName: string | null }>;
  /** Roles elsewhere make the account read-only here. */
  managedHere: boolean;
  version: number;
  createdAt: number;
}

/** Roles a tenant administrator may hand out in that tenant. */
function grantableRoles(ctx: Ctx): readonly Role[] {
  return ctx.tenant.kind === 'city'
    ? ['city_admin', 'member']
    : ['county_admin', 'committee_reviewer', 'alliance_admin', 'org_liaison', 'member'];
}

const SCOPED: Partial<Record<Role, string>> = {
  committee_reviewer: '审核人须指定所属上级党(工)委（街道党工委、苏木乡镇党委、机关工委、园区党工委、行业党委或旗县区委）',
  alliance_admin: '联合体管理员须指定牵头党组织',
  org_liaison: '联络员须指定所在成员单位',
};

function assertManage(ctx: Ctx) {
  if (!allows(ctx.actor, 'user.manage', {})) throw new AppError('forbidden', '当前角色无权管理账号');
}

async function validateGrants(ctx: AccountsCtx, grants: GrantInput[]): Promise<Map<string, string>> {
  const errors: FieldError[] = [];
  const allowed = grantableRoles(ctx);
  grants.forEach((g, i) => {
    if (!allowed.includes(g.role)) errors.push({ path: `body.grants.${i}.role`, message: `本级不能授予该角色，可授予：${allowed.join('、')}` });
    const need = SCOPED[g.role];
    if (need && !g.scopeOrgId) errors.push({ path: `body.grants.${i}.scopeOrgId`, message: need });
    if (!need && g.scopeOrgId && g.role !== 'member') errors.push({ path: `body.grants.${i}.scopeOrgId`, message: '该角色不限定党组织，请留空' });
  });
  const ids = [...new Set(grants.map((g) => g.scopeOrgId).filter((x): x is string => !!x))];
  const orgs = ids.length
    ? await ctx.db
        .select({ id: organizations.id, name: organizations.name, kind: organizations.kind, domain: organizations.domain, isExternal: organizations.isExternal, status: organizations.status })
        .from(organizations)
        .where(inList(organizations.id, ids))
    : [];
  const byId = new Map(orgs.map((o) => [o.id, o]));
  grants.forEach((g, i) => {
    if (!g.scopeOrgId) return;
    const org = byId.get(g.scopeOrgId);
    if (!org || org.status !== 'active') {
      errors.push({ path: `body.grants.${i}.scopeOrgId`, message: '党组织不存在或已停用' });
    } else if (org.isExternal) {
      // An external member takes part in alliances, nothing more: any account scoped to it would read the whole county.
      errors.push({ path: `body.grants.${i}.scopeOrgId`, message: `“${org.name}”是外部组织，不能为其开设任何账号` });
    } else if (g.role === 'committee_reviewer' && !isApprovingCommittee(org)) {
      // Every committee that may approve an alliance holds reviewers (seed 000 7.2, 8.3), and only those.
      errors.push({ path: `body.grants.${i}.scopeOrgId`, message: `审核人只能属于上级党(工)委（街道党工委、苏木乡镇党委、机关工委、园区党工委、行业党委或旗县区委），“${org.name}”不是` });
    }
  });
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => e.message).join('；'), { errors });
  return new Map(orgs.map((o) => [o.id, o.name]));
}

async function loadTenantAccounts(ctx: AccountsCtx, userIds?: string[]) {
  // Accounts holding a role here, with all their grants (to tell whether they are managed here).
  const here = sql`(SELECT user_id FROM role_grants WHERE tenant = ${ctx.tenant.slug})`;
  const only = userIds ? inList(users.id, userIds) : undefined;
  const [rows, grants] = await ctx.control.batch([
    ctx.control.select().from(users).where(and(sql`${users.id} IN ${here}`, only)).orderBy(asc(users.sortKey), asc(users.id)),
    ctx.control.select().from(roleGrants).where(and(sql`${roleGrants.userId} IN ${here}`, userIds ? inList(roleGrants.userId, userIds) : undefined)),
  ]);
  if (rows.length === 0) return [];
  const scopeIds = [...new Set(grants.filter((g) => g.tenant === ctx.tenant.slug && g.scopeOrgId).map((g) => g.scopeOrgId!))];
  const names = scopeIds.length
    ? new Map((await ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inList(organizations.id, scopeIds))).map((o) => [o.id, o.name]))
    : new Map<string, string>();
  const now = ctx.clock.now();
  return rows.map((u) => {
    const all = grants.filter((g) => g.userId === u.id);
    const here = all.filter((g) => g.tenant === ctx.tenant.slug);
    const view: AccountView = {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      phone: u.phone,
      status: u.status,
      locked: !!u.lockedUntil && u.lockedUntil > now,
      grants: here.map((g) => ({ role: g.role, scopeOrgId: g.scopeOrgId, scopeOrgName: g.scopeOrgId ? (names.get(g.scopeOrgId) ?? null) : null })),
      managedHere: all.every((g) => g.tenant === ctx.tenant.slug),
      version: u.version,
      createdAt: u.createdAt,
    };
    return { user: u, view };
  });
}

export async function listAccounts({ ctx }: { ctx: AccountsCtx }): Promise<AccountView[]> {
  assertManage(ctx);
  return (await loadTenantAccounts(ctx)).map((a) => ({ ...a.view, phone: maskPhone(a.view.phone) }));
}

async function loadManaged(ctx: AccountsCtx, id: string, expectedVersion: number): Promise<{ user: User; view: AccountView }> {
  assertManage(ctx);
  const found = (await loadTenantAccounts(ctx, [id]))[0];
  if (!found) throw new AppError('not_found', '账号不存在或无权访问');
  if (!found.view.managedHere) throw new AppError('forbidden', '该账号在其他旗县区也有角色，请联系市委组织部调整');
  if (found.user.id === ctx.actor.userId) throw new AppError('conflict', '不能在账号管理中修改自己的账号，请到个人中心操作');
  if (found.user.version !== expectedVersion) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  return found;
}

function controlAudit(ctx: AccountsCtx, entry: Parameters<typeof auditInsert>[1], guarded = false) {
  const c = { ...ctx, db: ctx.control };
  return guarded ? auditGuarded(c, entry) : auditInsert(c, entry);
}

function bumpVersion(ctx: AccountsCtx, user: User, set: Partial<User>) {
  return ctx.control
    .update(users)
    .set({ ...set, version: user.version + 1, updatedAt: ctx.clock.now() })
    .where(and(eq(users.id, user.id), eq(users.version, user.version)));
}

export async function createAccount({
  ctx,
  input,
}: {
  ctx: AccountsCtx;
  input: { username: string; displayName: string; phone?: string | null; password: string; grants: GrantInput[] };
}): Promise<AccountView> {
  assertManage(ctx);
  assertPasswordRules(input.password, 'body.password');
  await validateGrants(ctx, input.grants);
  const taken = await ctx.control.query.users.findFirst({ where: eq(users.username, input.username), columns: { id: true } });
  if (taken) {
    throw new AppError('conflict', `用户名“${input.username}”已被使用`, { errors: [{ path: 'body.username', message: '用户名已被使用' }] });
  }
  const now = ctx.clock.now();
  const id = newId('usr', now);
  const h = await hashPassword(input.password);
  const grantRows = input.grants.map((g) => ({
    id: newId('grt', now),
    userId: id,
    tenant: ctx.tenant.slug,
    role: g.role,
    scopeOrgId: g.scopeOrgId ?? null,
    scopeAllianceId: null,
    createdAt: now,
  }));
  await writeBatch(ctx.control, [
    ctx.control.insert(users).values({
      id,
      username: input.username,
      displayName: input.displayName,
      sortKey: pinyinSortKey(input.displayName),
      phone: input.phone ?? null,
      passwordHash: h.hash,
      passwordSalt: h.salt,
      passwordIterations: h.iterations,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    }),
    ...grantRows.map((g) => ctx.control.insert(roleGrants).values(g)),
    controlAudit(ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: { tenant: ctx.tenant.slug, username: input.username, displayName: input.displayName, grants: input.grants },
    }),
  ]);
  return (await loadTenantAccounts(ctx, [id]))[0]!.view;
}

export async function setAccountGrants({
  ctx,
  input,
}: {
  ctx: AccountsCtx;
  input: { id: string; expectedVersion: number; grants: GrantInput[] };
}): Promise<AccountView> {
  const { user, view } = await loadManaged(ctx, input.id, input.expectedVersion);
  await validateGrants(ctx, input.grants);
  const now = ctx.clock.now();
  await runGuarded(() =>
    writeBatch(ctx.control, [
      bumpVersion(ctx, user, {}),
      controlAudit(ctx, { action: 'user.grants', entityType: 'user', entityId: user.id, before: { tenant: ctx.tenant.slug, grants: view.grants }, after: { tenant: ctx.tenant.slug, grants: input.grants } }, true),
      ctx.control.delete(roleGrants).where(and(eq(roleGrants.userId, user.id), eq(roleGrants.tenant, ctx.tenant.slug))),
      ...input.grants.map((g) =>
        ctx.control.insert(roleGrants).values({ id: newId('grt', now), userId: user.id, tenant: ctx.tenant.slug, role: g.role, scopeOrgId: g.scopeOrgId ?? null, scopeAllianceId: null, createdAt: now }),
      ),
      // New roles take effect at the next login.
      ctx.control.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt))),
    ]),
  );
  // The account's sessions were revoked: no request of this isolate may reuse one (ADR 0032).
  sessionCache.clear();
  return (await loadTenantAccounts(ctx, [user.id]))[0]!.view;
}

export async function resetAccountPassword({
  ctx,
  input,
}: {
  ctx: AccountsCtx;
  input: { id: string; expectedVersion: number; newPassword: string };
}): Promise<AccountView> {
  const { user } = await loadManaged(ctx, input.id, input.expectedVersion);
  assertPasswordRules(input.newPassword);
  const now = ctx.clock.now();
  const h = await hashPassword(input.newPassword);
  await runGuarded(() =>
    writeBatch(ctx.control, [
      bumpVersion(ctx, user, { passwordHash: h.hash, passwordSalt: h.salt, passwordIterations: h.iterations, passwordChangedAt: now, failedAttempts: 0, lockedUntil: null }),
      controlAudit(ctx, { action: 'user.reset_password', entityType: 'user', entityId: user.id, after: { tenant: ctx.tenant.slug, unlocked: true } }, true),
      ctx.control.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt))),
    ]),
  );
  // The account's sessions were revoked: no request of this isolate may reuse one (ADR 0032).
  sessionCache.clear();
  return (await loadTenantAccounts(ctx, [user.id]))[0]!.view;
}

export async function setAccountStatus({
  ctx,
  input,
}: {
  ctx: AccountsCtx;
  input: { id: string; expectedVersion: number; status: 'active' | 'disabled' };
}): Promise<AccountView> {
  const { user } = await loadManaged(ctx, input.id, input.expectedVersion);
  if (user.status === input.status) throw new AppError('conflict', input.status === 'active' ? '该账号已是启用状态' : '该账号已停用');
  const now = ctx.clock.now();
  await runGuarded(() =>
    writeBatch(ctx.control, [
      bumpVersion(ctx, user, { status: input.status, failedAttempts: 0, lockedUntil: null }),
      controlAudit(ctx, { action: input.status === 'active' ? 'user.enable' : 'user.disable', entityType: 'user', entityId: user.id, before: { status: user.status }, after: { tenant: ctx.tenant.slug, status: input.status } }, true),
      ctx.control.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt))),
    ]),
  );
  // The account's sessions were revoked: no request of this isolate may reuse one (ADR 0032).
  sessionCache.clear();
  return (await loadTenantAccounts(ctx, [user.id]))[0]!.view;
}
