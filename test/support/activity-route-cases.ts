import type { Fixture, RouteCase } from './route-cases.ts';
import { invalid, omit, unknownKey } from './refusals.ts';
import { makeActivity, makeActivityPhoto, makePerson, TINY_PNG } from './activity-factories.ts';

// Issue 11 活动: one request per route of the activities lane. Writes that need a
// fresh object (an edit under If-Match, a check-in) make their own, so every
// role's request starts from the same state.

const A = (f: Fixture, rest = '') => `/api/t/${f.tenant}/activities${rest}`;
/** The activity the last case built (the audit suite names it as the changed object of an edit). */
export const lastBuiltActivity = { id: '' };
/** The photo the last delete case made (the audit suite names it as the removed object). */
export const lastBuiltPhoto = { id: '' };
const openActivity = async (f: Fixture) => {
  const a = await makeActivity(f.tenant, { allianceId: f.alliance.alliance.id, organizerOrgId: f.org.id, participantOrgIds: f.alliance.members.map((m) => m.orgId) });
  lastBuiltActivity.id = a.id;
  return a;
};

const createBody = (f: Fixture) => ({
  allianceId: f.alliance.alliance.id,
  kind: 'joint_visit',
  title: '重阳节联合走访慰问',
  activityDate: '2026-10-29',
  startTime: '09:00',
  endTime: '11:30',
  place: '城区党群服务中心',
  organizerOrgId: f.org.id,
});

export const ACTIVITY_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/activities': { build: (f) => ({ method: 'GET', path: A(f, `?allianceId=${f.alliance.alliance.id}&limit=5`) }) },
  'POST /api/t/{tenant}/activities': {
    build: (f) => ({ method: 'POST', path: A(f), body: createBody(f) }),
    bad: {
      unknown: [(ok) => ({ ...ok, status: 'held' }), unknownKey('status')],
      missingTitle: [(ok) => omit(ok, 'title'), invalid('title')],
      badKind: [(ok) => ({ ...ok, kind: 'party' }), invalid('kind')],
      badDate: [(ok) => ({ ...ok, activityDate: '2026-02-30' }), invalid('activityDate')],
      badTime: [(ok) => ({ ...ok, startTime: '25:00' }), invalid('startTime')],
      endBeforeStart: [(ok) => ({ ...ok, endTime: '08:00' }), invalid('endTime')],
      latOnly: [(ok) => ({ ...ok, lat: 43.26 }), invalid('lng')],
      notMember: [(ok, f) => ({ ...ok, organizerOrgId: f.parent.id }), invalid('organizerOrgId')],
    },
  },
  'GET /api/t/{tenant}/activities/compliance': { build: (f) => ({ method: 'GET', path: A(f, '/compliance?year=2026&limit=5') }) },
  'GET /api/t/{tenant}/activities/compliance/export': { build: (f) => ({ method: 'GET', path: A(f, '/compliance/export?year=2026') }) },
  'GET /api/t/{tenant}/activities/quota-plans/{allianceId}': { build: (f) => ({ method: 'GET', path: A(f, `/quota-plans/${f.alliance.alliance.id}?year=2026`) }) },
  'PUT /api/t/{tenant}/activities/quota-plans/{allianceId}': {
    build: (f) => ({
      method: 'PUT',
      path: A(f, `/quota-plans/${f.alliance.alliance.id}`),
      body: { year: 2026, rows: [{ kind: 'joint_visit', period: 'month', required: 1 }, { kind: 'joint_theme_day', period: 'quarter', required: 1 }] },
    }),
    bad: {
      unknown: [(ok) => ({ ...ok, allianceId: 'aln_x' }), unknownKey('allianceId')],
      badYear: [(ok) => ({ ...ok, year: 1999 }), invalid('year')],
      noRows: [(ok) => ({ ...ok, rows: [] }), invalid('rows')],
      badPeriod: [(ok) => ({ ...ok, rows: [{ kind: 'joint_visit', period: 'week', required: 1 }] }), invalid('rows.0.period')],
      zero: [(ok) => ({ ...ok, rows: [{ kind: 'joint_visit', period: 'year', required: 0 }] }), invalid('rows.0.required')],
      twice: [(ok) => ({ ...ok, rows: [{ kind: 'joint_visit', period: 'year', required: 1 }, { kind: 'joint_visit', period: 'month', required: 1 }] }), invalid('rows.1.kind')],
    },
  },
  'GET /api/t/{tenant}/activities/{id}': { build: (f) => ({ method: 'GET', path: A(f, `/${f.activity.id}`) }) },
  // With a caller (a request that succeeds) each request edits an activity of its own, so every role starts from version 1;
  // without one (refusals, isolation) it names the fixture's activity and writes nothing first.
  'PATCH /api/t/{tenant}/activities/{id}': {
    build: async (f, caller) => ({
      method: 'PATCH',
      path: A(f, `/${caller ? (await openActivity(f)).id : f.activity.id}`),
      headers: { 'if-match': '"v1"' },
      body: { summary: '走访慰问困难党员 6 户，送去米面油。', status: 'held' },
    }),
    bad: {
      unknown: [(ok) => ({ ...ok, code: 'ABCDEFG' }), unknownKey('code')],
      badStatus: [(ok) => ({ ...ok, status: 'done' }), invalid('status')],
      shortSummary: [(ok) => ({ ...ok, summary: '好' }), invalid('summary')],
    },
  },
  'POST /api/t/{tenant}/activities/{id}/attendance': {
    build: async (f, caller) => {
      if (!caller) return { method: 'POST', path: A(f, `/${f.activity.id}/attendance`), body: { personIds: ['psn_01jd0000000000000000000000'] } };
      const [a, p] = await Promise.all([openActivity(f), makePerson(f.tenant, { homeOrgId: f.org.id })]);
      return { method: 'POST', path: A(f, `/${a.id}/attendance`), body: { personIds: [p.id] } };
    },
    bad: {
      unknown: [(ok) => ({ ...ok, method: 'self' }), unknownKey('method')],
      empty: [(ok) => ({ ...ok, personIds: [] }), invalid('personIds')],
      nobody: [(ok) => ({ ...ok, personIds: ['psn_nobody'] }), invalid('personIds.0')],
    },
  },
  // Activity photos (lane: photos). An upload that succeeds goes to an activity of its own (at most 20 photos each);
  // a delete that succeeds removes a photo made for it, so every role finds one.
  'GET /api/t/{tenant}/activities/{id}/photos': { build: (f) => ({ method: 'GET', path: A(f, `/${f.activity.id}/photos`) }) },
  'POST /api/t/{tenant}/activities/{id}/photos': {
    build: async (f, caller) => ({
      method: 'POST',
      path: A(f, `/${caller ? (await openActivity(f)).id : f.activity.id}/photos?fileName=${encodeURIComponent('走访合影.png')}`),
      rawBody: TINY_PNG,
      headers: { 'content-type': 'image/png' },
    }),
  },
  'GET /api/t/{tenant}/activities/{id}/photos/{photoId}': { build: (f) => ({ method: 'GET', path: A(f, `/${f.activity.id}/photos/${f.activity.photoId}`) }) },
  'DELETE /api/t/{tenant}/activities/{id}/photos/{photoId}': {
    build: async (f, caller) => {
      if (!caller) return { method: 'DELETE', path: A(f, `/${f.activity.id}/photos/${f.activity.photoId}`) };
      const a = await openActivity(f);
      lastBuiltPhoto.id = (await makeActivityPhoto(f.tenant, a.id)).id;
      return { method: 'DELETE', path: A(f, `/${a.id}/photos/${lastBuiltPhoto.id}`) };
    },
  },
  'POST /api/t/{tenant}/my/checkins': {
    build: async (f, caller) => {
      if (!caller) return { method: 'POST', path: `/api/t/${f.tenant}/my/checkins`, body: { code: f.activity.code } };
      const a = await openActivity(f);
      await makePerson(f.tenant, { homeOrgId: f.org.id, userId: caller.id });
      return { method: 'POST', path: `/api/t/${f.tenant}/my/checkins`, body: { code: a.code } };
    },
    bad: {
      unknown: [(ok) => ({ ...ok, personId: 'psn_x' }), unknownKey('personId')],
      missing: [(ok) => omit(ok, 'code'), invalid('code')],
      shortCode: [(ok) => ({ ...ok, code: 'AB' }), invalid('code')],
      badLat: [(ok) => ({ ...ok, lat: 123, lng: 117 }), invalid('lat')],
    },
  },
  'GET /api/t/{tenant}/my/activities': {
    build: async (f, caller) => {
      if (caller) await makePerson(f.tenant, { homeOrgId: f.org.id, userId: caller.id });
      return { method: 'GET', path: `/api/t/${f.tenant}/my/activities` };
    },
  },
};
