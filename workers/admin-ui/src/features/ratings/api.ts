import type {
  AssessmentRatingsView,
  IssuedLinksView,
  IssueLinksInput,
  MemberOrgRatableView,
  MemberRatingInput,
  MyRatableView,
  PublicRatingFormView,
  RatingEntry,
  RatingLinkListView,
  RatingView,
  ResidentAnswer,
} from '@ronghe/schema';
import { api, get } from '../../api/client.ts';

// 四评 (issue 12, lane raters). Types come from the shared zod schemas (schema/tenant/rating-schemas.ts).

const t = (tenant: string, path: string) => `/t/${tenant}${path}`;
const a = (tenant: string, id: string, rest: string) => t(tenant, `/assessments/${encodeURIComponent(id)}${rest}`);

export type { AssessmentRatingsView, IssuedLinksView, MemberOrgRatableView, MyRatableView, PublicRatingFormView, RatingLinkListView, RatingView };

export const ratingsApi = {
  list: (tenant: string, id: string) => get<AssessmentRatingsView>(a(tenant, id, '/ratings')),
  rate: (tenant: string, id: string, body: RatingEntry) => api<RatingView>('POST', a(tenant, id, '/ratings'), { json: body }).then((r) => r.data),
  links: (tenant: string, id: string) => get<RatingLinkListView>(a(tenant, id, '/rating-links')),
  issue: (tenant: string, id: string, body: IssueLinksInput) => api<IssuedLinksView>('POST', a(tenant, id, '/rating-links'), { json: body }).then((r) => r.data),
  revoke: (tenant: string, id: string, linkIds?: string[]) =>
    api<{ revoked: number }>('POST', a(tenant, id, '/rating-links/revoke'), { json: linkIds ? { linkIds } : {} }).then((r) => r.data),
  memberOrg: (tenant: string) => get<MemberOrgRatableView[]>(t(tenant, '/member-org-ratings')),
  mine: (tenant: string) => get<MyRatableView[]>(t(tenant, '/my/ratings')),
  rateAsMember: (tenant: string, id: string, body: MemberRatingInput) => api<RatingView>('POST', t(tenant, `/my/ratings/${encodeURIComponent(id)}`), { json: body }).then((r) => r.data),
  // The resident's form: no sign-in (the token names its county).
  publicForm: (token: string) => get<PublicRatingFormView>(`/public/ratings/${encodeURIComponent(token)}`),
  answer: (token: string, body: ResidentAnswer) => api<{ ok: true }>('POST', `/public/ratings/${encodeURIComponent(token)}`, { json: body }).then((r) => r.data),
};

/** The address a resident's QR code opens: the public form of this admin UI, outside the login. */
export const residentUrl = (token: string) => `${location.origin}/rate/${token}`;
