import type { Tenant } from '../api/types.ts';

// The page every role lands on inside a tenant: after login, on '/', on /t/:tenant,
// after a tenant switch away from a page the next tenant does not have, and from
// the "no access" screen: the 工作台, which shows each role what waits for it (issue 9 §3).
export const HOME_PAGE = 'workbench';

/**
 * A county's party member who holds no other role there lands on their own 我的 page
 * (issue 11): who they are, their branch and alliances, and from the menu their 报到,
 * 岗位, 积分 and 活动签到. Everyone else lands on the 工作台.
 */
export const MEMBER_HOME_PAGE = 'my';

export function homePageOf(tenant: Pick<Tenant, 'kind' | 'roles'> | undefined): string {
  if (tenant && tenant.kind === 'county' && tenant.roles.length > 0 && tenant.roles.every((r) => r === 'member')) return MEMBER_HOME_PAGE;
  return HOME_PAGE;
}

export const homePath = (slug: string, tenant?: Pick<Tenant, 'kind' | 'roles'>) => `/t/${slug}/${homePageOf(tenant)}`;
