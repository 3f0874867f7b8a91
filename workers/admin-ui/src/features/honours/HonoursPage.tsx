import { Button, Descriptions, Drawer, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { problemText } from '../../lib/problems.ts';
import { formatTime, thisYearShanghai as thisYear } from '../../lib/time.ts';
import { YearSelect } from '../../lib/YearSelect.tsx';
import { AlliancePicker } from '../../shared/AlliancePicker.tsx';
import { OrgPicker } from '../../shared/OrgPicker.tsx';
import { useSession } from '../../session.tsx';
import { cityAdminTenant } from '../../shared/access.ts';
import { useTenant } from '../../tenant.tsx';
import { honoursApi, type DemoSiteView, type DesignationView, type HonoursEligibility, type Level, type StandardizationView, type StrongestEligibility } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

const GRADES = ['优秀', '良好', '一般', '较差'].map((g) => ({ value: g, label: g }));
const LEVEL_TEXT: Record<Level, string> = { county: '区级', city: '市级' };

/** What this account may do here (the server decides; this only hides buttons that would be refused). */
function usePowers() {
  const { tenant } = useTenant();
  const can = (a: string) => tenant.actions.includes(a);
  const write = (a: string) => !tenant.readOnly && can(a);
  // The city's organization department designates in every county (honour.city), where its view is otherwise read-only.
  return { apply: write('standardization.apply'), evaluate: write('standardization.evaluate'), decide: write('standardization.decide'), county: write('honour.county'), city: can('honour.city') };
}

type Powers = ReturnType<typeof usePowers>;
/**
 * Where the tabs act and what they may do there: the tenant in view, or — for the city administrator in the city
 * tenant — the county it picked (issue 13: 市级 designations land in that county's database; the city only designates).
 */
const Scope = createContext<{ tenant: { slug: string }; powers: Powers } | null>(null);
function useScope() {
  return useContext(Scope)!;
}
const CITY_ONLY: Powers = { apply: false, evaluate: false, decide: false, county: false, city: true };

/** 荣誉与示范: 标准化规范化, 最强党支部 (each rule checked), 示范点, 评先评优资格 — per year. */
export default function HonoursPage() {
  const [year, setYear] = useState(thisYear());
  const { tenant } = useTenant();
  const { tenants } = useSession();
  const powers = usePowers();
  // The city administrator in the city tenant picks a county to designate 市级 there; empty: the city's own registry.
  const cityHere = tenant.kind === 'city' && !!cityAdminTenant(tenants);
  const [county, setCounty] = useState<string | null>(null);
  const scope = cityHere && county ? { tenant: { slug: county }, powers: CITY_ONLY } : { tenant: { slug: tenant.slug }, powers };
  return (
    <Scope.Provider value={scope}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          荣誉与示范
        </Typography.Title>
        <YearSelect count={4} value={year} onChange={setYear} />
        {cityHere && (
          <Select
            aria-label="旗县区"
            id="honours-county"
            data-testid="honours-county"
            style={{ width: 180 }}
            value={county ?? ''}
            onChange={(v: string) => setCounty(v || null)}
            options={[{ value: '', label: '市直（本级）' }, ...tenants.filter((t) => t.kind === 'county').map((t) => ({ value: t.slug, label: t.name }))]}
          />
        )}
      </Space>
      <Tabs
        items={[
          { key: 'std', label: '标准化规范化', children: <Standardizations year={year} /> },
          { key: 'strongest', label: '最强党支部', children: <Strongest year={year} /> },
          { key: 'sites', label: '示范点', children: <DemoSites year={year} /> },
          { key: 'eligible', label: '评先评优资格', children: <PartyHonours year={year} /> },
        ]}
      />
    </Scope.Provider>
  );
}

function useList<T>(load: () => Promise<T>, deps: unknown[]): [T | null, () => void] {
  const { message } = useFeedback();
  const [data, setData] = useState<T | null>(null);
  const [n, setN] = useState(0);
  // The loader closes over the caller's inputs; the caller lists them as `deps` (plus `n`, bumped by reload).
  useEffect(() => void load().then(setData, (e) => message.error(problemText(e).title)), [...deps, n]);
  return [data, useCallback(() => setN((x) => x + 1), [])];
}

function Standardizations({ year }: { year: number }) {
  const { tenant } = useScope();
  const { message } = useFeedback();
  const { powers } = useScope();
  const [data, reload] = useList(() => honoursApi.standardizations(tenant.slug, year), [tenant.slug, year]);
  const [applying, setApplying] = useState(false);
  const [evaluating, setEvaluating] = useState<StandardizationView | null>(null);
  const [shown, setShown] = useState<StandardizationView | null>(null);
  const [returning, setReturning] = useState<StandardizationView | null>(null);
  const act = (p: Promise<unknown>, done: string) => p.then(() => (message.success(done), reload()), (e) => message.error(problemText(e).title));
  return (
    <>
      {powers.apply && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setApplying(true)}>
          申请考评
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '本年度还没有申请' }}
        columns={[
          { title: '党支部', dataIndex: 'orgName' },
          { title: '状态', dataIndex: 'statusLabel', render: (v: string, r) => <Tag color={r.status === 'accepted' ? 'green' : r.status === 'returned' || r.status === 'revoked' ? 'red' : 'blue'}>{v}</Tag> },
          { title: '组织评定', dataIndex: 'orgScore', render: (v: number | null) => (v === null ? '—' : `${v} 分`) },
          { title: '述职评议等次', dataIndex: 'annualReviewGrade', render: (v: string | null) => v ?? '—' },
          { title: '党员评议优秀', key: 'members', render: (_: unknown, r) => (r.membersEvaluating ? `${r.membersExcellent} / ${r.membersEvaluating} 人` : '—') },
          { title: '申请时间', dataIndex: 'appliedAt', render: formatTime },
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, r) => (
              <Space wrap>
                <Button size="small" onClick={() => setShown(r)}>
                  详情
                </Button>
                {powers.evaluate && r.status === 'applied' && (
                  <Button size="small" onClick={() => setEvaluating(r)}>
                    四评考评
                  </Button>
                )}
                {powers.decide && r.status === 'evaluated' && (
                  <>
                    <Button size="small" type="primary" onClick={() => act(honoursApi.accept(tenant.slug, r.id), '已验收通过')}>
                      验收通过
                    </Button>
                    <Button size="small" danger onClick={() => setReturning(r)}>
                      退回
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {applying && <ApplyModal year={year} onClose={(done) => (setApplying(false), done && reload())} />}
      {evaluating && <EvaluateModal app={evaluating} onClose={(done) => (setEvaluating(null), done && reload())} />}
      {returning && (
        <ReasonModal title={`退回：${returning.orgName}`} onClose={() => setReturning(null)} onSubmit={(reason) => honoursApi.giveBack(tenant.slug, returning.id, reason).then(() => (setReturning(null), reload()))} />
      )}
      <Drawer open={!!shown} width={560} title={shown ? `${shown.orgName} ${shown.year} 年度` : ''} onClose={() => setShown(null)}>
        {shown && <StandardizationDetail app={shown} />}
      </Drawer>
    </>
  );
}

function StandardizationDetail({ app }: { app: StandardizationView }) {
  const dash = (v: number | null) => (v === null ? '—' : String(v));
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="状态">{app.statusLabel}</Descriptions.Item>
      <Descriptions.Item label="自评情况">{app.selfAssessment}</Descriptions.Item>
      <Descriptions.Item label="组织评定">{app.orgScore === null ? '—' : `${app.orgScore} 分；年度述职评议考核：${app.annualReviewGrade}`}</Descriptions.Item>
      <Descriptions.Item label="党员评议">
        {app.membersEvaluating === null ? '—' : `参加 ${app.membersEvaluating} 人：优秀 ${app.membersExcellent}、良好 ${app.membersGood}、一般 ${app.membersFair}、较差 ${app.membersPoor}`}
      </Descriptions.Item>
      <Descriptions.Item label="群众评判">
        {app.residentsSatisfied === null ? '—' : `满意 ${app.residentsSatisfied}、基本满意 ${app.residentsBasic}、不满意 ${app.residentsDissatisfied}（查证属实 ${dash(app.residentsDissatisfiedVerified)}）`}
      </Descriptions.Item>
      <Descriptions.Item label="社会评价">
        {app.departmentsConsulted === null ? '—' : `征求 ${app.departmentsConsulted} 个部门意见；${app.departmentObjections?.length ? app.departmentObjections.map((o) => `${o.department}：${o.text}`).join('；') : '无不符合创建标准的意见'}`}
      </Descriptions.Item>
      <Descriptions.Item label="组织生活（考评时）">
        {app.evidence?.orgLife ? (app.evidence.orgLife.status === 'met' ? `截至 ${app.evidence.orgLife.onDate} 达标` : `截至 ${app.evidence.orgLife.onDate} 有 ${app.evidence.orgLife.behindKinds} 项未达标`) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label="软弱涣散（考评时）">{app.evidence ? (app.evidence.weakFlag ? '是' : '否') : '—'}</Descriptions.Item>
      <Descriptions.Item label="考评意见">{app.evaluationNote ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="验收意见">{app.decisionReason ?? '—'}</Descriptions.Item>
      {app.revokedReason && <Descriptions.Item label="取消评定">{app.revokedReason}</Descriptions.Item>}
    </Descriptions>
  );
}

function ApplyModal({ year, onClose }: { year: number; onClose(done: boolean): void }) {
  const { tenant } = useScope();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    await honoursApi.apply(tenant.slug, { orgId: v.orgId, year, selfAssessment: v.selfAssessment }).then(() => onClose(true), (e) => setError(problemText(e).title));
  };
  return (
    <Modal open title={`申请 ${year} 年度标准化规范化考评`} okText="提交申请" cancelText="取消" onOk={submit} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical">
        <Form.Item name="orgId" label="党支部" rules={[{ required: true, message: '请选择党支部' }]}>
          <OrgPicker tenant={tenant.slug} placeholder="输入名称搜索党支部" />
        </Form.Item>
        <Form.Item name="selfAssessment" label="自评情况" rules={[{ required: true, min: 10, message: '自评情况至少 10 个字' }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}

function EvaluateModal({ app, onClose }: { app: StandardizationView; onClose(done: boolean): void }) {
  const { tenant } = useScope();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const n = (name: string, label: string, max?: number) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]} style={{ display: 'inline-block', width: 150, marginRight: 8 }}>
      <InputNumber min={0} max={max} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
  const submit = async () => {
    const v = await form.validateFields();
    const objections = String(v.objections ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [department, ...rest] = l.split(/[:：]/);
        return { department: department!.trim(), text: rest.join('：').trim() || '不符合创建标准' };
      });
    const { objections: _drop, note, ...tallies } = v;
    await honoursApi.evaluate(tenant.slug, app.id, { ...tallies, departmentObjections: objections, ...(note ? { note } : {}) }).then(() => onClose(true), (e) => setError([problemText(e).title, ...problemText(e).items].join('；')));
  };
  return (
    <Modal open width={720} title={`四评考评：${app.orgName}`} okText="提交考评" cancelText="取消" onOk={submit} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical" initialValues={{ membersFair: 0, membersPoor: 0, residentsDissatisfied: 0, residentsDissatisfiedVerified: 0, departmentsConsulted: 0 }}>
        <Typography.Text strong>组织评定</Typography.Text>
        <div>
          {n('orgScore', '评定得分（0–100）', 100)}
          <Form.Item name="annualReviewGrade" label="年度述职评议考核等次" rules={[{ required: true, message: '请选择等次' }]} style={{ display: 'inline-block', width: 200 }}>
            <Select options={GRADES} />
          </Form.Item>
        </div>
        <Typography.Text strong>党员评议</Typography.Text>
        <div>
          {n('membersEvaluating', '参加评议人数')}
          {n('membersExcellent', '优秀')}
          {n('membersGood', '良好')}
          {n('membersFair', '一般')}
          {n('membersPoor', '较差')}
        </div>
        <Typography.Text strong>群众评判</Typography.Text>
        <div>
          {n('residentsSatisfied', '满意')}
          {n('residentsBasic', '基本满意')}
          {n('residentsDissatisfied', '不满意')}
          {n('residentsDissatisfiedVerified', '其中查证属实')}
        </div>
        <Typography.Text strong>社会评价</Typography.Text>
        <div>{n('departmentsConsulted', '征求意见部门数')}</div>
        <Form.Item name="objections" label="部门反馈的不符合创建标准意见（每行一条：部门：意见；没有则留空）">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="note" label="考评意见">
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}

function ReasonModal({ title, onSubmit, onClose }: { title: string; onSubmit(reason: string): Promise<unknown>; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal open title={title} okText="确定" cancelText="取消" onOk={() => onSubmit(reason).catch((e) => setError(problemText(e).title))} onCancel={onClose}>
      <Input.TextArea aria-label="理由" rows={3} placeholder="请填写理由" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}

function Strongest({ year }: { year: number }) {
  const { tenant } = useScope();
  const { message } = useFeedback();
  const { powers } = useScope();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [check, setCheck] = useState<StrongestEligibility | null>(null);
  const [reason, setReason] = useState('');
  const [data, reload] = useList(() => honoursApi.designations(tenant.slug, year), [tenant.slug, year]);
  const [revoking, setRevoking] = useState<DesignationView | null>(null);
  // Another county (the city's picker): the branch picked belongs to the previous one.
  useEffect(() => setOrgId(null), [tenant.slug]);
  useEffect(() => {
    setCheck(null);
    if (orgId) honoursApi.eligibility(tenant.slug, orgId, year).then(setCheck, (e) => message.error(problemText(e).title));
  }, [tenant.slug, orgId, year, message]);
  const designate = (level: Level) =>
    honoursApi.designate(tenant.slug, level, { orgId: orgId!, year, reason }).then(
      () => (message.success(`已评定为${LEVEL_TEXT[level]}"最强党支部"`), reload()),
      (e) => message.error(problemText(e).title),
    );
  return (
    <>
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <Space wrap>
          <OrgPicker tenant={tenant.slug} id="strongest-org" placeholder="选择党支部逐条核验" style={{ width: 320 }} value={orgId} onChange={setOrgId} />
        </Space>
        {check && (
          <div data-testid="strongest-check">
            {check.rules.map((r) => (
              <div key={r.code}>
                {r.passed ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />} {r.sentence}
              </div>
            ))}
            <Typography.Paragraph strong style={{ marginTop: 8 }}>
              {check.eligible ? `${check.orgName}符合"最强党支部"评定条件` : `${check.orgName}不符合"最强党支部"评定条件`}
            </Typography.Paragraph>
            {/* 市级 is offered even when a rule fails: the city is then refused with the rule named. */}
            {((check.eligible && powers.county) || powers.city) && (
              <Space wrap>
                <Input placeholder="评定理由" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 320 }} />
                {powers.county && check.eligible && <Button type="primary" disabled={reason.trim().length < 2} onClick={() => designate('county')}>评定为区级</Button>}
                {powers.city && <Button type="primary" disabled={reason.trim().length < 2} onClick={() => designate('city')}>评定为市级</Button>}
              </Space>
            )}
          </div>
        )}
      </Space>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '本年度还没有评定' }}
        columns={[
          { title: '党支部', dataIndex: 'orgName' },
          { title: '层级', dataIndex: 'levelLabel' },
          { title: '状态', dataIndex: 'statusLabel', render: (v: string, r) => <Tag color={r.status === 'in_force' ? 'green' : 'default'}>{v}</Tag> },
          { title: '评定理由', dataIndex: 'reason' },
          { title: '评定时间', dataIndex: 'designatedAt', render: formatTime },
          { title: '撤销', key: 'revoked', render: (_: unknown, r) => (r.revokedAt ? `${formatTime(r.revokedAt)}：${r.revokedReason ?? ''}` : '—') },
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, r) =>
              r.status === 'in_force' && (r.level === 'county' ? powers.county : powers.city) ? (
                <Button size="small" danger onClick={() => setRevoking(r)}>
                  撤销
                </Button>
              ) : null,
          },
        ]}
      />
      {revoking && (
        <ReasonModal
          title={`撤销评定：${revoking.orgName}`}
          onClose={() => setRevoking(null)}
          onSubmit={(why) => honoursApi.revokeDesignation(tenant.slug, revoking.level, revoking.id, why).then(() => (setRevoking(null), reload()))}
        />
      )}
    </>
  );
}

function DemoSites({ year }: { year: number }) {
  const { tenant } = useScope();
  const { powers } = useScope();
  const [data, reload] = useList(() => honoursApi.demoSites(tenant.slug, year), [tenant.slug, year]);
  const [creating, setCreating] = useState<Level | null>(null);
  const [revoking, setRevoking] = useState<DemoSiteView | null>(null);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {powers.county && <Button type="primary" onClick={() => setCreating('county')}>确定区级示范点</Button>}
        {powers.city && <Button type="primary" onClick={() => setCreating('city')}>确定市级示范点</Button>}
      </Space>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '本年度还没有示范点' }}
        columns={[
          { title: '示范点', dataIndex: 'subjectName' },
          { title: '类型', dataIndex: 'subjectType', render: (v: string) => (v === 'alliance' ? '党建联合体' : '党组织') },
          { title: '层级', dataIndex: 'levelLabel' },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '理由', dataIndex: 'reason' },
          { title: '佐证', dataIndex: 'evidence' },
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, r) =>
              r.status === 'in_force' && (r.level === 'county' ? powers.county : powers.city) ? (
                <Button size="small" danger onClick={() => setRevoking(r)}>
                  撤销
                </Button>
              ) : r.revokedReason ? (
                `已撤销：${r.revokedReason}`
              ) : null,
          },
        ]}
      />
      {creating && <DemoSiteModal level={creating} year={year} onClose={(done) => (setCreating(null), done && reload())} />}
      {revoking && (
        <ReasonModal
          title={`撤销示范点：${revoking.subjectName}`}
          onClose={() => setRevoking(null)}
          onSubmit={(why) => honoursApi.revokeSite(tenant.slug, revoking.level, revoking.id, why).then(() => (setRevoking(null), reload()))}
        />
      )}
    </>
  );
}

function DemoSiteModal({ level, year, onClose }: { level: Level; year: number; onClose(done: boolean): void }) {
  const { tenant } = useScope();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const type = Form.useWatch('subjectType', form) ?? 'alliance';
  const submit = async () => {
    const v = await form.validateFields();
    await honoursApi.designateSite(tenant.slug, level, { subjectType: v.subjectType, subjectId: v.subjectId, year, reason: v.reason, evidence: v.evidence }).then(() => onClose(true), (e) => setError(problemText(e).title));
  };
  return (
    <Modal open title={`确定 ${year} 年度${LEVEL_TEXT[level]}示范点`} okText="确定" cancelText="取消" onOk={submit} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical" initialValues={{ subjectType: 'alliance' }}>
        <Form.Item name="subjectType" label="类型">
          <Radio.Group options={[{ value: 'alliance', label: '党建联合体' }, { value: 'org', label: '党组织' }]} onChange={() => form.setFieldValue('subjectId', undefined)} />
        </Form.Item>
        <Form.Item name="subjectId" label={type === 'alliance' ? '党建联合体' : '党组织'} rules={[{ required: true, message: '请选择示范点对象' }]}>
          {type === 'alliance' ? <AlliancePicker tenant={tenant.slug} /> : <OrgPicker tenant={tenant.slug} />}
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, min: 2, message: '请填写理由' }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="evidence" label="佐证材料说明" rules={[{ required: true, min: 2, message: '请填写佐证材料说明' }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}

function PartyHonours({ year }: { year: number }) {
  const { tenant } = useScope();
  const [data] = useList<HonoursEligibility>(() => honoursApi.partyHonours(tenant.slug, year), [tenant.slug, year]);
  return (
    <>
      <Typography.Paragraph type="secondary">
        达到标准化规范化的党支部及其所属党员、党务工作者方可参评党内表彰，"最强党支部"优先推荐；参评自治区党委以上表彰须至少为区级"最强党支部"。
      </Typography.Paragraph>
      <Table
        rowKey="orgId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '本年度还没有达到标准化规范化的党支部' }}
        columns={[
          { title: '党支部', dataIndex: 'orgName' },
          { title: '等次', dataIndex: 'standingLabel' },
          { title: '可参评自治区以上表彰', dataIndex: 'regionalHonours', render: (v: boolean) => (v ? '可以' : '不可以') },
        ]}
      />
    </>
  );
}
