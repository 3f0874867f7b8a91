import { IMPORT_MAX_BYTES } from '@ronghe/api';
import type { AllianceStatus, Organization, ProjectStatus } from '@ronghe/schema';
import { describe, expect, it } from 'vitest';
import { call, makeFixture, makeUser, snapshotCounts } from '../support/factories.ts';
import { mountedOperations, type Operation } from '../support/mounted-routes.ts';
import { ROUTE_CASES, XLSX, type BuiltRequest, type Fixture, type Refusal, type RouteCase } from '../support/route-cases.ts';

// Every write route the app mounts, fed malformed JSON, the wrong content
// type, an oversized body, unknown fields, wrong enums and types, over-long
// strings, missing fields and a missing or stale ETag: each gets its exact
// refusal (status, problem code, and the field it names) and changes nothing.
// The bad bodies are the route's valid body with one defect, so every id in
// them is a real object and nothing else can be refused first.
const coverage = await mountedOperations();
const writes = coverage.ops.filter((o) => o.method !== 'GET');
const T = 'linxi';

// Write operations mounted today (69: 59 with a JSON body, 3 spreadsheet imports, 7 bodiless).
// A route that goes missing from the mounted set must fail here, not shrink the suite.
const MIN_WRITE_OPS = 69;
const MIN_JSON_WRITE_OPS = 59;
const MIN_IF_MATCH_OPS = 43;

/** Mirrors the edge's JSON body limit (workers/edge/src/index.ts), stated independently: 256 KB. */
const JSON_LIMIT = 256 * 1024;

interface Setup {
  token: string;
  f: Fixture;
}

// The county administrator who also sits on the fixture's approving committee
// and is its organization's liaison, so that every route (the committee's
// decisions and a member's own claims included) reaches its validation.
// One world per fixture shape: every test here asserts that nothing changed,
// so a test that did change it fails itself rather than a later one.
const worlds = new Map<string, Promise<Setup>>();
function setup(target: Partial<Organization> = {}, alliance?: AllianceStatus, project?: ProjectStatus, city = false): Promise<Setup> {
  const key = JSON.stringify([target, alliance, project, city]);
  let w = worlds.get(key);
  if (!w) {
    w = (async () => {
      const f = await makeFixture(T, target, alliance, project);
      const admin = await makeUser([
        { tenant: T, role: 'county_admin' },
        { tenant: T, role: 'committee_reviewer', scopeOrgId: f.parent.id },
        { tenant: T, role: 'org_liaison', scopeOrgId: f.org.id },
        // …and a member, for the self-service routes under /my (报到领岗).
        { tenant: T, role: 'member' },
        // Issue 12: 市级 最强党支部 and 示范点 are the city organization department's (honour.city): its own world.
        ...(city ? [{ tenant: 'chifeng', role: 'city_admin' as const }] : []),
      ]);
      return { token: admin.token, f };
    })();
    worlds.set(key, w);
  }
  return w;
}

async function prepare(op: Operation): Promise<{ c: RouteCase; req: BuiltRequest; token: string | undefined; f: Fixture }> {
  const c = ROUTE_CASES[op.key]!;
  const { token, f } = await setup(c.target, c.alliance, c.project, op.key.includes('/honours/city/'));
  const req = await c.build(f);
  // API-key routes carry their key in the case's headers; a session token would replace it.
  return { c, req, token: op.scope === 'apikey' ? undefined : token, f };
}

interface Problem {
  status: unknown;
  title: string;
  detail: string;
  code: string;
  errors?: Array<{ path: string; message: string }>;
}

/** A field error's path under the body: `json.seats.0.layer` → `seats.0.layer`, `json` → ''. */
const underBody = (path: string) => path.split('.').slice(1).join('.');

function names(e: { path: string; message: string }, r: Refusal): boolean {
  const at = underBody(e.path);
  if (r.unknown !== undefined) {
    const parts = r.unknown.split('.');
    const key = parts.pop()!;
    // Unknown keys are reported at their parent object, listed after the colon.
    return at === parts.join('.') && e.message.replace(/^.*：/, '').split('、').includes(key);
  }
  if (r.field === undefined) return false;
  return at === r.field || (r.field !== '' && at.startsWith(`${r.field}.`));
}

async function expectRefusal(res: Response, r: Refusal): Promise<Problem> {
  const text = await res.clone().text();
  expect(res.status, text).toBe(r.status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const p = (await res.json()) as Problem;
  expect(p.code, text).toBe(r.code);
  expect(p.status, 'the problem body repeats the HTTP status (RFC 9457)').toBe(r.status);
  expect(p.title).toMatch(/[\u4e00-\u9fa5]/);
  if (r.field !== undefined || r.unknown !== undefined) {
    const errors = p.errors ?? [];
    expect(errors.filter((e) => names(e, r)), `no error names ${r.unknown ?? r.field}: ${text}`).not.toEqual([]);
    // The body had one defect, so every error is about it.
    expect(errors.filter((e) => !names(e, r)), `errors about something else: ${text}`).toEqual([]);
  }
  return p;
}

const describeRefusal = (r: Refusal) =>
  r.unknown !== undefined ? `${r.status} naming unknown field ${r.unknown}` : r.field !== undefined ? `${r.status} naming ${r.field || 'the body'}` : `${r.status} ${r.code}`;

describe('bad input on every write route', () => {
  it('covers every mounted write route: documented, with a case, and bad bodies for each JSON one', () => {
    expect(coverage.undocumented, 'mounted but not in the API document').toEqual([]);
    expect(coverage.unmounted, 'in the API document but not mounted').toEqual([]);
    expect(coverage.strayAll, 'handlers registered for every method (app.all)').toEqual([]);
    expect(coverage.staleAllowlist, 'allowlisted as not an operation, but no longer mounted').toEqual([]);
    expect(writes.filter((o) => !ROUTE_CASES[o.key]).map((o) => o.key), 'add these routes to test/support/route-cases.ts').toEqual([]);
    expect(writes.filter((o) => o.body === 'json' && !ROUTE_CASES[o.key]?.bad).map((o) => o.key), 'JSON write routes without bad bodies').toEqual([]);
    // Bad bodies on a route that takes none would test nothing.
    expect(writes.filter((o) => o.body !== 'json' && ROUTE_CASES[o.key]?.bad).map((o) => o.key)).toEqual([]);
    expect(writes.length).toBeGreaterThanOrEqual(MIN_WRITE_OPS);
    expect(writes.filter((o) => o.body === 'json').length).toBeGreaterThanOrEqual(MIN_JSON_WRITE_OPS);
    expect(writes.filter((o) => o.ifMatch).length).toBeGreaterThanOrEqual(MIN_IF_MATCH_OPS);
  });

  for (const op of writes.filter((o) => o.body === 'json' && ROUTE_CASES[o.key])) {
    const c = ROUTE_CASES[op.key]!;

    it(`${op.key}: malformed JSON → 400 malformed_request`, async () => {
      const { req, token } = await prepare(op);
      const before = await snapshotCounts(T);
      const res = await call(req.method, req.path, { token, rawBody: '{"name": ', headers: { ...req.headers, 'content-type': 'application/json' } });
      await expectRefusal(res, { status: 400, code: 'malformed_request' });
      expect(await snapshotCounts(T)).toEqual(before);
    });

    it(`${op.key}: valid body sent as text/plain → 415 unsupported_media_type`, async () => {
      const { req, token } = await prepare(op);
      const before = await snapshotCounts(T);
      const res = await call(req.method, req.path, { token, rawBody: JSON.stringify(req.body), headers: { ...req.headers, 'content-type': 'text/plain' } });
      await expectRefusal(res, { status: 415, code: 'unsupported_media_type' });
      expect(await snapshotCounts(T)).toEqual(before);
    });

    it(`${op.key}: a body over 256 KB → 413 payload_too_large`, async () => {
      const { req, token } = await prepare(op);
      const before = await snapshotCounts(T);
      const big = JSON.stringify({ ...(req.body as object), padding: 'x'.repeat(JSON_LIMIT) });
      const res = await call(req.method, req.path, { token, rawBody: big, headers: { ...req.headers, 'content-type': 'application/json' } });
      await expectRefusal(res, { status: 413, code: 'payload_too_large' });
      expect(await snapshotCounts(T)).toEqual(before);
    });

    const smuggled = c.smuggle ?? 'createdBy';
    it(`${op.key}: valid body + unknown field ${smuggled} → 422 naming ${smuggled}`, async () => {
      const { req, token } = await prepare(op);
      const before = await snapshotCounts(T);
      const res = await call(req.method, req.path, { token, body: { ...(req.body as object), [smuggled]: 1 }, headers: req.headers });
      await expectRefusal(res, { status: 422, code: 'validation_failed', unknown: smuggled });
      expect(await snapshotCounts(T)).toEqual(before);
    });

    for (const [name, [bodyOf, refusal]] of Object.entries(c.bad ?? {})) {
      it(`${op.key}: ${name} → ${describeRefusal(refusal)}`, async () => {
        const { req, token, f } = await prepare(op);
        const before = await snapshotCounts(T);
        const res = await call(req.method, req.path, { token, body: bodyOf(req.body as Record<string, unknown>, f), headers: req.headers });
        await expectRefusal(res, refusal);
        expect(await snapshotCounts(T)).toEqual(before);
      });
    }
  }

  for (const op of writes.filter((o) => o.body === 'xlsx' && ROUTE_CASES[o.key])) {
    it(`${op.key}: a JSON body instead of a workbook → 415 unsupported_media_type`, async () => {
      const { req, token } = await prepare(op);
      const before = await snapshotCounts(T);
      const res = await call(req.method, req.path, { token, body: { rows: [] }, headers: { ...req.headers, 'content-type': 'application/json' } });
      await expectRefusal(res, { status: 415, code: 'unsupported_media_type' });
      expect(await snapshotCounts(T)).toEqual(before);
    });

    it(`${op.key}: a workbook over the import limit → 413 payload_too_large`, async () => {
      const { req, token } = await prepare(op);
      const before = await snapshotCounts(T);
      const res = await call(req.method, req.path, { token, rawBody: new Uint8Array(IMPORT_MAX_BYTES + 1), headers: { ...req.headers, 'content-type': XLSX } });
      await expectRefusal(res, { status: 413, code: 'payload_too_large' });
      expect(await snapshotCounts(T)).toEqual(before);
    });

    // A real county's list runs to thousands of rows: a workbook past the JSON limit (256 KB)
    // must reach the import's own checks. Junk bytes are refused as not a workbook, not as too large.
    it(`${op.key}: a 300 KB upload is read as a workbook, not refused by the JSON size limit`, async () => {
      const { req, token } = await prepare(op);
      const before = await snapshotCounts(T);
      const res = await call(req.method, req.path, { token, rawBody: new Uint8Array(300 * 1024).fill(7), headers: { ...req.headers, 'content-type': XLSX } });
      expect(res.status, await res.clone().text()).not.toBe(413);
      expect(res.status).toBe(422);
      expect(await snapshotCounts(T)).toEqual(before);
    });
  }

  // Well-formed requests that the lifecycle refuses (README: the alliance lifecycle, the three lists):
  // the route case's own valid request, aimed at an object in a state the step cannot start from.
  // The refusal names the state it found (README: "an illegal step is a 409 naming the state").
  const ILLEGAL_STATES: Array<[key: string, shape: Pick<RouteCase, 'alliance' | 'project' | 'target'>, why: string, names: string]> = [
    ['POST /api/t/{tenant}/alliances/{id}/approve', { alliance: 'draft' }, 'a draft alliance has not applied yet', '草稿'],
    ['POST /api/t/{tenant}/alliances/{id}/start', { alliance: 'approved' }, 'an approved alliance is founded (established) before it starts', '已批准'],
    ['POST /api/t/{tenant}/alliances/{id}/restore', { alliance: 'active' }, 'only a rectifying alliance is restored', '运行中'],
    ['POST /api/t/{tenant}/projects/{id}/accept', { project: 'in_progress' }, 'a project is accepted only once completed', '实施中'],
    ['POST /api/t/{tenant}/projects/{id}/start', { project: 'proposed' }, 'nobody has claimed the project yet', '待认领'],
    ['POST /api/t/{tenant}/orgs/{id}/reactivate', {}, 'the organization is already active', '在用'],
    ['POST /api/t/{tenant}/orgs/{id}/deactivate', { alliance: 'active' }, 'the organization still leads an active alliance', '牵头'],
  ];
  for (const [key, shape, why, named] of ILLEGAL_STATES) {
    it(`${key}: ${why} → 409 conflict naming “${named}”`, async () => {
      expect(writes.map((o) => o.key), `${key} is no longer mounted`).toContain(key);
      const { token, f } = await setup(shape.target, shape.alliance, shape.project);
      const req = await ROUTE_CASES[key]!.build(f);
      const before = await snapshotCounts(T);
      const res = await call(req.method, req.path, { token, body: req.body, headers: req.headers });
      const p = await expectRefusal(res, { status: 409, code: 'conflict' });
      const text = JSON.stringify(p);
      expect(p.detail, text).toContain(named);
      expect(await snapshotCounts(T)).toEqual(before);
    });
  }

  for (const op of writes.filter((o) => o.ifMatch && ROUTE_CASES[o.key])) {
    it(`${op.key}: stale ETag → 412 precondition_failed, missing If-Match → 428 precondition_required`, async () => {
      const { req, token } = await prepare(op);
      const before = await snapshotCounts(T);
      const stale = await call(req.method, req.path, { token, body: req.body, headers: { ...req.headers, 'if-match': '"v99"' } });
      await expectRefusal(stale, { status: 412, code: 'precondition_failed' });
      const { 'if-match': _, ...withoutEtag } = req.headers ?? {};
      const none = await call(req.method, req.path, { token, body: req.body, headers: withoutEtag });
      await expectRefusal(none, { status: 428, code: 'precondition_required' });
      expect(await snapshotCounts(T)).toEqual(before);
    });
  }
});
