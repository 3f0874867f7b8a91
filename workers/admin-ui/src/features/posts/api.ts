import type { MyPostsView, PostClaimView, PostCreateInput, PostUpdateInput, PostView, PostWorkView, ServiceLogView } from '@ronghe/schema';
import { api, get } from '../../api/client.ts';

// 报到领岗 (issue 11): posts, claims and service records. Types come from the
// shared zod schemas (schema/tenant/people-schemas.ts).

export type Post = PostView;
export type PostClaim = PostClaimView;
export type ServiceLog = ServiceLogView;
export type PostWork = PostWorkView;
export type MyPosts = MyPostsView;
export type PostInput = PostCreateInput;

const t = (tenant: string, path: string) => `/t/${encodeURIComponent(tenant)}${path}`;
const e = encodeURIComponent;

export const postApi = {
  list: (tenant: string, open?: boolean) => get<{ items: Post[] }>(t(tenant, '/posts'), { open: open ? '1' : undefined }).then((r) => r.items),
  create: (tenant: string, input: PostInput) => api<Post>('POST', t(tenant, '/posts'), { json: input }).then((r) => r.data),
  update: (tenant: string, id: string, input: PostUpdateInput) =>
    api<Post>('PATCH', t(tenant, `/posts/${e(id)}`), { json: input }).then((r) => r.data),
  work: (tenant: string, id: string) => get<PostWork>(t(tenant, `/posts/${e(id)}/claims`)),
  decideClaim: (tenant: string, postId: string, claimId: string, decision: 'approve' | 'decline', reason?: string) =>
    api<PostWork>('POST', t(tenant, `/posts/${e(postId)}/claims/${e(claimId)}/decide`), { json: { decision, reason: reason || undefined } }).then((r) => r.data),
  decideService: (tenant: string, postId: string, logId: string, decision: 'confirm' | 'reject', reason?: string) =>
    api<PostWork>('POST', t(tenant, `/posts/${e(postId)}/service-logs/${e(logId)}/decide`), { json: { decision, reason: reason || undefined } }).then((r) => r.data),
  mine: (tenant: string) => get<MyPosts>(t(tenant, '/my/posts')),
  claim: (tenant: string, postId: string, note?: string) => api<MyPosts>('POST', t(tenant, `/my/posts/${e(postId)}/claims`), { json: { note: note || undefined } }).then((r) => r.data),
  logService: (tenant: string, claimId: string, input: { serviceDate: string; minutes: number; description: string }) =>
    api<MyPosts>('POST', t(tenant, `/my/claims/${e(claimId)}/service`), { json: input }).then((r) => r.data),
};

export const POST_STATUS_TEXT: Record<Post['status'], string> = { open: '招募中', closed: '已关闭' };
export const CLAIM_STATUS_TEXT: Record<PostClaim['status'], { text: string; color: string }> = {
  pending: { text: '待审核', color: 'gold' },
  approved: { text: '已同意', color: 'green' },
  declined: { text: '未同意', color: 'red' },
  withdrawn: { text: '已撤回', color: 'default' },
};
export const SERVICE_STATUS_TEXT: Record<ServiceLog['status'], { text: string; color: string }> = {
  logged: { text: '待确认', color: 'gold' },
  confirmed: { text: '已确认', color: 'green' },
  rejected: { text: '未确认', color: 'red' },
};
