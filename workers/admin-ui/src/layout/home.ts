// The page every role lands on inside a tenant: after login, on '/', on /t/:tenant,
// after a tenant switch away from a page the next tenant does not have, and from
// the "no access" screen: the 工作台, which shows each role what waits for it (issue 9 §3).
export const HOME_PAGE = 'workbench';

export const homePath = (slug: string) => `/t/${slug}/${HOME_PAGE}`;
