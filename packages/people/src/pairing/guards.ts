import { allows, type Action } from '@ronghe/identity';
import { AppError, notFound, shanghaiDate, type Ctx, type FieldError } from '@ronghe/core';
import { organizationsById } from '@ronghe/registry/read';
import type { Organization } from '@ronghe/schema';
import { isCommunity, isReportingOrg } from './rules.ts';

export function today(ctx: Ctx): string {
  return shanghaiDate(ctx.clock.now());
}

/** A date of something that has happened: never later than today (Asia/Shanghai). */
export function notInFuture(ctx: Ctx, date: string, path: string): FieldError[] {
  const t = today(ctx);
  return date > t ? [{ path, message: `日期不能晚于今天（${t}）` }] : [];
}

/** A scoped grant covers the request when it covers either organization (the reporting one or the community). */
export function mayActOn(ctx: Ctx, action: Action, orgs: ReadonlyArray<Pick<Organization, 'id' | 'path'>>): boolean {
  return orgs.some((o) => allows(ctx.actor, action, { orgId: o.id, orgPath: o.path }));
}

export function assertMay(ctx: Ctx, action: Action, orgs: ReadonlyArray<Pick<Organization, 'id' | 'path'>>, detail: string): void {
  if (!mayActOn(ctx, action, orgs)) throw new AppError('forbidden', detail);
}

/**
 * The community a request names: it must exist in this county (else 404, as for any
 * foreign id) and be a community party organization (else 422 `not_a_community`).
 */
export async function loadCommunity(ctx: Ctx, id: string, path: string): Promise<Organization> {
  const org = (await organizationsById(ctx, [id])).get(id);
  if (!org) throw notFound('社区党组织');
  if (!isCommunity(org) || org.status !== 'active') {
    const message = org.status !== 'active' ? `“${org.name}”已停用，不能报到` : `“${org.name}”不是社区党组织，只能向社区报到`;
    throw new AppError('validation_failed', message, { errors: [{ path, message }], extra: { reason: 'not_a_community' } });
  }
  return org;
}

/** The reporting organization of a pairing: a 机关/企事业单位 party organization (else 422 `not_an_organ`). */
export async function loadReportingOrg(ctx: Ctx, id: string, path: string): Promise<Organization> {
  const org = (await organizationsById(ctx, [id])).get(id);
  if (!org) throw notFound('报到单位党组织');
  if (!isReportingOrg(org) || org.status !== 'active') {
    const message = org.status !== 'active' ? `“${org.name}”已停用，不能结对` : `“${org.name}”不是机关、企事业单位党组织，不能作为报到单位（领域：${org.domain}）`;
    throw new AppError('validation_failed', message, { errors: [{ path, message }], extra: { reason: 'not_an_organ' } });
  }
  return org;
}

export function assertVersion(current: number, expected: number): void {
  if (current !== expected) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
}

export const UNIQUE_PAIRING = /UNIQUE constraint failed: org_pairings/;

export function isUnique(err: unknown, re: RegExp): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = err; e && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    if (re.test(String((e as Error).message ?? e))) return true;
  }
  return false;
}
