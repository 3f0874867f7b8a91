import { conflict, forbidden, validation, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { currentMemberIds } from '@ronghe/alliance/read';
import { orgNamesById } from '@ronghe/registry/read';
import type { RatingEntry, RatingView } from '@ronghe/schema';
import { assertOpen, CLOSED, loadAssessment } from './load.ts';
import { ratingView } from './view.ts';
import { staffActor, writeRating } from './write.ts';

/**
 * A rating entered on the committee's page (seed 004 三(三); seed 003 mechanism 6):
 *  - 组织评定: a member of the approving committee, once per account;
 *  - 社会评价: a department's answer, entered by the committee or the county, once per department name;
 *  - 成员单位评价: a current member organization of the alliance, by its liaison or admin, once per organization.
 */
export async function rateAssessment({ ctx, input }: { ctx: Ctx; input: RatingEntry & { assessmentId: string } }): Promise<RatingView> {
  const { assessment, target } = await loadAssessment(ctx, input.assessmentId);
  let raterKey: string;
  let rater: string | null;
  if (input.group === 'committee') {
    if (!allows(ctx.actor, 'rating.committee', target)) throw forbidden('组织评定由批准该联合体的党（工）委委员作出');
    raterKey = ctx.actor.userId;
    rater = ctx.actor.displayName;
  } else if (input.group === 'department') {
    if (!allows(ctx.actor, 'rating.department', target)) throw forbidden('社会评价由批准该联合体的党（工）委或旗县区组织部录入');
    raterKey = input.department!.trim();
    rater = raterKey;
  } else {
    const orgId = input.orgId!;
    if (!allows(ctx.actor, 'rating.member_org', { ...target, memberOrgId: orgId })) throw forbidden('成员单位评价由该成员单位的联络员作出');
    const members = await currentMemberIds(ctx, assessment.allianceId);
    if (!members.has(orgId)) throw validation([{ path: 'body.orgId', message: '该组织不是联合体的在册成员单位' }]);
    raterKey = orgId;
    rater = (await orgNamesById(ctx, [orgId]))[0]?.name ?? null;
  }
  assertOpen(assessment);
  const row = await writeRating(ctx, staffActor(ctx), {
    assessmentId: assessment.id,
    group: input.group,
    raterKey,
    score: input.score,
    level: input.level,
    comment: input.comment?.trim() || null,
  });
  if (!row) throw conflict(CLOSED);
  return ratingView(row, rater);
}
