import { and, eq, ne } from 'drizzle-orm';
import { AppError, type Ctx, type FieldError } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { organizationsById } from '@ronghe/registry/read';
import { people, type Organization, type PartyStanding, type PersonKind } from '@ronghe/schema';

export interface PersonState {
  kind: PersonKind;
  partyStanding: PartyStanding | null;
  homeOrgId: string | null;
}

/** Seed 000 / DOMAIN: a party member is 正式 or 预备 and belongs to one branch (一方隶属); a volunteer has no standing. */
export function kindProblems(s: PersonState): FieldError[] {
  const out: FieldError[] = [];
  if (s.kind === 'party_member') {
    if (!s.partyStanding) out.push({ path: 'body.partyStanding', message: '党员须填写党员类别（正式或预备）' });
    if (!s.homeOrgId) out.push({ path: 'body.homeOrgId', message: '党员须选择所属党组织' });
  } else if (s.partyStanding) {
    out.push({ path: 'body.partyStanding', message: '志愿者不填写党员类别' });
  }
  return out;
}

export function throwIfAny(errors: FieldError[]) {
  if (errors.length) throw new AppError('validation_failed', errors[0]!.message, { errors });
}

/** The home organization: an active organization of this county (an unknown or foreign id reads as absent). */
export async function loadHomeOrg(ctx: Ctx, id: string): Promise<Organization> {
  const org = (await organizationsById(ctx, [id])).get(id);
  if (!org) throw new AppError('validation_failed', '所属党组织不存在', { errors: [{ path: 'body.homeOrgId', message: '所属党组织不存在' }] });
  if (org.status !== 'active') throw new AppError('validation_failed', '所属党组织已停用', { errors: [{ path: 'body.homeOrgId', message: '不能隶属于已停用的党组织' }] });
  return org;
}

export function assertManage(ctx: Ctx, org: Pick<Organization, 'id' | 'path'> | null) {
  const target = org ? { orgId: org.id, orgPath: org.path } : {};
  if (!allows(ctx.actor, 'person.manage', target)) {
    throw new AppError('forbidden', org ? '当前角色无权管理该党组织的人员' : '只有旗县区管理员可以登记不隶属党组织的志愿者');
  }
}

/** One identity number, one person (the unique index stands behind this check). */
export async function assertIdNumberFree(ctx: Ctx, idNumber: string | null | undefined, selfId?: string) {
  if (!idNumber) return;
  const [clash] = await ctx.db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.idNumber, idNumber), selfId ? ne(people.id, selfId) : undefined))
    .limit(1);
  if (clash) throw idNumberTaken();
}

// A concurrent insert of the same number loses at the unique index instead (mapped in packages/http/src/problem.ts).
export const idNumberTaken = () =>
  new AppError('conflict', '该身份证号已登记', { errors: [{ path: 'body.idNumber', message: '该身份证号已登记在另一人员名下' }] });
