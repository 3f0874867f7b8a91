import { AppError, auditInsert, newId, shanghaiDate, writeBatch, type Ctx, type FieldError } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { activeMembersOf, peopleById } from '@ronghe/people/read';
import { organizationsById } from '@ronghe/registry/read';
import { orgLifeRecords, type OrgLifeRecordCreate, type OrgLifeRecordView } from '@ronghe/schema';
import { getOrgLifeRecord } from './records-list.ts';
import { BRANCH_KINDS } from './rules.ts';

const invalid = (errors: FieldError[]) => new AppError('validation_failed', errors[0]!.message, { errors });

/**
 * A branch records a meeting (三会一课, 主题党日, 组织生活会, 民主评议党员). Only a
 * 党支部 holds them; every attendee is an active member whose home is that
 * branch; the date is not in the future. Recording emits `org_life.recorded`
 * (ids only) for the points capability.
 */
export async function recordOrgLife({ ctx, input }: { ctx: Ctx; input: OrgLifeRecordCreate }): Promise<OrgLifeRecordView> {
  const org = (await organizationsById(ctx, [input.orgId])).get(input.orgId);
  if (!org) throw invalid([{ path: 'body.orgId', message: '党组织不存在' }]);
  if (!allows(ctx.actor, 'org_life.record', { orgId: org.id, orgPath: org.path })) throw new AppError('forbidden', '只有本支部、其上级党(工)委或旗县区委组织部可以登记本支部的组织生活');
  if (!(BRANCH_KINDS as readonly string[]).includes(org.kind) || org.status !== 'active') {
    throw invalid([{ path: 'body.orgId', message: `“${org.name}”是${org.kind}，只有在册的党支部可以登记三会一课等组织生活` }]);
  }
  const today = shanghaiDate(ctx.clock.now());
  if (input.heldOn > today) throw invalid([{ path: 'body.heldOn', message: `会议日期不能晚于今天（${today}）` }]);
  const attendeeIds = [...new Set(input.attendeeIds)];
  const people = await peopleById(ctx, attendeeIds);
  const errors: FieldError[] = [];
  input.attendeeIds.forEach((id, i) => {
    const p = people.get(id);
    if (!p) errors.push({ path: `body.attendeeIds.${i}`, message: '参会人员不在党员名册中' });
    else if (p.homeOrgId !== org.id || p.status !== 'active') errors.push({ path: `body.attendeeIds.${i}`, message: `${p.name}不是本支部在册党员` });
  });
  if (errors.length) throw invalid(errors);
  const expected = (await activeMembersOf(ctx, org.id)).length;
  const at = ctx.clock.now();
  const id = newId('olr', at);
  const row = {
    id,
    orgId: org.id,
    kind: input.kind,
    heldOn: input.heldOn,
    topic: input.topic,
    minutes: input.minutes ?? '',
    attendeeIds,
    expectedCount: expected,
    presentCount: attendeeIds.length,
    createdBy: ctx.actor.userId,
    createdAt: at,
  };
  await writeBatch(ctx.db, [
    ctx.db.insert(orgLifeRecords).values(row),
    auditInsert(ctx, {
      action: 'org_life.record',
      entityType: 'org_life_record',
      entityId: id,
      after: { orgId: org.id, kind: input.kind, heldOn: input.heldOn, topic: input.topic, attendeeIds, expectedCount: expected, presentCount: attendeeIds.length },
    }),
  ]);
  return getOrgLifeRecord(ctx, id);
}
