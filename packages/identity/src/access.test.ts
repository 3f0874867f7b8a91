import type { Actor } from '@ronghe/core';
import { describe, expect, it } from 'vitest';
import { ACTIONS, allows, effectiveGrants, MATRIX, mayAttempt } from './access.ts';

const actor = (grants: Actor['grants']): Actor => ({ userId: 'usr_x', displayName: 'x', grants });

describe('role × action matrix', () => {
  it('lists every action and denies by default', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
    expect(mayAttempt(actor([]), 'org.read')).toBe(false);
  });

  it('keeps a city admin read-only in a county but an administrator in the city tenant', () => {
    const city = [{ role: 'city_admin' as const, scopeOrgId: null, scopeAllianceId: null }];
    expect(allows(actor(effectiveGrants(city, 'county')), 'org.read')).toBe(true);
    expect(allows(actor(effectiveGrants(city, 'county')), 'org.update', {})).toBe(false);
    expect(allows(actor(effectiveGrants(city, 'city')), 'org.update', {})).toBe(true);
  });

  it('scopes a committee reviewer to its subtree and a liaison to its own organization', () => {
    const reviewer = actor([{ role: 'committee_reviewer', scopeOrgId: 'org_street', scopeAllianceId: null }]);
    expect(allows(reviewer, 'org.update', { orgId: 'org_c', orgPath: '/org_county/org_street/org_c/' })).toBe(true);
    expect(allows(reviewer, 'org.update', { orgId: 'org_d', orgPath: '/org_county/org_other/org_d/' })).toBe(false);
    const liaison = actor([{ role: 'org_liaison', scopeOrgId: 'org_c', scopeAllianceId: null }]);
    expect(allows(liaison, 'org.update', { orgId: 'org_c', orgPath: '/org_c/' })).toBe(true);
    expect(allows(liaison, 'org.update', { orgId: 'org_e', orgPath: '/org_c/org_e/' })).toBe(false);
  });
});
