import { AppError, auditGuarded, isStaleGuardError, newId, shanghaiDate, writeBatch, type Ctx, type FieldError } from '@ronghe/core';
import { allianceInStatus, currentMemberIds, loadAllianceRefs, type AllianceRef } from '@ronghe/alliance/read';
import { allows } from '@ronghe/identity';
import { peopleById } from '@ronghe/people/read';
import { meetingDecisions, meetings, type AllianceStatus, type MeetingCreate, type MeetingView } from '@ronghe/schema';
import { getMeeting } from './get.ts';
import { allianceTarget } from './scope.ts';

/** An alliance holds joint meetings while it runs (运行中, or 整顿中 while it is put right). */
export const MEETING_OPEN: readonly AllianceStatus[] = ['active', 'rectifying'];

const invalid = (errors: FieldError[]) => new AppError('validation_failed', errors[0]!.message, { errors });

const notOpen = (a: AllianceRef) =>
  new AppError('conflict', `联合体“${a.name}”不在运行中，不能登记联席会议`, { errors: [{ path: 'body.allianceId', message: '只有运行中或整顿中的联合体可以登记联席会议' }] });

/**
 * The alliance records a joint meeting (联席会议/工作例会) with its decisions. Each
 * decision's owner is a current member organization and its deadline is not
 * before the meeting. One batch: meeting, decisions and the audit row; the
 * audit row also guards that the alliance still runs when the batch lands (it
 * may be suspended or dissolved after the read above), or nothing is written.
 */
export async function createMeeting({ ctx, input }: { ctx: Ctx; input: MeetingCreate }): Promise<MeetingView> {
  const a = (await loadAllianceRefs(ctx, [input.allianceId])).get(input.allianceId);
  if (!a) throw invalid([{ path: 'body.allianceId', message: '党建联合体不存在' }]);
  if (!allows(ctx.actor, 'meeting.manage', allianceTarget(a))) throw new AppError('forbidden', '只有联合体牵头党组织书记（联合体管理员）或旗县区委组织部管理员可以登记联席会议');
  if (!MEETING_OPEN.includes(a.status)) throw notOpen(a);
  const today = shanghaiDate(ctx.clock.now());
  const errors: FieldError[] = [];
  if (input.heldOn > today) errors.push({ path: 'body.heldOn', message: `会议日期不能晚于今天（${today}）` });
  const members = await currentMemberIds(ctx, a.id);
  members.add(a.leadOrgId);
  input.attendeeOrgIds.forEach((id, i) => {
    if (!members.has(id)) errors.push({ path: `body.attendeeOrgIds.${i}`, message: '参会单位须为联合体的现有成员单位' });
  });
  const personIds = [...new Set(input.attendeePersonIds ?? [])];
  const people = await peopleById(ctx, personIds);
  (input.attendeePersonIds ?? []).forEach((id, i) => {
    if (!people.has(id)) errors.push({ path: `body.attendeePersonIds.${i}`, message: '参会人员不在人员名册中' });
  });
  (input.decisions ?? []).forEach((d, i) => {
    if (!members.has(d.ownerOrgId)) errors.push({ path: `body.decisions.${i}.ownerOrgId`, message: '责任单位须为联合体的现有成员单位' });
    if (d.dueOn < input.heldOn) errors.push({ path: `body.decisions.${i}.dueOn`, message: `办结期限不能早于会议日期（${input.heldOn}）` });
  });
  if (errors.length) throw invalid(errors);
  const at = ctx.clock.now();
  const id = newId('mtg', at);
  const decisions = (input.decisions ?? []).map((d) => ({ id: newId('mdc', at), meetingId: id, allianceId: a.id, content: d.content, ownerOrgId: d.ownerOrgId, dueOn: d.dueOn, createdAt: at }));
  await guardedBy(a, () => writeBatch(ctx.db, [
    ctx.db.insert(meetings).values({
      id,
      allianceId: a.id,
      heldOn: input.heldOn,
      agenda: input.agenda,
      minutes: input.minutes ?? '',
      attendeeOrgIds: [...new Set(input.attendeeOrgIds)],
      attendeePersonIds: personIds,
      createdBy: ctx.actor.userId,
      createdAt: at,
    }),
    ...decisions.map((d) => ctx.db.insert(meetingDecisions).values(d)),
    auditGuarded(ctx, {
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: id,
      after: { allianceId: a.id, heldOn: input.heldOn, agenda: input.agenda, decisionIds: decisions.map((d) => d.id), decisions: decisions.map((d) => ({ ownerOrgId: d.ownerOrgId, dueOn: d.dueOn })) },
    }, allianceInStatus(a.id, MEETING_OPEN)),
  ]));
  return getMeeting({ ctx, input: { id } });
}

async function guardedBy<T>(a: AllianceRef, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isStaleGuardError(err)) throw notOpen(a);
    throw err;
  }
}
