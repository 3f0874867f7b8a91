import type { Actor } from '@ronghe/core';
import type { Role } from '@ronghe/schema';
import { describe, expect, it } from 'vitest';
import { allows, effectiveGrants, holdsCityAdmin, mayAttempt } from './access.ts';

// How a grant's scope reaches a target (the Scope comment of access.ts, ADR
// 0004 and ADR 0007), one scope at a time. Which role holds which action is
// compared cell by cell in test/spec/role-actions.test.ts; here each case
// picks an action whose only rule for the role has the scope under test.

type Grant = Actor['grants'][number];
const grant = (role: Role, scopeOrgId: string | null = null, scopeAllianceId: string | null = null): Grant => ({ role, scopeOrgId, scopeAllianceId });
const actor = (...grants: Grant[]): Actor => ({ userId: 'usr_x', displayName: 'x', grants });

describe('scope: tenant', () => {
  it('covers any target, and no target at all', () => {
    expect(allows(actor(grant('county_admin')), 'org.import')).toBe(true);
    expect(allows(actor(grant('county_admin')), 'org.import', { orgId: 'org_any' })).toBe(true);
  });

  it('needs the rule’s own role', () => {
    expect(allows(actor(grant('committee_reviewer', 'org_street')), 'org.import', { orgId: 'org_street' })).toBe(false);
  });
});

describe('scope: subtree (committee_reviewer × org.update)', () => {
  const reviewer = actor(grant('committee_reviewer', 'org_street'));
  it('covers the grant’s organization and everything under it', () => {
    expect(allows(reviewer, 'org.update', { orgId: 'org_street', orgPath: '/org_county/org_street/' })).toBe(true);
    expect(allows(reviewer, 'org.update', { orgId: 'org_street' })).toBe(true);
    expect(allows(reviewer, 'org.update', { orgId: 'org_branch', orgPath: '/org_county/org_street/org_branch/' })).toBe(true);
  });

  it('does not cover a sibling, a parent, a look-alike id or a target without a place', () => {
    expect(allows(reviewer, 'org.update', { orgId: 'org_other', orgPath: '/org_county/org_other/' })).toBe(false);
    expect(allows(reviewer, 'org.update', { orgId: 'org_county', orgPath: '/org_county/' })).toBe(false);
    expect(allows(reviewer, 'org.update', { orgId: 'org_x', orgPath: '/org_county/org_street2/org_x/' })).toBe(false);
    expect(allows(reviewer, 'org.update', { orgId: 'org_x' })).toBe(false);
    expect(allows(reviewer, 'org.update', {})).toBe(false);
    expect(allows(reviewer, 'org.update')).toBe(false);
  });
});

describe('scope: own_org (org_liaison × org.update)', () => {
  const liaison = actor(grant('org_liaison', 'org_own'));
  it('covers only the grant’s own organization, not what lies under it', () => {
    expect(allows(liaison, 'org.update', { orgId: 'org_own', orgPath: '/org_county/org_own/' })).toBe(true);
    expect(allows(liaison, 'org.update', { orgId: 'org_child', orgPath: '/org_county/org_own/org_child/' })).toBe(false);
    expect(allows(liaison, 'org.update', {})).toBe(false);
  });
});

describe('scope: alliance_lead (alliance_admin × alliance.manage)', () => {
  it('covers an alliance its organization leads, or the alliance its grant names', () => {
    expect(allows(actor(grant('alliance_admin', 'org_lead')), 'alliance.manage', { allianceId: 'aln_1', leadOrgId: 'org_lead' })).toBe(true);
    expect(allows(actor(grant('alliance_admin', null, 'aln_1')), 'alliance.manage', { allianceId: 'aln_1', leadOrgId: 'org_lead' })).toBe(true);
    expect(allows(actor(grant('alliance_admin', 'org_member', 'aln_1')), 'alliance.manage', { allianceId: 'aln_1', leadOrgId: 'org_lead' })).toBe(true);
  });

  it('does not cover another alliance, nor an alliance it is only a member of', () => {
    expect(allows(actor(grant('alliance_admin', 'org_lead')), 'alliance.manage', { allianceId: 'aln_2', leadOrgId: 'org_other' })).toBe(false);
    expect(allows(actor(grant('alliance_admin', null, 'aln_1')), 'alliance.manage', { allianceId: 'aln_2', leadOrgId: 'org_other' })).toBe(false);
    expect(allows(actor(grant('alliance_admin', 'org_lead')), 'alliance.manage', { allianceId: 'aln_2', memberOrgId: 'org_lead' })).toBe(false);
    expect(allows(actor(grant('alliance_admin', 'org_lead')), 'alliance.manage')).toBe(false);
  });
});

describe('scope: alliance_committee (committee_reviewer × alliance.review)', () => {
  const reviewer = actor(grant('committee_reviewer', 'org_street'));
  it('covers alliances approved by its own committee', () => {
    expect(allows(reviewer, 'alliance.review', { allianceId: 'aln_1', committeePath: '/org_county/org_street/' })).toBe(true);
  });

  // Seed 000 8.3 调整、撤销由批准其设立的党(工)委研究决定 (issue 10): the committee above decides nothing for the one beneath.
  it('does not cover an alliance approved by a committee beneath its own', () => {
    expect(allows(reviewer, 'alliance.review', { allianceId: 'aln_1', committeePath: '/org_county/org_street/org_sub/' })).toBe(false);
    expect(allows(actor(grant('committee_reviewer', 'org_county')), 'alliance.review', { allianceId: 'aln_1', committeePath: '/org_county/org_street/' })).toBe(false);
  });

  it('does not cover another committee’s alliance, a look-alike id, or an alliance without a committee', () => {
    expect(allows(reviewer, 'alliance.review', { allianceId: 'aln_1', committeePath: '/org_county/org_town/' })).toBe(false);
    expect(allows(reviewer, 'alliance.review', { allianceId: 'aln_1', committeePath: '/org_county/org_street9/' })).toBe(false);
    expect(allows(reviewer, 'alliance.review', { allianceId: 'aln_1', leadOrgId: 'org_street' })).toBe(false);
    expect(allows(actor(grant('committee_reviewer')), 'alliance.review', { allianceId: 'aln_1', committeePath: '/org_county/org_street/' })).toBe(false);
  });
});

describe('scope: alliance_oversight (committee_reviewer × match.run)', () => {
  const reviewer = actor(grant('committee_reviewer', 'org_street'));
  it('covers alliances approved by its committee or a committee beneath it', () => {
    expect(allows(reviewer, 'match.run', { allianceId: 'aln_1', committeePath: '/org_county/org_street/' })).toBe(true);
    expect(allows(reviewer, 'match.run', { allianceId: 'aln_1', committeePath: '/org_county/org_street/org_sub/' })).toBe(true);
  });

  it('does not cover a sibling committee, a look-alike id, or an alliance without a committee', () => {
    expect(allows(reviewer, 'match.run', { allianceId: 'aln_1', committeePath: '/org_county/org_town/' })).toBe(false);
    expect(allows(reviewer, 'match.run', { allianceId: 'aln_1', committeePath: '/org_county/org_street9/' })).toBe(false);
    expect(allows(reviewer, 'match.run', { allianceId: 'aln_1', leadOrgId: 'org_street' })).toBe(false);
    expect(allows(actor(grant('committee_reviewer')), 'match.run', { allianceId: 'aln_1', committeePath: '/org_county/org_street/' })).toBe(false);
  });
});

describe('scope: alliance_member (org_liaison × alliance.member_update)', () => {
  const liaison = actor(grant('org_liaison', 'org_m1'));
  it('covers only requests about its own organization', () => {
    expect(allows(liaison, 'alliance.member_update', { allianceId: 'aln_1', memberOrgId: 'org_m1' })).toBe(true);
    expect(allows(liaison, 'alliance.member_update', { allianceId: 'aln_1', memberOrgId: 'org_m2' })).toBe(false);
    expect(allows(liaison, 'alliance.member_update', { allianceId: 'aln_1', leadOrgId: 'org_m1' })).toBe(false);
  });
});

describe('several grants', () => {
  it('allow when any one of them covers the target', () => {
    const two = actor(grant('org_liaison', 'org_a'), grant('org_liaison', 'org_b'));
    expect(allows(two, 'org.update', { orgId: 'org_b' })).toBe(true);
    expect(allows(two, 'org.update', { orgId: 'org_c' })).toBe(false);
  });
});

describe('mayAttempt: whether the role holds the action at all', () => {
  it('looks only at roles, not scopes', () => {
    expect(mayAttempt(actor(grant('org_liaison', 'org_a')), 'org.update')).toBe(true);
    expect(mayAttempt(actor(grant('member', 'org_a')), 'org.update')).toBe(false);
    expect(mayAttempt(actor(grant('member'), grant('county_admin')), 'org.import')).toBe(true);
    expect(mayAttempt(actor(), 'tenant.read')).toBe(false);
  });
});

describe('the city administrator (README: every county read-only; administrator in the city)', () => {
  const city = grant('city_admin');
  it('is also the city tenant’s county administrator', () => {
    expect(effectiveGrants([city], 'city')).toEqual([city, grant('county_admin')]);
    expect(allows(actor(...effectiveGrants([city], 'city')), 'org.import')).toBe(true);
  });

  it('stays read-only in a county, and nobody else gains anything', () => {
    expect(effectiveGrants([city], 'county')).toEqual([city]);
    expect(allows(actor(...effectiveGrants([city], 'county')), 'org.import')).toBe(false);
    const reviewer = grant('committee_reviewer', 'org_street');
    expect(effectiveGrants([reviewer], 'city')).toEqual([reviewer]);
  });

  it('is recognised by a city_admin grant in the city tenant (chifeng) only', () => {
    expect(holdsCityAdmin([{ role: 'city_admin', tenant: 'chifeng' }])).toBe(true);
    expect(holdsCityAdmin([{ role: 'county_admin', tenant: 'hongshan' }, { role: 'city_admin', tenant: 'chifeng' }])).toBe(true);
    expect(holdsCityAdmin([{ role: 'city_admin', tenant: 'hongshan' }])).toBe(false);
    expect(holdsCityAdmin([{ role: 'county_admin', tenant: 'chifeng' }])).toBe(false);
    expect(holdsCityAdmin([])).toBe(false);
  });
});
