import { AppError, type Ctx } from '@ronghe/core';
import { FOUNDED, loadAllianceRefs, type AllianceRef } from '@ronghe/alliance/read';
import { allows } from '@ronghe/identity';
import { ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_LABELS, type Activity, type ActivitySummary, type AllianceStatus } from '@ronghe/schema';

/** Check-in opens this long before the start (members arrive early) and closes at the end. */
export const CHECKIN_EARLY_MS = 30 * 60 * 1000;

/** Alliances that run activities: formed and not dissolved. */
/** A running alliance (the alliance capability's own list). */
export const RUNNING: readonly AllianceStatus[] = FOUNDED;

/** An instant from a Shanghai date and `HH:MM`. */
export function shanghaiInstant(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}

// Short codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B — easy to read aloud and type on a phone.
const ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const CODE_LENGTH = 7;

export function newCode(random: (b: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(CODE_LENGTH));
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6_371_008.8;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function scopeOf(a: AllianceRef) {
  return { allianceId: a.id, leadOrgId: a.leadOrgId, committeePath: a.committeePath };
}

/** The alliance of an activity being written; refuses an actor who may not run its activities. */
export async function requireManagedAlliance(ctx: Ctx, allianceId: string, path: string | null): Promise<AllianceRef> {
  const a = (await loadAllianceRefs(ctx, [allianceId])).get(allianceId);
  if (!a) {
    if (path) throw new AppError('validation_failed', '党建联合体不存在', { errors: [{ path, message: '党建联合体不存在' }] });
    throw new AppError('not_found', '党建联合体不存在或无权访问');
  }
  if (!allows(ctx.actor, 'activity.manage', scopeOf(a))) throw new AppError('forbidden', '只有联合体牵头党组织或旗县区委组织部可以管理联合体活动');
  return a;
}

export function notRunning(a: AllianceRef, path = 'body.allianceId'): AppError {
  return new AppError('conflict', `联合体“${a.name}”尚未组建或已撤销，不能登记活动`, { errors: [{ path, message: '只有已组建、运行中或整顿中的联合体可以登记活动' }] });
}

export function assertRunning(a: AllianceRef, path = 'body.allianceId'): void {
  if (!RUNNING.includes(a.status)) throw notRunning(a, path);
}

/** An activity as the list shows it (the detail adds to it). */
export function activitySummary(a: Activity, allianceName: string): ActivitySummary {
  return {
    id: a.id,
    allianceId: a.allianceId,
    allianceName,
    kind: a.kind,
    kindLabel: ACTIVITY_KIND_LABELS[a.kind],
    title: a.title,
    activityDate: a.activityDate,
    startTime: a.startTime,
    endTime: a.endTime,
    place: a.place,
    status: a.status,
    statusLabel: ACTIVITY_STATUS_LABELS[a.status],
    attendance: a.attendance,
  };
}
