// Demo data a person believes (issue 10 §3): names that do not say a place
// twice, the city's committee under its own 领域, and an audit trail for the
// past the data tells.
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewAuditRecord } from '@ronghe/schema';
import { chifengDemo } from './chifeng-demo.ts';
import { DEMO_ACCOUNTS_CREATED } from './generate.ts';
import { joinName } from './names.ts';
import type { DemoData, TenantDemoData } from './types.ts';

let data: DemoData;
const counties = () => data.tenants.filter((t) => t.tenant.kind === 'county');
const tenant = (slug: string) => data.tenants.find((t) => t.tenant.slug === slug)! as TenantDemoData;

beforeAll(() => {
  data = chifengDemo();
}, 90_000);

/** Every name a person reads in the demo: organizations, alliances, routes, districts, the lists' titles, accounts. */
function allNames(d: DemoData): string[] {
  const out: string[] = d.accounts.map((a) => a.displayName);
  for (const t of d.tenants) {
    out.push(...t.orgs.map((o) => o.name), ...t.alliances.alliances.map((a) => a.name), ...t.alliances.routes.map((r) => r.name), ...t.alliances.districts.map((r) => r.name));
    out.push(...t.lists.needs.map((n) => n.title), ...t.lists.resources.map((r) => r.title), ...t.lists.projects.map((p) => p.title));
  }
  return out;
}

describe('names say each place once', { timeout: 90_000 }, () => {
  // Real names that do repeat two characters: 罕苏木苏木 is the township's official name (罕苏木 + 苏木),
  // 代收代储 (collecting and storing on the farmer's behalf) is a set phrase.
  const REAL = [/罕苏木苏木/g, /代收代储/g];

  it('no name holds a word of two to four characters twice in a row (红山红山…, 社区社区…, 机关机关…)', () => {
    const doubled = allNames(data)
      .map((n) => REAL.reduce((s, re) => s.replace(re, '·'), n))
      .filter((n) => /([\u4e00-\u9fff]{2,4})\1/u.test(n));
    expect(doubled).toEqual([]);
  });

  it('the names that used to double now read as a person writes them', () => {
    const names = new Set(allNames(data));
    // 林东西城街道 has communities whose committee is registered as 富河社区社区居民委员会.
    expect([...names].some((n) => n.startsWith('林东西城街道富河社区党'))).toBe(true);
    // The 纪委监委机关 of a county keeps one 机关.
    expect([...names].filter((n) => n.includes('纪委监委机关党')).length).toBeGreaterThan(0);
  });

  it('joinName drops only the word the two halves share', () => {
    expect(joinName('福园社区', '社区食堂助餐服务')).toBe('福园社区食堂助餐服务');
    expect(joinName('松山区纪委监委机关', '机关党支部')).toBe('松山区纪委监委机关党支部');
    expect(joinName('铁南社区', '独居老人助餐')).toBe('铁南社区独居老人助餐');
  });
});

describe('中共赤峰市委员会', { timeout: 90_000 }, () => {
  it('is the city tenant\'s root, in the 市委 domain (it is not a 旗县区委)', () => {
    const city = tenant('chifeng');
    const root = city.orgs.filter((o) => o.parentId === null);
    expect(root.map((o) => [o.name, o.kind, o.domain])).toEqual([['中共赤峰市委员会', '党委', '市委']]);
    for (const t of counties()) expect(t.orgs.filter((o) => o.domain === '市委')).toEqual([]);
  });
});

describe('the audit trail of the past', { timeout: 90_000 }, () => {
  it('every county has audit rows, each dated in the past, oldest first, with a named actor', () => {
    const today = Date.UTC(2026, 11, 4, 16); // DEMO_TODAY's end, Asia/Shanghai
    for (const t of counties()) {
      expect(t.audit.length).toBeGreaterThan(100);
      for (const r of t.audit) {
        expect(r.at).toBeLessThan(today);
        expect(r.actorName).not.toBe('');
        expect(r.actorName).not.toBe('系统');
      }
      expect(t.audit.map((r) => r.at)).toEqual([...t.audit.map((r) => r.at)].sort((a, b) => a - b));
      expect(new Set(t.audit.map((r) => r.id)).size).toBe(t.audit.length);
    }
    // The city's own history is its reward round (ADR 0025): published, then payments, oldest first.
    const city = tenant('chifeng').audit;
    expect([...new Set(city.map((r) => r.action))].sort()).toEqual(['reward_disbursement.pay', 'reward_round.publish']);
    expect(city.map((r) => r.at)).toEqual([...city.map((r) => r.at)].sort((a, b) => a - b));
    for (const r of city) expect(r.at).toBeLessThan(today);
  });

  it('each alliance step of the timeline has its audit row at the same instant, by the same person', () => {
    const t = tenant('hongshan');
    for (const e of t.alliances.events) {
      const want = e.action === 'adjust' ? 'alliance.adjustment_approve' : e.action === 'adjust_reject' ? 'alliance.adjustment_reject' : `alliance.${e.action}`;
      const row = t.audit.find((r) => r.at === e.at && r.action === want && r.actorId === e.actorId);
      expect(row, `${e.action} of ${e.allianceId}`).toBeDefined();
      expect(row!.actorName).toBe(e.actorName);
    }
  });

  it('each need, resource, project and claim has its creation row, by its creator, when it was created', () => {
    const t = tenant('hongshan');
    const byEntity = new Map<string, { at: number; actorId: string; action: string }[]>();
    for (const r of t.audit) byEntity.set(r.entityId, [...(byEntity.get(r.entityId) ?? []), r]);
    for (const n of t.lists.needs) expect(byEntity.get(n.id)).toContainEqual(expect.objectContaining({ at: n.createdAt, actorId: n.createdBy }));
    for (const r of t.lists.resources) expect(byEntity.get(r.id)).toContainEqual(expect.objectContaining({ at: r.createdAt, actorId: r.createdBy, action: 'resource.create' }));
    for (const p of t.lists.projects) expect(byEntity.get(p.id)).toContainEqual(expect.objectContaining({ at: p.createdAt, actorId: p.createdBy, action: 'project.create' }));
    for (const c of t.lists.claims) expect(byEntity.get(c.projectId)).toContainEqual(expect.objectContaining({ at: c.claimedAt, actorId: c.claimedBy, action: 'project.claim' }));
  });

  it('acts after the demo accounts were opened are the accounts\' own; the ones before are not', () => {
    const t = tenant('hongshan');
    const admin = data.accounts.find((a) => a.username === 'hongshan_admin')!;
    const acks = t.audit.filter((r) => r.action === 'filing.acknowledge' && (r.before as { countyState?: string }).countyState);
    expect(acks.length).toBeGreaterThan(0);
    for (const r of acks) {
      if (r.at >= DEMO_ACCOUNTS_CREATED) expect([r.actorId, r.actorName]).toEqual([admin.userId, admin.displayName]);
      else expect([r.actorId, r.actorName]).toEqual([expect.not.stringMatching(admin.userId), '红山区委组织部']);
    }
  });

  it('rows fit the audit_log table', () => {
    const row: NewAuditRecord = tenant('hongshan').audit[0]!;
    expect(row.requestId).toBe('demo-history');
  });
});
