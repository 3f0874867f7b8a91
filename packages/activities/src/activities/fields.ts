import { AppError, type Ctx, type FieldError } from '@ronghe/core';
import { currentMemberIds } from '@ronghe/alliance/read';
import { organizationsById } from '@ronghe/registry/read';
import { shanghaiInstant } from './shared.ts';

export interface ActivityFields {
  activityDate: string;
  startTime: string;
  endTime: string;
  placeOrgId: string | null;
  lat: number | null;
  lng: number | null;
  checkinRadiusM: number | null;
  organizerOrgId: string;
  participantOrgIds: string[];
}

/**
 * Business rules of an activity's fields: the window ends after it starts;
 * coordinates come in pairs and a check-in radius needs them; the organizing
 * and participating organizations are current members of the alliance (seed
 * 000 9.2: 联建联学 of the member organizations); no participants listed means
 * every current member.
 */
export async function checkActivityFields(ctx: Ctx, allianceId: string, f: ActivityFields): Promise<{ startsAt: number; endsAt: number; participantOrgIds: string[] }> {
  const errors: FieldError[] = [];
  const startsAt = shanghaiInstant(f.activityDate, f.startTime);
  const endsAt = shanghaiInstant(f.activityDate, f.endTime);
  if (endsAt <= startsAt) errors.push({ path: 'body.endTime', message: '结束时间须晚于开始时间' });
  if ((f.lat === null) !== (f.lng === null)) errors.push({ path: f.lat === null ? 'body.lat' : 'body.lng', message: '经纬度须同时填写' });
  if (f.checkinRadiusM !== null && f.lat === null) errors.push({ path: 'body.checkinRadiusM', message: '限定签到范围须先填写活动地点的经纬度' });
  const members = await currentMemberIds(ctx, allianceId);
  if (!members.has(f.organizerOrgId)) errors.push({ path: 'body.organizerOrgId', message: '组织单位须为联合体的现有成员党组织' });
  const participants = f.participantOrgIds.length ? [...new Set(f.participantOrgIds)] : [...members];
  f.participantOrgIds.forEach((id, i) => {
    if (!members.has(id)) errors.push({ path: `body.participantOrgIds.${i}`, message: '参加单位须为联合体的现有成员党组织' });
  });
  if (f.placeOrgId) {
    const org = (await organizationsById(ctx, [f.placeOrgId])).get(f.placeOrgId);
    if (!org) errors.push({ path: 'body.placeOrgId', message: '活动场所所属党组织不存在' });
  }
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  return { startsAt, endsAt, participantOrgIds: participants };
}
