import { api, get } from '../../api/client.ts';

// 报到领岗 (issue 11): posts, claims and service records.

export interface Post {
  id: string;
  ownerOrgId: string | null;
  ownerAllianceId: string | null;
  ownerName: string;
  title: string;
  duties: string;
  places: number;
  taken: number;
  startsOn: string;
  endsOn: string;
  skills: string[];
  status: 'open' | 'closed';
  claimable: boolean;
  version: number;
  createdAt: number;
}

export interface ServiceLog {
  id: string;
  claimId: string;
  postId: string;
  personId: string;
  personName: string;
  serviceDate: string;
  minutes: number;
  description: string;
  status: 'logged' | 'confirmed' | 'rejected';
  decisionReason: string | null;
}

export interface PostClaim {
  id: string;
  postId: string;
  personId: string;
  personName: string;
  groupId: string | null;
  status: 'pending' | 'approved' | 'declined' | 'withdrawn';
  note: string | null;
  decisionReason: string | null;
  claimedOn: string;
}

export interface PostWork {
  post: Post;
  claims: PostClaim[];
  serviceLogs: ServiceLog[];
}

export interface MyPosts {
  claims: Array<PostClaim & { post: Post; serviceLogs: ServiceLog[] }>;
  confirmedMinutes: number;
}

export interface PostInput {
  ownerOrgId?: string | null;
  ownerAllianceId?: string | null;
  title: string;
  duties: string;
  places: number;
  startsOn: string;
  endsOn: string;
  skills?: string[];
}

const t = (tenant: string, path: string) => `/t/${encodeURIComponent(tenant)}${path}`;
const e = encodeURIComponent;

export const postApi = {
  list: (tenant: string, open?: boolean) => get<{ items: Post[] }>(t(tenant, '/posts'), { open: open ? '1' : undefined }).then((r) => r.items),
  create: (tenant: string, input: PostInput) => api<Post>('POST', t(tenant, '/posts'), { json: input }).then((r) => r.data),
  update: (tenant: string, id: string, input: Partial<PostInput> & { status?: 'open' | 'closed' }) =>
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
