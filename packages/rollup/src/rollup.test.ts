import { applyOnce, type EventEnvelope } from '@ronghe/events';
import { COUNTIES, findTenant } from '@ronghe/tenancy';
import { describe, expect, it } from 'vitest';
import { call, makeFixture, makeUser } from '../../../test/support/factories.ts';
import { bindings } from '../../../test/support/worker.ts';
import { countyFigures, readCityRollup, readCountyDrillDown, recountCounties, recountMessages, refreshCounty, rollupConsumer, ALL_SOURCES } from './index.ts';
import { expectedFigures, generateModel, writeModel, type Model } from './random-county.ts';

// Issue 13 § Rollup, ADR 0022. The expected figures come from the generated
// model by hand rules (random-county.ts, plain JavaScript) or are counted by
// hand below — never from the rollup's SQL. Each test file starts from empty
// databases; every test here uses counties of its own.

const env = bindings as unknown as Record<string, unknown>;
const control = bindings.DB_CONTROL!;
const county = (slug: string) => findTenant(slug)!;

let seq = 0;
function envelope(tenant: string, type: string, aggregate: string): EventEnvelope {
  seq += 1;
  return {
    id: `evt_${String(seq).padStart(26, '0')}`,
    type,
    version: 1,
    tenant,
    aggregate: { type: aggregate, id: `x${seq}` },
    actor: { userId: 'u', role: 'county_admin' },
    at: Date.now(),
    requestId: 'req',
    data: {},
  };
}

async function generated(slug: string, seed: number, now: number): Promise<Model> {
  const model = generateModel(seed, now, slug.slice(0, 3));
  await writeModel(bindings[county(slug).binding]!, model, now);
  return model;
}

describe('the rollup equals the figures computed from each county', () => {
  it('a county counted by hand: figures, trend and drill-down', async () => {
    const now = Date.UTC(2026, 11, 5, 4); // 2026-12-05 12:00 in Shanghai
    const db = bindings.DB_LINXI!;
    const model: Model = {
      orgs: [
        { id: 'o1', kind: '党支部', domain: '社区', status: 'active', quality: '标准化规范化', weak: false, external: false },
        { id: 'o2', kind: '党支部', domain: '机关', status: 'active', quality: '最强党支部（市级）', weak: true, external: false },
        { id: 'o3', kind: '党委', domain: '机关', status: 'inactive', quality: '未达标', weak: false, external: false },
      ],
      alliances: [
        { id: 'a1', name: '林西甲联合体', type: '党建联合体+', model: '区域化共驻共建', status: 'active', foundedOn: '2026-03-10' },
        { id: 'a2', name: '林西乙联合体', type: '党建联合体+', model: '区域化共驻共建', status: 'dissolved', foundedOn: '2025-05-01' },
      ],
      members: [
        { allianceId: 'a1', orgId: 'o1', joinedOn: '2026-03-10', leftOn: null },
        { allianceId: 'a1', orgId: 'o2', joinedOn: '2026-03-10', leftOn: '2026-06-01' },
        { allianceId: 'a2', orgId: 'o2', joinedOn: '2025-05-01', leftOn: null },
      ],
      filings: [{ allianceId: 'a1', cityState: 'acknowledged' }],
      needs: [
        { allianceId: 'a1', categoryId: 'cat_x', status: 'open', updatedAt: now },
        { allianceId: 'a1', categoryId: 'cat_x', status: 'met', updatedAt: Date.UTC(2026, 9, 31, 17) }, // 11-01 01:00 in Shanghai
      ],
      projects: [
        { allianceId: 'a1', status: 'in_progress', dueOn: '2026-11-30', completedOn: null },
        { allianceId: 'a1', status: 'accepted', dueOn: '2026-10-31', completedOn: '2026-10-20' },
      ],
      people: [{ id: 'p1', name: '林西测试人', phone: '13900001111', idNumber: '150424199001011234', kind: 'party_member', status: 'active', inService: true }],
      reports: [{ personId: 'p1', communityOrgId: 'o1', status: 'active' }],
      pairings: [{ orgId: 'o2', communityOrgId: 'o1', status: 'active' }],
      activities: [
        { allianceId: 'a1', kind: 'joint_visit', status: 'held', date: '2026-04-02' },
        { allianceId: 'a1', kind: 'joint_visit', status: 'held', date: '2026-05-02' },
      ],
      plans: [],
      meetings: [{ allianceId: 'a1', heldOn: '2026-07-01' }],
      points: [
        { personId: 'p1', points: 12, year: 2026, month: 11 },
        { personId: 'p1', points: -2, year: 2026, month: 12 },
      ],
      assessments: [{ allianceId: 'a1', year: 2025, status: 'finalized', grade: 'good' }],
      rounds: [{ id: 'r1', level: 'county', status: 'published', allocatedFen: 100_000, corrects: null }],
      disbursements: [{ roundId: 'r1', status: 'paid', amountFen: 40_000, paidOn: '2026-11-11' }],
      funds: [{ kind: 'income', source: 'party_fee', amountFen: 5_000 }],
    };
    await writeModel(db, model, now);
    const out = await recountCounties(env, [county('linxi')], { now });
    expect(out).toMatchObject({ recounted: ['linxi'], failed: [] });

    const city = await readCityRollup(control, { now });
    const linxi = city.counties.find((c) => c.slug === 'linxi')!;
    expect(linxi).toMatchObject({ code: '150424', name: '林西县', asOf: now, stale: false, staleSince: null });
    expect(linxi.figures).toEqual({
      orgs: { total: 3, active: 2, branches: 2, standardized: 1, strongestCounty: 0, strongestCity: 1, weak: 1 },
      alliances: { total: 1, byType: { '党建联合体+': 1 }, byModel: { 区域化共驻共建: 1 }, byStatus: { active: 1, dissolved: 1 } },
      // o1 only: o2 left a1, and a2 is dissolved. The organ o3 is inactive; o2 is an organ and paired.
      members: { memberOrgs: 1, partyMembers: 1, inService: 1, reportedMembers: 1, organs: 1, pairedOrgans: 1 },
      needs: { open: 1, met: 1, byCategory: { cat_x: { open: 1, met: 1 } } },
      // The open project was due on 11-30, before 12-05: overdue. The accepted one finished 10-20 ≤ 10-31.
      projects: { byStatus: { in_progress: 1, accepted: 1 }, open: 1, overdue: 1, completed: 1, completedOnTime: 1 },
      // a1 runs on the default plan: five kinds, once a year; only joint_visit was held.
      activities: { quotaItems: 5, quotaMet: 1, meetingsHeld: 1, activitiesHeld: 2 },
      points: { total: 10, members: 1 },
      assessment: { year: 2025, grades: { excellent: 0, good: 1, fair: 0, poor: 0 } },
      rewards: { allocatedFen: 100_000, disbursedFen: 40_000, bySource: { county: { allocatedFen: 100_000, disbursedFen: 40_000 }, party_fee: { allocatedFen: 5_000, disbursedFen: 5_000 } } },
      filings: { received: 1, acknowledgedByCity: 1 },
    });
    expect(linxi.trend).toHaveLength(24);
    expect(linxi.trend[0]!.month).toBe('2025-01');
    expect(linxi.trend.at(-1)!.month).toBe('2026-12');
    const month = (m: string) => linxi.trend.find((t) => t.month === m);
    expect(month('2026-11')).toEqual({ month: '2026-11', alliancesEstablished: 0, needsMet: 1, projectsCompleted: 0, activitiesHeld: 0, meetingsHeld: 0, pointsAwarded: 12, disbursedFen: 40_000 });
    expect(month('2026-03')).toMatchObject({ alliancesEstablished: 1 });
    expect(month('2025-05')).toMatchObject({ alliancesEstablished: 0 }); // a2 is dissolved
    expect(month('2026-10')).toMatchObject({ projectsCompleted: 1 });

    const drill = await readCountyDrillDown(control, 'linxi', { now });
    expect(drill!.alliances).toEqual([
      { id: 'a1', name: '林西甲联合体', type: '党建联合体+', model: '区域化共驻共建', status: 'active', memberOrgs: 1, needsOpen: 1, needsMet: 1, projectsOpen: 1, projectsCompleted: 1, grade: 'good' },
      { id: 'a2', name: '林西乙联合体', type: '党建联合体+', model: '区域化共驻共建', status: 'dissolved', memberOrgs: 1, needsOpen: 0, needsMet: 0, projectsOpen: 0, projectsCompleted: 0, grade: null },
    ]);
    // The city's sums include linxi; counties never refreshed show no figures (not zeros) and no as-of.
    expect(city.counties.map((c) => c.slug)).toEqual(COUNTIES.map((c) => c.slug));
    expect(city.counties.find((c) => c.slug === 'aohan')).toMatchObject({ asOf: null, figures: null, stale: false });
  });

  it('randomly generated counties: stored after a recount, and computed directly, equal the hand rules', async () => {
    const now = Date.now();
    const models = { kalaqin: await generated('kalaqin', 17, now), ningcheng: await generated('ningcheng', 4242, now) };
    await recountCounties(env, [county('kalaqin'), county('ningcheng')], { now });
    const city = await readCityRollup(control, { now });
    for (const [slug, model] of Object.entries(models)) {
      const want = expectedFigures(model, now);
      const got = city.counties.find((c) => c.slug === slug)!;
      expect({ slug, figures: got.figures, trend: got.trend }).toEqual({ slug, ...want });
      const direct = await countyFigures(bindings[county(slug).binding]!, { now });
      expect({ slug, figures: direct.figures, trend: direct.trend }).toEqual({ slug, ...want });
    }
    // The city's sums are the counties' sums.
    const k = expectedFigures(models.kalaqin, now).figures;
    const n = expectedFigures(models.ningcheng, now).figures;
    const others = city.counties.filter((c) => c.figures && !['kalaqin', 'ningcheng'].includes(c.slug)).reduce((a, c) => a + c.figures!.orgs.total, 0);
    expect(city.city.orgs.total).toBe(k.orgs.total + n.orgs.total + others);
  });

  it('events recompute the figures they move; a late, older recompute does not overwrite a newer one', async () => {
    const t0 = Date.now();
    const model = await generated('wengniute', 99, t0);
    const d1 = bindings.DB_WENGNIUTE!;
    // The story starts where 翁牛特旗 has no figures yet. One workerd serves many test files in turn (ADR 0035), and
    // once an event another file sent reached the queue consumer after this file had begun: it stored figures of
    // the then empty county, and the first event below refreshed only its own part. So the start is made explicit.
    await control.prepare("DELETE FROM rollup_parts WHERE slug = 'wengniute'").run();
    // The first event finds no figures yet: the county is refreshed whole.
    expect(await applyOnce(rollupConsumer, envelope('wengniute', 'organization.updated', 'organization'), d1, env, Date.now())).toBe('done');
    expect((await readCityRollup(control, { now: Date.now() })).counties.find((c) => c.slug === 'wengniute')!.figures).toEqual(expectedFigures(model, Date.now()).figures);

    // New rows in the county, then their events: the needs and the points move.
    const more = generateModel(5, t0, 'wnx');
    const added: Model = { ...model, needs: [...model.needs, ...more.needs.map((x) => ({ ...x, allianceId: model.alliances[0]!.id }))] };
    await writeModel(d1, { ...emptyModel(), needs: added.needs.slice(model.needs.length) }, t0);
    expect(await applyOnce(rollupConsumer, envelope('wengniute', 'need.created', 'need'), d1, env, Date.now())).toBe('done');
    // Redelivered: nothing changes twice.
    const e = envelope('wengniute', 'need.updated', 'need');
    await applyOnce(rollupConsumer, e, d1, env, Date.now());
    expect(await applyOnce(rollupConsumer, e, d1, env, Date.now())).toBe('already');
    const now = Date.now();
    const got = (await readCityRollup(control, { now })).counties.find((c) => c.slug === 'wengniute')!;
    expect(got.figures!.needs).toEqual(expectedFigures(added, now).figures.needs);

    // A recompute that read the county earlier but arrives later is ignored.
    await d1.prepare(`UPDATE needs SET status = 'cancelled'`).run();
    await refreshCounty(control, 'wengniute', d1, ['lists'], { now: now - 60_000 });
    expect((await readCityRollup(control, { now })).counties.find((c) => c.slug === 'wengniute')!.figures!.needs).toEqual(expectedFigures(added, now).figures.needs);
    // … and the recount finds the difference, reports it (the reconciliation) and stores the recount.
    const out = await recountCounties(env, [county('wengniute')], { now: Date.now() + 1 });
    expect(out.differences.filter((d) => d.source === 'lists' && d.path === 'figures.needs.open')).toEqual([
      { slug: 'wengniute', source: 'lists', path: 'figures.needs.open', stored: expectedFigures(added, now).figures.needs.open, recounted: 0 },
    ]);
    expect((await readCityRollup(control, { now: Date.now() })).counties.find((c) => c.slug === 'wengniute')!.figures!.needs).toEqual({ open: 0, met: 0, byCategory: {} });
  });

  it('in one queue batch, the events of a county that move the same figures need one recomputation', () => {
    const key = (tenant: string, type: string, aggregate: string) => rollupConsumer.coalesceKey!(envelope(tenant, type, aggregate));
    expect(key('wengniute', 'need.created', 'need')).toBe(key('wengniute', 'need.updated', 'need'));
    // Other figures, or another county: recomputed on their own.
    expect(key('wengniute', 'need.created', 'need')).not.toBe(key('wengniute', 'organization.updated', 'organization'));
    expect(key('wengniute', 'need.created', 'need')).not.toBe(key('kalaqin', 'need.created', 'need'));
  });

  it('a county whose database fails keeps its last figures, marked stale; the others are intact', async () => {
    const t1 = Date.now();
    await generated('balinzuo', 7, t1);
    await generated('balinyou', 8, t1);
    await recountCounties(env, [county('balinzuo'), county('balinyou')], { now: t1 });
    const before = await readCityRollup(control, { now: t1 });
    const broken = {
      ...env,
      DB_BALINZUO: {
        prepare: (...a: Parameters<D1Database['prepare']>) => bindings.DB_BALINZUO!.prepare(...a),
        batch: async () => {
          throw new Error('D1_ERROR: database unavailable');
        },
      },
    };
    const t2 = t1 + 1000;
    const out = await recountCounties(broken, [county('balinzuo'), county('balinyou')], { now: t2 });
    expect(out).toMatchObject({ recounted: ['balinyou'], failed: [{ slug: 'balinzuo', error: 'Error' }] });
    const after = await readCityRollup(control, { now: t2 });
    const was = (s: string) => before.counties.find((c) => c.slug === s)!;
    const is = (s: string) => after.counties.find((c) => c.slug === s)!;
    expect(is('balinzuo')).toEqual({ ...was('balinzuo'), stale: true, staleSince: t2 });
    expect(is('balinyou')).toEqual({ ...was('balinyou'), asOf: t2 });
    // Still failing later: stale since the first failure. Once it reads again, it is fresh.
    await recountCounties(broken, [county('balinzuo')], { now: t2 + 5000 });
    expect((await readCityRollup(control, { now: t2 })).counties.find((c) => c.slug === 'balinzuo')).toMatchObject({ stale: true, staleSince: t2 });
    await recountCounties(env, [county('balinzuo')], { now: t2 + 9000 });
    expect((await readCityRollup(control, { now: t2 })).counties.find((c) => c.slug === 'balinzuo')).toMatchObject({ stale: false, staleSince: null, asOf: t2 + 9000 });
  });

  it('reads the whole city in ONE statement of the control database', async () => {
    let prepared = 0;
    let runs = 0;
    const counting = {
      prepare: (q: string) => {
        prepared++;
        const s = control.prepare(q);
        return { bind: (...v: unknown[]) => ({ first: async () => (runs++, s.bind(...v).first()) }) };
      },
    } as unknown as D1Database;
    const city = await readCityRollup(counting, { now: Date.now() });
    expect({ prepared, runs }).toEqual({ prepared: 1, runs: 1 });
    expect(city.counties).toHaveLength(12);
  });

  it('fans the recount out in batches of at most 15 counties (200 simulated tenants: 14 messages)', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ slug: `sim${i}`, code: '150400', name: `模拟${i}`, kind: 'county' as const, binding: `DB_SIM${i}` }));
    const messages = recountMessages(many, 1);
    expect(messages.map((m) => m.tenants.length)).toEqual([...Array(13).fill(15), 5]);
    expect(messages.flatMap((m) => m.tenants)).toEqual(many.map((t) => t.slug));
    expect(ALL_SOURCES).toHaveLength(10);
  });
});

function emptyModel(): Model {
  return { orgs: [], alliances: [], members: [], filings: [], needs: [], projects: [], people: [], reports: [], pairings: [], activities: [], plans: [], meetings: [], points: [], assessments: [], rounds: [], disbursements: [], funds: [] };
}

describe('the rollup routes', () => {
  it('serve the city roles, the drill-down, and a county its own figures; refuse the others', async () => {
    const now = Date.now();
    const model = await generated('keshiketeng', 31, now);
    await recountCounties(env, [county('keshiketeng')], { now });
    const city = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const admin = await makeUser([{ tenant: 'keshiketeng', role: 'county_admin' }]);
    const other = await makeUser([{ tenant: 'aohan', role: 'county_admin' }]);
    const member = await makeUser([{ tenant: 'keshiketeng', role: 'member' }]);

    const all = await call('GET', '/api/city/rollup', { token: city.token });
    expect(all.status).toBe(200);
    const drill = await call('GET', '/api/city/rollup/counties/keshiketeng', { token: city.token });
    expect(drill.status).toBe(200);
    const own = await call('GET', '/api/t/keshiketeng/rollup', { token: admin.token });
    expect(own.status).toBe(200);
    expect(((await own.clone().json()) as { figures: unknown }).figures).toEqual(expectedFigures(model, now).figures);
    expect(((await drill.clone().json()) as { alliances: unknown[] }).alliances).toHaveLength(model.alliances.filter((a) => a.status !== 'draft').length);

    // No personal data anywhere: no generated person's name, phone or identity number.
    const bodies = [await all.text(), await drill.text(), await own.text()].join('\n');
    for (const p of model.people) {
      for (const v of [p.name, p.phone, p.idNumber]) expect(bodies.includes(v), v).toBe(false);
    }
    // Phone-like and identity-number-like digit runs (epoch-ms as-of times are 13 digits, not 11 or 18).
    expect(bodies).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(bodies).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);

    const refused = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      expect(((await res.json()) as { code: string }).code).toBe(code);
    };
    await refused(await call('GET', '/api/city/rollup', { token: admin.token }), 403, 'forbidden');
    await refused(await call('GET', '/api/city/rollup/counties/keshiketeng', { token: admin.token }), 403, 'forbidden');
    await refused(await call('GET', '/api/city/rollup/counties/nowhere', { token: city.token }), 404, 'not_found');
    await refused(await call('GET', '/api/t/keshiketeng/rollup', { token: member.token }), 403, 'forbidden');
    await refused(await call('GET', '/api/t/keshiketeng/rollup', { token: other.token }), 404, 'not_found');
    expect((await call('GET', '/api/city/rollup')).status).toBe(401);
  });

  it("carries no personal data of the suites' fixture: no person's name, phone or identity number, no contact of an organization or alliance member", async () => {
    await makeFixture('yuanbaoshan');
    await recountCounties(env, [county('yuanbaoshan')], { now: Date.now() });
    const db = bindings.DB_YUANBAOSHAN!;
    const values = async (sql: string) => (await db.prepare(sql).raw<unknown[]>()).flat().filter((v): v is string => typeof v === 'string' && v.length >= 2);
    const personal = [
      ...(await values('SELECT name, phone, id_number FROM people')),
      ...(await values('SELECT secretary_name, secretary_phone, liaison_name, liaison_phone FROM organizations')),
      ...(await values('SELECT liaison_name, liaison_phone FROM alliance_members')),
      ...(await values('SELECT raiser_name, raiser_phone FROM needs')),
      ...(await values('SELECT owner_name FROM projects')),
    ];
    expect(personal.length).toBeGreaterThan(3);
    const city = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const admin = await makeUser([{ tenant: 'yuanbaoshan', role: 'county_admin' }]);
    const bodies = [
      await (await call('GET', '/api/city/rollup', { token: city.token })).text(),
      await (await call('GET', '/api/city/rollup/counties/yuanbaoshan', { token: city.token })).text(),
      await (await call('GET', '/api/t/yuanbaoshan/rollup', { token: admin.token })).text(),
    ].join('\n');
    expect(JSON.parse(bodies.split('\n')[2]!).figures.members.partyMembers).toBeGreaterThan(0);
    expect(personal.filter((v) => bodies.includes(v))).toEqual([]);
  });
});
