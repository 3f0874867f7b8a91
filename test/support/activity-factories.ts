import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { newId, openDb, pinyinSortKey, shanghaiDate, systemClock, type Ctx } from '@ronghe/core';
import { activities, activityPhotos, meetingDecisions, meetings, people, type Activity, type ActivityKind, type Person } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { bindings } from './worker.ts';

// Setup for the activities lane's tests: people and activities inserted straight
// into a tenant database (the API is what the tests exercise, not these).

let seq = 0;
const dbOf = (tenant: string) => openDb(bindings[findTenant(tenant)!.binding]!);

/**
 * A party member of the registry whose home branch is `homeOrgId`; with
 * `userId`, the person that account signs in as (an account already linked
 * keeps its person, re-homed: a test may aim one caller at several activities).
 */
export async function makePerson(tenant: string, fields: { homeOrgId: string | null; userId?: string | null; name?: string; status?: Person['status'] }): Promise<Person> {
  const db = dbOf(tenant);
  const now = Date.now();
  const name = fields.name ?? `测试党员${++seq}`;
  const row: Person = {
    id: newId('psn', now),
    name,
    sortKey: pinyinSortKey(name),
    kind: 'party_member',
    partyStanding: '正式',
    homeOrgId: fields.homeOrgId,
    inService: false,
    workUnit: null,
    skills: [],
    phone: `1390476${String(1000 + (seq % 9000)).padStart(4, '0')}`,
    idNumber: null,
    userId: fields.userId ?? null,
    status: fields.status ?? 'active',
    leftOn: null,
    leftReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const [saved] = await db
    .insert(people)
    .values(row)
    .onConflictDoUpdate({ target: people.userId, set: { homeOrgId: sql`excluded.home_org_id`, status: sql`excluded.status` } })
    .returning();
  return saved!;
}

const HOUR = 3_600_000;
const hhmm = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(11, 16);

/**
 * An activity of an alliance whose check-in window is [startsAt − 30 min, endsAt].
 * Default: started an hour ago, ends in an hour (open for check-in now). The
 * stored date and times follow the instants in Asia/Shanghai (a window across
 * midnight keeps its instants; only the label would read oddly).
 */
export async function makeActivity(
  tenant: string,
  fields: { allianceId: string; organizerOrgId: string; participantOrgIds: string[]; kind?: ActivityKind; startsAt?: number; endsAt?: number; status?: Activity['status']; lat?: number | null; lng?: number | null; checkinRadiusM?: number | null; activityDate?: string },
): Promise<Activity> {
  const now = Date.now();
  // Minute-aligned and inside one Shanghai day, so the date and times say exactly the instants (an edit recomputes them).
  const dayStart = Date.parse(`${shanghaiDate(now)}T00:00:00+08:00`);
  const minute = (ms: number) => ms - (ms % 60_000);
  const startsAt = fields.startsAt ?? Math.max(minute(now - HOUR), dayStart);
  const endsAt = fields.endsAt ?? Math.min(minute(now + HOUR), dayStart + 24 * HOUR - 60_000);
  const id = newId('act', now);
  const row: Activity = {
    id,
    allianceId: fields.allianceId,
    kind: fields.kind ?? 'joint_visit',
    title: `联合走访慰问${++seq}`,
    activityDate: fields.activityDate ?? shanghaiDate(startsAt),
    startTime: hhmm(startsAt),
    endTime: hhmm(endsAt),
    startsAt,
    endsAt,
    place: '城区党群服务中心',
    placeOrgId: null,
    lat: fields.lat ?? null,
    lng: fields.lng ?? null,
    checkinRadiusM: fields.checkinRadiusM ?? null,
    organizerOrgId: fields.organizerOrgId,
    participantOrgIds: fields.participantOrgIds,
    summary: null,
    status: fields.status ?? 'planned',
    code: `T${id.slice(-6).toUpperCase().replace(/[^A-Z0-9]/g, '3')}`,
    attendance: 0,
    version: 1,
    createdBy: 'usr_test',
    createdAt: now,
    updatedAt: now,
  };
  await dbOf(tenant).insert(activities).values(row);
  return row;
}

/**
 * A joint meeting of an alliance with its decisions, written straight into the county's database
 * (issue 11b: the 工作台's reminders and messages read them). Each decision is open unless `doneOn` is given.
 */
export async function makeMeetingWithDecisions(
  tenant: string,
  allianceId: string,
  decisions: ReadonlyArray<{ ownerOrgId: string; dueOn: string; doneOn?: string }>,
  heldOn = shanghaiDate(Date.now() - 20 * 86_400_000),
): Promise<{ meetingId: string; decisionIds: string[] }> {
  const db = openDb(bindings[findTenant(tenant)!.binding]!);
  const now = Date.now();
  const meetingId = newId('mtg', now);
  await db.insert(meetings).values({ id: meetingId, allianceId, heldOn, agenda: '联席会议', createdBy: 'usr_factory', createdAt: now });
  const rows = decisions.map((d) => ({
    id: newId('mdc', now),
    meetingId,
    allianceId,
    content: '落实事项',
    ownerOrgId: d.ownerOrgId,
    dueOn: d.dueOn,
    status: d.doneOn ? ('done' as const) : ('open' as const),
    doneOn: d.doneOn ?? null,
    createdAt: now,
  }));
  if (rows.length) await db.insert(meetingDecisions).values(rows);
  return { meetingId, decisionIds: rows.map((r) => r.id) };
}

/** A 1×1 PNG (67 bytes): the smallest real picture, which a browser also shows. */
export const TINY_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

/** A photo of an activity: TINY_PNG in the DOCUMENTS bucket under the tenant's key, and its row. */
export async function makeActivityPhoto(tenant: string, activityId: string, bytes: Uint8Array = TINY_PNG): Promise<{ id: string; sha256: string }> {
  const now = Date.now();
  const sha256 = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const r2Key = `${tenant}/activity-photos/${activityId}/${sha256}`;
  await (env as unknown as { DOCUMENTS: R2Bucket }).DOCUMENTS.put(r2Key, bytes);
  const id = newId('aph', now);
  await dbOf(tenant).insert(activityPhotos).values({ id, activityId, r2Key, sha256, size: bytes.byteLength, contentType: 'image/png', originalName: '走访合影.png', uploadedBy: '测试管理员', at: now });
  return { id, sha256 };
}

type TestActor = Ctx['actor'];
const ADMIN: TestActor = { userId: 'usr_test_admin', displayName: '测试管理员', grants: [{ role: 'county_admin', scopeOrgId: null, scopeAllianceId: null }] };

/** A service context on `tenant` (a county administrator's unless `actor` is given), over `d1` (the tenant's database by default), for calling a service directly. */
export function adminCtx(tenant: string, d1: D1Database = bindings[findTenant(tenant)!.binding]!, requestId = 'req_activities_test', actor: TestActor = ADMIN): Ctx {
  const t = findTenant(tenant)!;
  return { db: openDb(d1), tenant: { slug: t.slug, code: t.code, name: t.name, kind: t.kind }, actor, clock: systemClock, requestId } as unknown as Ctx;
}

/**
 * A service context whose first write batch runs after `race` (one SQL
 * statement with its arguments): a concurrent request's change landing between
 * the service's reads and its write.
 */
export function ctxRacing(tenant: string, race: { sql: string; args: unknown[] }, requestId: string, actor: TestActor = ADMIN): Ctx {
  const d1 = bindings[findTenant(tenant)!.binding]!;
  let raced = false;
  const racing = new Proxy(d1, {
    get(target, key) {
      if (key === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          if (!raced) {
            raced = true;
            await target.prepare(race.sql).bind(...race.args).run();
          }
          return target.batch(statements);
        };
      }
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return adminCtx(tenant, racing, requestId, actor);
}

/** A county administrator's context whose first write batch finds the alliance dissolved (after the service read it running). */
export function ctxRacingDissolution(tenant: string, allianceId: string): Ctx {
  return ctxRacing(tenant, { sql: `UPDATE alliances SET status = 'dissolved' WHERE id = ?`, args: [allianceId] }, 'req_race_dissolution');
}
