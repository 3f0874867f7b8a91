import { describe, expect, it } from 'vitest';
import { screenAllowed } from './access.ts';

// The 数据大屏 link and page follow the rollup's rule. The actions are what GET /tenants reports
// for each role, by hand from packages/identity/src/access.ts: a county's rollup (`rollup.read`) is
// read by its administrator and its committees' reviewers (and the city); the city's (`city.rollup`)
// by the city's administrator alone. A liaison or a lead organization's secretary reads neither.

const county = (roles: string[], actions: string[], readOnly = false) => ({ kind: 'county' as const, readOnly, roles, actions });

describe('screenAllowed', () => {
  it('opens a county wall to those who may read its rollup', () => {
    expect(screenAllowed(county(['county_admin'], ['rollup.read', 'need.create']))).toBe(true);
    expect(screenAllowed(county(['committee_reviewer'], ['rollup.read', 'alliance.review']))).toBe(true);
  });

  it('offers no wall to a liaison, a lead secretary or a member, whom the rollup refuses', () => {
    expect(screenAllowed(county(['org_liaison'], ['need.create', 'project.claim']))).toBe(false);
    expect(screenAllowed(county(['alliance_admin'], ['project.manage', 'need.create']))).toBe(false);
    expect(screenAllowed(county(['member'], ['activity.checkin']))).toBe(false);
  });

  it('the city administrator has the city wall, and reaches a county through it, not through the read-only view', () => {
    expect(screenAllowed({ kind: 'city', readOnly: false, actions: ['city.rollup'] })).toBe(true);
    expect(screenAllowed({ kind: 'city', readOnly: false, actions: [] })).toBe(false);
    expect(screenAllowed(county(['city_admin'], ['rollup.read'], true))).toBe(false);
    expect(screenAllowed(undefined)).toBe(false);
  });
});
