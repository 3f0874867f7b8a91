// The page every role lands on inside a tenant: after login, on '/', on /t/:tenant,
// after a tenant switch away from a page the next tenant does not have, and from
// the "no access" screen. Switching the landing page (to the 工作台) is this one line.
export const HOME_PAGE = 'orgs';

export const homePath = (slug: string) => `/t/${slug}/${HOME_PAGE}`;
