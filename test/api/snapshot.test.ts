import { env } from 'cloudflare:workers';
import type { D1Migration } from 'cloudflare:test';
import { findTenant } from '@ronghe/tenancy';
import { describe, expect, it } from 'vitest';
import { makeAlliance, makeRoute } from '../support/alliance-factories.ts';
import { makeOrg, makeUser, SNAPSHOT_EXCLUDED_TABLES, snapshotCounts, snapshotTenant, type TenantSnapshot } from '../support/factories.ts';
import { bindings } from '../support/worker.ts';

// The "nothing changed" snapshot that the refusal suites compare before and
// after a request: it must see any write, however small, and only writes.
const T = 'wengniute';
const d1 = (tenant: string) => bindings[findTenant(tenant)!.binding]!;

/** The tables whose hash differs between two snapshots. */
const changed = (a: TenantSnapshot, b: TenantSnapshot) => Object.keys({ ...a, ...b }).filter((t) => JSON.stringify(a[t]) !== JSON.stringify(b[t]));

describe('the unchanged-tenant snapshot', () => {
  it('covers every table the committed migrations create', async () => {
    // Read from the migration files themselves, so a table added later cannot be left out silently.
    const migrations = (env as unknown as { TEST_TENANT_MIGRATIONS: D1Migration[] }).TEST_TENANT_MIGRATIONS;
    const created = migrations.flatMap((m) => m.queries.flatMap((q) => [...q.matchAll(/CREATE TABLE [`"]?(\w+)[`"]?/gi)].map((x) => x[1]!)));
    expect(created.length).toBeGreaterThan(20);
    const snap = await snapshotTenant(T);
    const tenantTables = Object.keys(snap).filter((k) => !k.startsWith('control.'));
    // Every created table except those the snapshot declares it leaves out, each with its reason (factories.ts).
    const excluded = (t: string) => SNAPSHOT_EXCLUDED_TABLES.some((x) => x.name.test(t));
    expect([...new Set(created)].filter(excluded).sort()).toEqual(['consumed_events', 'data_versions', 'dead_letters', 'outbox']);
    expect(tenantTables.sort()).toEqual([...new Set(created)].filter((t) => !excluded(t)).sort());
    expect(Object.keys(snap).filter((k) => k.startsWith('control.')).sort()).toEqual(['control.audit_log', 'control.role_grants', 'control.users']);
  });

  it('is identical twice over an untouched database', async () => {
    const lead = await makeOrg(T);
    const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
    await makeAlliance(T, { lead, committee, status: 'active' });
    await makeUser([{ tenant: T, role: 'county_admin' }]);
    const first = await snapshotTenant(T);
    const second = await snapshotTenant(T);
    expect(second).toEqual(first);
    expect(first.organizations!.rows).toBeGreaterThanOrEqual(2);
    expect(first['control.users']!.rows).toBeGreaterThanOrEqual(1);
  });

  it('an empty table blanks nothing: a fresh county still sees a change in any other table', async () => {
    // A county no other test touches: apart from the seeded categories, every table is empty.
    const fresh = 'ningcheng';
    const empty = await snapshotTenant(fresh);
    for (const [table, h] of Object.entries(empty)) expect(h.hash, table).toMatch(/^[0-9a-f]{64}$/);
    expect(empty.needs!.rows).toBe(0);
    expect(empty.alliances!.rows).toBe(0);
    expect(empty.list_categories!.rows).toBeGreaterThan(0);

    const lead = await makeOrg(fresh);
    const withOrg = await snapshotTenant(fresh);
    expect(changed(empty, withOrg)).toEqual(['organizations']);

    // The alliance half of the old snapshot went NULL while the list tables were empty.
    const committee = await makeOrg(fresh, { kind: '党工委', domain: '街道' });
    const made = await makeAlliance(fresh, { lead, committee, status: 'active' });
    expect((await snapshotTenant(fresh)).needs!.rows).toBe(0);
    const before = await snapshotTenant(fresh);
    await d1(fresh).prepare('UPDATE alliances SET vision = ? WHERE id = ?').bind('改写的愿景', made.alliance.id).run();
    expect(changed(before, await snapshotTenant(fresh))).toEqual(['alliances']);
  });

  it('sees a column edited without a version bump', async () => {
    const org = await makeOrg(T);
    const before = await snapshotTenant(T);
    await d1(T).prepare('UPDATE organizations SET liaison_name = ? WHERE id = ?').bind('改名联络员', org.id).run();
    const after = await snapshotTenant(T);
    expect(changed(before, after)).toEqual(['organizations']);
    expect(after.organizations!.rows).toBe(before.organizations!.rows);
  });

  it('tells NULL from an empty string and from the text "null"', async () => {
    const org = await makeOrg(T, { divisionCode: null });
    const asNull = await snapshotTenant(T);
    await d1(T).prepare("UPDATE organizations SET division_code = '' WHERE id = ?").bind(org.id).run();
    const asEmpty = await snapshotTenant(T);
    await d1(T).prepare("UPDATE organizations SET division_code = 'null' WHERE id = ?").bind(org.id).run();
    const asText = await snapshotTenant(T);
    expect(new Set([asNull, asEmpty, asText].map((s) => s.organizations!.hash)).size).toBe(3);
  });

  it('sees a renamed governance seat', async () => {
    const lead = await makeOrg(T);
    const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const made = await makeAlliance(T, { lead, committee, status: 'active' });
    const seat = await d1(T).prepare('SELECT id FROM alliance_governance_seats WHERE alliance_id = ? ORDER BY sort_order LIMIT 1').bind(made.alliance.id).first<{ id: string }>();
    expect(seat).not.toBeNull();
    const before = await snapshotTenant(T);
    await d1(T).prepare('UPDATE alliance_governance_seats SET person_name = ? WHERE id = ?').bind('改任的负责人', seat!.id).run();
    expect(changed(before, await snapshotTenant(T))).toEqual(['alliance_governance_seats']);
  });

  it('sees two route stops swapping places', async () => {
    const lead = await makeOrg(T);
    const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
    const one = await makeAlliance(T, { lead, committee, status: 'active' });
    const two = await makeAlliance(T, { lead: committee, committee, status: 'active', members: [lead] });
    const route = await makeRoute(T, [one.alliance.id, two.alliance.id]);
    const before = await snapshotTenant(T);
    await d1(T)
      .prepare('UPDATE red_route_stops SET alliance_id = CASE alliance_id WHEN ?1 THEN ?2 ELSE ?1 END WHERE route_id = ?3')
      .bind(one.alliance.id, two.alliance.id, route.id)
      .run();
    const after = await snapshotTenant(T);
    expect(changed(before, after)).toEqual(['red_route_stops']);
    expect(after.red_route_stops!.rows).toBe(before.red_route_stops!.rows);
  });

  it("sees a change to the county's accounts in the control database", async () => {
    const user = await makeUser([{ tenant: T, role: 'member' }], { login: false });
    const before = await snapshotTenant(T);
    await bindings.DB_CONTROL!.prepare("UPDATE role_grants SET role = 'org_liaison' WHERE user_id = ?").bind(user.id).run();
    expect(changed(before, await snapshotTenant(T))).toEqual(['control.role_grants']);
  });

  it('keeps the audit row count under its old name for the suites that count one new row', async () => {
    const { audit, tables } = await snapshotCounts(T);
    const n = await d1(T).prepare('SELECT count(*) AS n FROM audit_log').first<{ n: number }>();
    expect(audit).toBe(n!.n);
    expect(tables.audit_log!.rows).toBe(n!.n);
  });
});
