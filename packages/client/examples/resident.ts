// pnpm example:resident — a residents' mini-program against a running local server (ADR 0030).
//
//   RONGHE_BASE_URL (default http://127.0.0.1:8787, the README's `pnpm start`)
//   RONGHE_TENANT   (default hongshan; its demo accounts, password Ronghe@2026)
//
// 1. As the county's administrator (management API): issue an API key with the needs scopes and
//    register a webhook endpoint on a receiver this script starts on 127.0.0.1.
// 2. As the app (typed client @ronghe/client): submit a 群众点单 need with an Idempotency-Key.
// 3. As the county's staff (management API, said so in the log): match it, have the alliance's
//    organization claim the project, confirm, start, complete and accept it — the need is 已满足.
//    The app follows the need's progress through the client after each step.
// 4. The receiver verifies each delivery's Ronghe-Signature with the recipe of docs/webhooks.md
//    (verify-ronghe.ts is that snippet, character for character).
// Exit 0 only when the need reached 已满足 and at least one signed delivery verified.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRongheClient, type Schemas } from '../src/index.ts';
import { verifyRonghe } from './verify-ronghe.ts';

const BASE = (process.env.RONGHE_BASE_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
const TENANT = process.env.RONGHE_TENANT ?? 'hongshan';
const PASSWORD = process.env.RONGHE_PASSWORD ?? 'Ronghe@2026';
// Digits only: the titles show up in the county's lists, where staff read no Latin letters (the readability walk checks).
const RUN = String(Date.now() % 1e8);

const log = (who: string, msg: string) => console.log(`[${who}] ${msg}`);
function fail(msg: string): never {
  throw new Error(msg);
}
/** Undone at the end, success or not: the example leaves no live key or endpoint in the demo data. */
const cleanup: Array<() => Promise<void>> = [];

// ── the management API (staff sessions), plain fetch ─────────────────────

async function api<T>(token: string | null, method: string, path: string, body?: unknown, version?: number): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (version !== undefined) headers['if-match'] = `"v${version}"`;
  const res = await fetch(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) fail(`${method} ${path} → ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

interface Grant {
  tenant: string;
  role: string;
  scopeOrgId: string | null;
}
async function signIn(username: string): Promise<{ token: string; grants: Grant[] }> {
  const r = await api<{ token: string; user: { grants: Grant[] } }>(null, 'POST', '/api/auth/login', { username, password: PASSWORD });
  return { token: r.token, grants: r.user.grants };
}

// ── the webhook receiver ─────────────────────────────────────────────────

interface Delivery {
  type: string;
  eventId: string;
  verified: boolean;
  body: { type: string; data: Record<string, unknown> };
}
const deliveries: Delivery[] = [];
let signingSecret = '';

const receiver = createServer((req, res) => {
  let raw = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (raw += chunk));
  req.on('end', () => {
    void (async () => {
      // The raw body, before any JSON parsing (docs/webhooks.md, step 1).
      const verified = await verifyRonghe(signingSecret, String(req.headers['ronghe-signature'] ?? ''), raw);
      const d: Delivery = { type: String(req.headers['ronghe-event-type']), eventId: String(req.headers['ronghe-event-id']), verified, body: JSON.parse(raw) as Delivery['body'] };
      deliveries.push(d);
      log('回调', `收到 ${d.type}（${d.eventId}）：签名${verified ? '验证通过' : '验证失败'}`);
      res.writeHead(verified ? 200 : 401).end();
    })();
  });
});
await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ronghe-webhook`;

try {
  await main();
} catch (e) {
  console.error(`[失败] ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  for (const undo of cleanup.reverse()) await undo().catch((e: Error) => console.error(`[清理] ${e.message}`));
  receiver.close();
}

async function main(): Promise<void> {
  log('准备', `服务地址 ${BASE}，旗县区 ${TENANT}，回调接收地址 ${hookUrl}`);

  // ── 1. the county administrator issues a key and registers the receiver ──
  const admin = await signIn(`${TENANT}_admin`);
  log('旗县区管理员', `已登录 ${TENANT}_admin（管理接口）`);
  const issued = await api<{ id: string; key: string; version: number }>(admin.token, 'POST', `/api/t/${TENANT}/api-keys`, { name: `居民小程序示例 ${RUN}`, scopes: ['needs:read', 'needs:write'] });
  log('旗县区管理员', '签发接口密钥（权限：needs:read、needs:write），密钥只显示这一次');
  cleanup.push(async () => {
    await api(admin.token, 'POST', `/api/t/${TENANT}/api-keys/${issued.id}/revoke`, undefined, issued.version);
    log('旗县区管理员', '吊销示例的接口密钥');
  });
  const endpoint = await api<{ id: string; version: number; secret: string }>(admin.token, 'POST', `/api/t/${TENANT}/webhooks/endpoints`, {
    url: hookUrl,
    description: `居民小程序示例 ${RUN}`,
    eventTypes: ['need.created', 'match.accepted', 'project.created', 'project.started', 'project.completed', 'project.accepted'],
  });
  signingSecret = endpoint.secret;
  // Stopped at the end: the project's later events then wait as pending deliveries instead of failing against a closed receiver.
  cleanup.push(async () => {
    await api(admin.token, 'PATCH', `/api/t/${TENANT}/webhooks/endpoints/${endpoint.id}`, { status: 'disabled' }, endpoint.version);
    log('旗县区管理员', '停用示例的回调地址');
  });
  log('旗县区管理员', `登记回调地址，订阅需求、对接与项目事件；签名密钥 ${endpoint.secret.slice(0, 10)}…`);

  // Where the resident lives: the community whose party organization the alliance secretary's account serves.
  const secretary = await signIn(`${TENANT}_alliance`);
  const orgId = secretary.grants.find((g) => g.tenant === TENANT && g.scopeOrgId)?.scopeOrgId;
  if (!orgId) fail(`${TENANT}_alliance 没有授权范围党组织`);
  const org = await api<{ name: string; divisionCode: string | null }>(admin.token, 'GET', `/api/t/${TENANT}/orgs/${orgId}`);
  if (!org.divisionCode) fail(`${org.name} 没有社区区划代码`);
  const categories = await api<Array<{ id: string; name: string; active: boolean }> | { items: Array<{ id: string; name: string; active: boolean }> }>(admin.token, 'GET', `/api/t/${TENANT}/list-categories`);
  const category = (Array.isArray(categories) ? categories : categories.items).find((c) => c.active);
  if (!category) fail('该旗县区没有可用的需求类别');

  // ── 2. the resident's app submits a need through the typed client ───────
  const app = createRongheClient({ baseUrl: BASE, apiKey: issued.key });
  const idempotencyKey = crypto.randomUUID();
  const submission: Schemas['PublicNeedSubmit'] = {
    title: `独居老人助餐 ${RUN}`,
    description: '小区里的独居老人希望每周有人送两次午餐。',
    categoryId: category.id,
    quantity: 3,
    unit: '人次',
    communityCode: org.divisionCode,
    urgency: 2,
    deadline: '2099-12-31',
    raiserName: '刘女士',
    raiserPhone: '13904761111',
  };
  const submitted = await app.POST('/v1/needs', { params: { header: { 'idempotency-key': idempotencyKey } }, body: submission });
  if (!submitted.data) fail(`提交需求失败：${submitted.response.status} ${JSON.stringify(submitted.error)}`);
  const ref = submitted.data.ref;
  log('居民小程序', `提交群众点单“${submitted.data.title}”（${org.name}），编号 ${ref}，交给“${submitted.data.allianceName}”，联系电话显示为 ${submitted.data.contactMasked}`);
  const retried = await app.POST('/v1/needs', { params: { header: { 'idempotency-key': idempotencyKey } }, body: submission });
  if (retried.data?.ref !== ref || retried.response.headers.get('idempotency-replayed') !== 'true') fail('同一幂等键的重试没有返回首次的应答');
  log('居民小程序', '网络重试（同一 Idempotency-Key）：返回同一编号，Idempotency-Replayed: true，没有重复登记');

  const follow = async (): Promise<Schemas['PublicNeedReceipt']> => {
    const r = await app.GET('/v1/needs/{id}', { params: { path: { id: ref } } });
    if (!r.data) fail(`查询进度失败：${r.response.status} ${JSON.stringify(r.error)}`);
    log('居民小程序', `查询进度：${r.data.progressLabel}`);
    return r.data;
  };
  await follow();

  // ── 3. the county's staff carry it through the management API ─────────
  const S = '旗县区工作人员（管理接口）';
  const resource = await api<{ id: string }>(admin.token, 'POST', `/api/t/${TENANT}/resources`, {
    allianceId: submitted.data.allianceId,
    offeringOrgId: orgId,
    title: `社区食堂送餐 ${RUN}`,
    kind: '服务',
    categoryId: category.id,
    capacity: 3,
    unit: '人次',
    scope: 'county',
  });
  log(S, `${org.name} 登记资源“社区食堂送餐”（3 人次）`);
  const matched = await api<{ projectId: string }>(admin.token, 'POST', `/api/t/${TENANT}/matching/accept`, {
    items: [{ needId: ref, resourceId: resource.id, quantity: 3 }],
    project: { title: `独居老人助餐服务 ${RUN}`, dueOn: '2099-12-31' },
  });
  log(S, '确认需求与资源对接，新建项目');
  if ((await follow()).progress !== 'matched') fail('对接后进度应为“已匹配资源”');

  const P = `/api/t/${TENANT}/projects/${matched.projectId}`;
  type Project = { version: number; status: string; claims: Array<{ id: string; orgId: string; status: string }> };
  let project = await api<Project>(secretary.token, 'POST', `${P}/claims`, { orgId, note: '由社区食堂每周两次送餐上门' });
  log('联合体成员单位（管理接口）', `${org.name} 认领项目`);
  const claim = project.claims.find((c) => c.orgId === orgId && c.status === 'pending') ?? fail('没有找到待确认的认领');
  project = await api<Project>(admin.token, 'POST', `${P}/claims/${claim.id}/decide`, { decision: 'confirm' }, project.version);
  log(S, '确认认领');
  project = await api<Project>(admin.token, 'POST', `${P}/start`, {}, project.version);
  log(S, '项目开始实施');
  if ((await follow()).progress !== 'in_project') fail('开始实施后进度应为“项目实施中”');
  project = await api<Project>(admin.token, 'POST', `${P}/complete`, { beneficiaries: 3, deliveredQty: 3, outcomeNote: '三次送餐均已完成' }, project.version);
  log(S, '报告完成（3 人次）');
  project = await api<Project>(admin.token, 'POST', `${P}/accept`, { note: '验收合格' }, project.version);
  log(S, '验收通过');
  const final = await follow();
  if (final.progress !== 'met' || final.progressLabel !== '已满足') fail(`验收后进度应为“已满足”，实为“${final.progressLabel}”`);

  // ── 4. the signed deliveries (asynchronous: the queue, then the attempt) ─
  const ours = () => deliveries.filter((d) => d.verified && JSON.stringify(d.body.data).includes(ref));
  for (let waited = 0; ours().length === 0 && waited < 60_000; waited += 500) await new Promise((r) => setTimeout(r, 500));
  const bad = deliveries.filter((d) => !d.verified);
  if (bad.length > 0) fail(`${bad.length} 次投递签名验证失败`);
  if (ours().length === 0) fail('60 秒内没有收到关于该需求的已签名回调');
  log('完成', `需求 ${ref} 已满足；收到 ${deliveries.length} 次回调，签名全部验证通过（其中 ${ours().length} 次关于该需求：${[...new Set(ours().map((d) => d.type))].join('、')}）`);
}
