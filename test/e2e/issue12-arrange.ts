import { expect } from 'vitest';
import { api, apiLogin } from './helpers.ts';

// Issue 12's browser stories start from an alliance of their own, founded (已组建) through the API the way its
// lead secretary and the street committee would (the alliance lifecycle itself is alliances.test.ts's story):
// 铁南社区党委 leads (so 红山区's demo party member, of one of its grid branches, rates it in 我的评议), one
// property-management branch joins, 铁南街道党工委 approves.

export const TENANT = 'hongshan';
export const LEAD = '铁南街道铁南社区党委';
export const COMMITTEE = '铁南街道党工委';

/** This year in Asia/Shanghai (the pages' default year). */
export const THIS_YEAR = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

interface Org {
  id: string;
  name: string;
  status: string;
}

/** The one active organization of 红山区 with exactly this name. */
export async function orgNamed(token: string, name: string): Promise<Org> {
  const r = await api<{ items: Org[] }>('GET', `/t/${TENANT}/orgs?q=${encodeURIComponent(name)}&limit=20`, { token });
  const org = r.body.items.find((o) => o.name === name && o.status === 'active');
  expect(org, `organization ${name}`).toBeDefined();
  return org!;
}

async function ok<T>(what: string, p: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const r = await p;
  expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBe(status);
  return r.body;
}

/** A new alliance of 红山区, approved and founded (已组建): founded alliances are assessed and keep a fund ledger. */
export async function foundedAlliance(name: string): Promise<{ id: string; name: string }> {
  const admin = await apiLogin(`${TENANT}_admin`);
  const lead = await apiLogin(`${TENANT}_alliance`);
  const reviewer = await apiLogin(`${TENANT}_reviewer`);
  const leadOrg = await orgNamed(admin, LEAD);
  const committee = await orgNamed(admin, COMMITTEE);
  const property = (await api<{ items: Org[] }>('GET', `/t/${TENANT}/orgs?domain=${encodeURIComponent('物业')}&limit=20`, { token: admin })).body.items.find(
    (o) => o.status === 'active' && !o.name.startsWith('E2E'),
  )!;
  const base = `/t/${TENANT}/alliances`;
  const { id } = await ok<{ id: string }>(
    'create alliance',
    api('POST', base, {
      token: lead,
      json: {
        name,
        type: '党建联合体+',
        typeNote: '共驻共建',
        model: '双报到结对互动',
        pairingForm: '其他',
        vision: '共驻共建、服务群众',
        commonNeeds: '社区服务力量整合',
        leadOrgId: leadOrg.id,
        committeeOrgId: committee.id,
        members: [{ orgId: property.id }],
      },
    }),
    201,
  );
  const doc = (json: Record<string, unknown>) => ok(`document ${String(json.kind)}`, api('POST', `${base}/${id}/documents`, { token: lead, json }), 201);
  const step = async (token: string, action: string, json: unknown) => {
    const etag = (await api('GET', `${base}/${id}`, { token })).headers.get('etag') ?? '';
    await ok(action, api('POST', `${base}/${id}/${action}`, { token, json, headers: { 'if-match': etag } }));
  };
  await doc({ kind: 'application', title: `${name}组建申请书`, content: '申请组建。' });
  await step(lead, 'apply', {});
  await step(reviewer, 'approve', { replyText: '同意组建。' });
  await doc({ kind: 'charter', title: `${name}章程`, status: 'adopted', content: '第一条 本联合体由铁南社区党委牵头。' });
  for (const org of [leadOrg, property]) {
    await doc({ kind: 'agreement', title: `${org.name}共建协议`, status: 'adopted', signerOrgId: org.id, content: '资源共享、活动共办、难题共解。' });
  }
  await doc({ kind: 'work_plan', title: `${THIS_YEAR}年度工作计划`, status: 'adopted', year: THIS_YEAR, content: '联合主题党日每季度一次。' });
  const etag = (await api('GET', `${base}/${id}`, { token: lead })).headers.get('etag') ?? '';
  await ok(
    'governance',
    api('PUT', `${base}/${id}/governance`, {
      token: lead,
      headers: { 'if-match': etag },
      json: {
        seats: [
          { layer: '决策层', post: '总负责人', personName: '测试负责人', orgId: leadOrg.id },
          { layer: '协调层', post: '具体负责人', personName: '测试协调人', orgId: leadOrg.id },
          { layer: '执行层', post: '工作人员', personName: '测试工作人员', orgId: property.id },
        ],
      },
    }),
  );
  await step(lead, 'establish', { foundedOn: today() });
  return { id, name };
}
