import { asc, inArray } from 'drizzle-orm';
import { shanghaiDate, type Ctx } from '@ronghe/core';
import { loadAllianceRefs } from '@ronghe/alliance/read';
import { peopleById } from '@ronghe/people/read';
import { orgNamesById } from '@ronghe/registry/read';
import { meetingDecisions, type Meeting, type MeetingDecision, type MeetingDecisionView, type MeetingView } from '@ronghe/schema';
import { decisionStatusOf, decisionWarning } from './warning.ts';

/** Decisions as shown: names of alliance and owner, status with `overdue`, the supervision warning. */
export async function decisionViews(ctx: Ctx, rows: readonly MeetingDecision[], meetingOn: ReadonlyMap<string, string>): Promise<MeetingDecisionView[]> {
  const today = shanghaiDate(ctx.clock.now());
  const [alliances, orgs] = await Promise.all([loadAllianceRefs(ctx, rows.map((r) => r.allianceId)), orgNamesById(ctx, [...new Set(rows.map((r) => r.ownerOrgId))])]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((d) => {
    const w = decisionWarning(d, today);
    return {
      id: d.id,
      meetingId: d.meetingId,
      allianceId: d.allianceId,
      allianceName: alliances.get(d.allianceId)?.name ?? '',
      meetingOn: meetingOn.get(d.meetingId) ?? '',
      content: d.content,
      ownerOrgId: d.ownerOrgId,
      ownerOrgName: orgName.get(d.ownerOrgId) ?? '',
      dueOn: d.dueOn,
      status: decisionStatusOf(d, today),
      warning: w.level,
      warningReason: w.reason,
      escalated: w.escalated,
      doneOn: d.doneOn,
      doneNote: d.doneNote,
      doneByName: d.doneByName,
      version: d.version,
    };
  });
}

export async function meetingViews(ctx: Ctx, rows: readonly Meeting[]): Promise<MeetingView[]> {
  if (!rows.length) return [];
  const decisions = await ctx.db
    .select()
    .from(meetingDecisions)
    .where(inArray(meetingDecisions.meetingId, rows.map((r) => r.id)))
    .orderBy(asc(meetingDecisions.meetingId), asc(meetingDecisions.id));
  const heldOn = new Map(rows.map((r) => [r.id, r.heldOn]));
  const [dv, alliances, orgs, people] = await Promise.all([
    decisionViews(ctx, decisions, heldOn),
    loadAllianceRefs(ctx, rows.map((r) => r.allianceId)),
    orgNamesById(ctx, [...new Set(rows.flatMap((r) => r.attendeeOrgIds))]),
    peopleById(ctx, rows.flatMap((r) => r.attendeePersonIds)),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((m) => ({
    id: m.id,
    allianceId: m.allianceId,
    allianceName: alliances.get(m.allianceId)?.name ?? '',
    heldOn: m.heldOn,
    agenda: m.agenda,
    minutes: m.minutes,
    attendeeOrgs: m.attendeeOrgIds.map((id) => ({ id, name: orgName.get(id) ?? '' })),
    attendeePersons: m.attendeePersonIds.map((id) => ({ id, name: people.get(id)?.name ?? '（已删除）' })),
    decisions: dv.filter((d) => d.meetingId === m.id),
    createdAt: m.createdAt,
  }));
}
