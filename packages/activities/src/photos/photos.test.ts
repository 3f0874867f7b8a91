import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { findTenant } from '@ronghe/tenancy';
import { ctxRacing, makeActivity, makeActivityPhoto, TINY_PNG } from '../../../../test/support/activity-factories.ts';
import { makeAlliance } from '../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../../test/support/factories.ts';
import { bindings } from '../../../../test/support/worker.ts';
import { addActivityPhoto } from './add.ts';

// Activity photos (issue 11: "a summary and photos, kept as documents") through the API:
// JPEG/PNG by their first bytes, at most 10 MB and 20 per activity, stored in R2.

const T = 'keshiketeng';
const db = () => bindings[findTenant(T)!.binding]!;
const bucket = () => (env as unknown as { DOCUMENTS: R2Bucket }).DOCUMENTS;
const rows = async (sql: string, ...args: unknown[]) => (await db().prepare(sql).bind(...args).all()).results;
const problem = async (res: Response) => (await res.json()) as { code: string; detail: string };

// A JPEG begins FF D8 FF; the rest does not matter to the sniffer.
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
const GIF = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');

interface World {
  activityId: string;
  admin: TestUser;
}

async function world(tenant = T): Promise<World> {
  const committee = await makeOrg(tenant, { kind: '党工委', domain: '街道' });
  const lead = await makeOrg(tenant, { parent: committee });
  const a = await makeAlliance(tenant, { lead, committee, status: 'active' });
  const admin = await makeUser([{ tenant, role: 'alliance_admin', scopeOrgId: lead.id }]);
  const act = await makeActivity(tenant, { allianceId: a.alliance.id, organizerOrgId: lead.id, participantOrgIds: a.members.map((m) => m.orgId) });
  return { activityId: act.id, admin };
}

const upload = (w: World, bytes: BodyInit, type: string, who: TestUser = w.admin, activityId = w.activityId, tenant = T) =>
  call('POST', `/api/t/${tenant}/activities/${activityId}/photos?fileName=${encodeURIComponent('走访合影.jpg')}`, { token: who.token, rawBody: bytes, headers: { 'content-type': type } });

describe('activity photos', () => {
  it('uploads a JPEG, lists it and downloads the same bytes; one audit row and one event in the same batch', async () => {
    const w = await world();
    const res = await upload(w, JPEG, 'image/jpeg');
    expect(res.status, await res.clone().text()).toBe(201);
    const photo = (await res.json()) as { id: string; contentType: string; size: number; sha256: string; originalName: string };
    expect(photo).toMatchObject({ contentType: 'image/jpeg', size: 14, originalName: '走访合影.jpg' });

    const list = (await (await call('GET', `/api/t/${T}/activities/${w.activityId}/photos`, { token: w.admin.token })).json()) as { items: Array<{ id: string }>; max: number };
    expect(list.items.map((p) => p.id)).toEqual([photo.id]);
    expect(list.max).toBe(20);

    // A reader of activities (a member) downloads it: the bytes, their type and their hash.
    const member = await makeUser([{ tenant: T, role: 'member' }]);
    const dl = await call('GET', `/api/t/${T}/activities/${w.activityId}/photos/${photo.id}`, { token: member.token });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('image/jpeg');
    expect([...new Uint8Array(await dl.arrayBuffer())]).toEqual([...JPEG]);
    expect(await bucket().head(`${T}/activity-photos/${w.activityId}/${photo.sha256}`)).not.toBeNull();

    const audit = await rows(`SELECT action, entity_type FROM audit_log WHERE entity_id = ?`, photo.id);
    expect(audit).toEqual([{ action: 'activity.photo_add', entity_type: 'activity_photo' }]);
    const events = await rows(`SELECT type, data FROM outbox WHERE aggregate_id = ?`, photo.id);
    expect(events.map((e) => [e.type, JSON.parse(e.data as string)])).toEqual([['activity.photo_added', { photoId: photo.id, activityId: w.activityId, size: 14 }]]);
  });

  it('deletes a photo: the row, the object and the listing; a removal event', async () => {
    const w = await world();
    const p = await makeActivityPhoto(T, w.activityId);
    const res = await call('DELETE', `/api/t/${T}/activities/${w.activityId}/photos/${p.id}`, { token: w.admin.token });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);
    expect(await bucket().head(`${T}/activity-photos/${w.activityId}/${p.sha256}`)).toBeNull();
    const events = await rows(`SELECT type, data FROM outbox WHERE aggregate_id = ?`, p.id);
    expect(events.map((e) => [e.type, JSON.parse(e.data as string)])).toEqual([['activity.photo_removed', { photoId: p.id, activityId: w.activityId }]]);
    expect((await call('GET', `/api/t/${T}/activities/${w.activityId}/photos/${p.id}`, { token: w.admin.token })).status).toBe(404);
  });

  it('refuses a PDF and a GIF by their bytes (415 unsupported_media_type), and a PNG declared as JPEG (422); nothing stored', async () => {
    const w = await world();
    for (const [bytes, type] of [[PDF, 'image/jpeg'], [GIF, 'image/png'], [PDF, 'application/pdf']] as const) {
      const res = await upload(w, bytes, type);
      expect(res.status).toBe(415);
      const p = await problem(res);
      expect(p.code).toBe('unsupported_media_type');
      expect(p.detail).toContain('JPG 或 PNG');
    }
    const mislabelled = await upload(w, TINY_PNG, 'image/jpeg');
    expect(mislabelled.status).toBe(422);
    expect((await problem(mislabelled)).detail).toContain('文件声明为 JPG，内容实为 PNG');
    expect(await rows(`SELECT id FROM activity_photos WHERE activity_id = ?`, w.activityId)).toEqual([]);
  });

  it('refuses a photo over 10 MB with 413 payload_too_large', async () => {
    const w = await world();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(JPEG.subarray(0, 3));
    const res = await upload(w, big, 'image/jpeg');
    expect(res.status).toBe(413);
    const p = await problem(res);
    expect(p.code).toBe('payload_too_large');
    expect(p.detail).toBe('活动照片不能超过 10 MB');
  });

  it('refuses the 21st photo of an activity with 409 conflict', async () => {
    const w = await world();
    for (let i = 0; i < 20; i++) await makeActivityPhoto(T, w.activityId);
    const res = await upload(w, JPEG, 'image/jpeg');
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p.code).toBe('conflict');
    expect(p.detail).toBe('每个活动最多上传 20 张照片，请先删除不需要的照片');
    expect(await rows(`SELECT count(*) AS n FROM activity_photos WHERE activity_id = ?`, w.activityId)).toEqual([{ n: 20 }]);
  });

  it('a 20th photo landing between the count and the write: the 21st is refused (409), its row, audit and object not kept', async () => {
    const w = await world();
    for (let i = 0; i < 19; i++) await makeActivityPhoto(T, w.activityId);
    const race = {
      sql: `INSERT INTO activity_photos (id, activity_id, r2_key, sha256, size, content_type, original_name, uploaded_by, at) VALUES ('aph_race_20', ?1, ?1 || '/race', 'race', 1, 'image/png', NULL, '并发上传', 0)`,
      args: [w.activityId],
    };
    const ctx = ctxRacing(T, race, 'req_race_photo');
    const input = { id: w.activityId, declaredType: 'image/jpeg', fileName: null, bytes: JPEG.slice().buffer };
    await expect(addActivityPhoto({ ctx, input, store: bucket() })).rejects.toMatchObject({ code: 'conflict' });
    expect(await rows(`SELECT count(*) AS n FROM activity_photos WHERE activity_id = ?`, w.activityId)).toEqual([{ n: 20 }]);
    expect(await rows(`SELECT id FROM audit_log WHERE request_id = 'req_race_photo'`)).toEqual([]);
    const sha = [...new Uint8Array(await crypto.subtle.digest('SHA-256', JPEG))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(await bucket().head(`${T}/activity-photos/${w.activityId}/${sha}`)).toBeNull();
  });

  it("another county's activity is not found (404), and a member may not upload (403)", async () => {
    const w = await world();
    const other = await world('hongshan');
    const photo = await makeActivityPhoto('hongshan', other.activityId);
    // The keshiketeng admin names hongshan's activity under its own county: it is not there.
    expect((await upload(w, JPEG, 'image/jpeg', w.admin, other.activityId)).status).toBe(404);
    expect((await call('GET', `/api/t/${T}/activities/${other.activityId}/photos/${photo.id}`, { token: w.admin.token })).status).toBe(404);
    expect((await call('GET', `/api/t/${T}/activities/${other.activityId}/photos`, { token: w.admin.token })).status).toBe(404);

    const member = await makeUser([{ tenant: T, role: 'member' }]);
    const res = await upload(w, JPEG, 'image/jpeg', member);
    expect(res.status).toBe(403);
    expect((await problem(res)).code).toBe('forbidden');
    expect((await call('DELETE', `/api/t/${T}/activities/${w.activityId}/photos/${photo.id}`, { token: member.token })).status).toBe(403);
  });
});
