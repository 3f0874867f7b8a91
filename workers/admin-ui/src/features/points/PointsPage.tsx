import { Button, Drawer, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { problemText } from '../../lib/problems.ts';
import { formatTime, thisYearShanghai as thisYear } from '../../lib/time.ts';
import { useTenant } from '../../tenant.tsx';
import { CursorTable } from '../../lib/CursorTable.tsx';
import { useCursorList } from '../../lib/useCursorList.ts';
import { YearSelect } from '../../lib/YearSelect.tsx';
import { pointsApi, type LeaderboardView, type PointEntryView, type PointRuleView } from './api.ts';
import { capLabel, kindLabel, ROLE_TEXT, sourceLabel } from './labels.ts';
import { useFeedback } from '../../lib/feedback.tsx';

type Person = { id: string; name: string };

/** 积分管理: 排行榜 (党员/支部/联合体), 积分明细 (hand awards and corrections), 积分规则 (versions). */
export default function PointsPage() {
  const { tenant } = useTenant();
  const mayAward = !tenant.readOnly && tenant.actions.includes('points.award');
  const mayEditRules = !tenant.readOnly && tenant.actions.includes('points.rules');
  const [awardFor, setAwardFor] = useState<Person | null>(null);
  const [changed, setChanged] = useState(0);
  return (
    <>
      <Typography.Title level={4}>积分管理</Typography.Title>
      <Tabs
        items={[
          { key: 'board', label: '排行榜', children: <Boards onAward={mayAward ? setAwardFor : undefined} changed={changed} /> },
          { key: 'ledger', label: '积分明细', children: <Ledger mayAward={mayAward} onAward={setAwardFor} changed={changed} onChanged={() => setChanged((n) => n + 1)} /> },
          { key: 'rules', label: '积分规则', children: <Rules mayEdit={mayEditRules} /> },
        ]}
      />
      {awardFor && <AwardModal person={awardFor} onClose={(done) => (setAwardFor(null), done && setChanged((n) => n + 1))} />}
    </>
  );
}

function Boards({ onAward, changed }: { onAward?: (p: Person) => void; changed: number }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [by, setBy] = useState<'member' | 'branch' | 'alliance'>('member');
  const [year, setYear] = useState(thisYear());
  const [period, setPeriod] = useState<string>('year');
  const [data, setData] = useState<LeaderboardView | null>(null);
  useEffect(() => {
    const q: Record<string, string | number> = { by, year };
    if (period.startsWith('m')) q.month = Number(period.slice(1));
    if (period.startsWith('q')) q.quarter = Number(period.slice(1));
    pointsApi.leaderboard(tenant.slug, q).then(setData, (e) => message.error(problemText(e).title));
  }, [tenant.slug, by, year, period, changed, message]);
  const periods = [{ value: 'year', label: '全年' }, ...[1, 2, 3, 4].map((q) => ({ value: `q${q}`, label: `第${q}季度` })), ...Array.from({ length: 12 }, (_, i) => ({ value: `m${i + 1}`, label: `${i + 1} 月` }))];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group value={by} onChange={(e) => setBy(e.target.value)} optionType="button" options={[{ value: 'member', label: '党员' }, { value: 'branch', label: '支部' }, { value: 'alliance', label: '联合体' }]} />
        <YearSelect count={3} value={year} onChange={setYear} />
        <Select id="points-board-period" aria-label="期间" showSearch optionFilterProp="label" value={period} onChange={setPeriod} options={periods} style={{ width: 110 }} />
      </Space>
      <Table
        data-testid="points-board"
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '该期间还没有积分' }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 70 },
          { title: by === 'member' ? '姓名' : by === 'branch' ? '支部' : '联合体', dataIndex: 'name' },
          ...(by === 'member' ? [{ title: '所在支部', dataIndex: 'orgName', render: (v: string | null) => v ?? '—' }] : []),
          { title: '积分', dataIndex: 'total', width: 90 },
          ...(by === 'member' && onAward ? [{ title: '操作', key: 'op', render: (_: unknown, r: { id: string; name: string }) => <Button size="small" onClick={() => onAward({ id: r.id, name: r.name })}>加分</Button> }] : []),
        ]}
      />
    </>
  );
}

function Ledger({ mayAward, onAward, changed, onChanged }: { mayAward: boolean; onAward: (p: Person) => void; changed: number; onChanged: () => void }) {
  const { tenant } = useTenant();
  const { message, modal } = useFeedback();
  const [year, setYear] = useState(thisYear());
  const [kind, setKind] = useState<string | undefined>();
  const list = useCursorList((after) => pointsApi.entries(tenant.slug, { year, kind, limit: 20, cursor: after ?? undefined }), [tenant.slug, year, kind]);
  useEffect(() => void list.reload(), [list.reload, changed]);
  const compensate = (e: PointEntryView) => {
    let reason = '';
    modal.confirm({
      title: `冲正 ${e.personName ?? ''} 的这条积分（${e.points} 分）`,
      content: <Input.TextArea aria-label="冲正理由" placeholder="冲正理由（必填）" maxLength={200} onChange={(ev) => (reason = ev.target.value)} />,
      okText: '冲正',
      cancelText: '取消',
      onOk: () =>
        pointsApi.compensate(tenant.slug, e.id, reason).then(
          () => (message.success('已冲正'), onChanged()),
          (err) => {
            const p = problemText(err);
            message.error([p.title, ...p.items].join('；'));
            throw err;
          },
        ),
    });
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <YearSelect count={3} value={year} onChange={setYear} />
        <Select aria-label="类型" allowClear placeholder="全部类型" value={kind} onChange={setKind} style={{ width: 130 }} options={['award', 'manual', 'compensation'].map((k) => ({ value: k, label: kindLabel(k) }))} />
      </Space>
      <CursorTable<PointEntryView>
        list={list}
        size="small"
        scroll={{ x: 'max-content' }}
        emptyText="没有积分明细"
        unit="条"
        columns={[
          { title: '发生时间', dataIndex: 'occurredAt', render: (v: number) => formatTime(v) },
          { title: '姓名', dataIndex: 'personName', render: (v: string | null) => v ?? '—' },
          { title: '所在支部', dataIndex: 'homeOrgName', render: (v: string | null) => v ?? '—' },
          { title: '规则', dataIndex: 'ruleName', render: (v: string | null, r) => `${v ?? '—'}${r.ruleVersion && r.ruleVersion > 1 ? `（第${r.ruleVersion}版）` : ''}` },
          { title: '类型', dataIndex: 'kind', render: (v: string, r) => <Space size={4}><Tag>{kindLabel(v)}</Tag>{r.compensatedBy && <Tag color="orange">已冲正</Tag>}</Space> },
          { title: '分值', dataIndex: 'points', render: (v: number, r) => (v !== r.requested && r.kind !== 'compensation' ? `${v}（封顶，应得 ${r.requested}）` : v) },
          { title: '理由', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          ...(mayAward
            ? [
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, r: PointEntryView) => (
                    <Space>
                      <Button size="small" onClick={() => onAward({ id: r.personId, name: r.personName ?? '该党员' })}>加分</Button>
                      {r.kind !== 'compensation' && !r.compensatedBy && r.points !== 0 && <Button size="small" danger onClick={() => compensate(r)}>冲正</Button>}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function AwardModal({ person, onClose }: { person: Person; onClose: (done: boolean) => void }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [rules, setRules] = useState<PointRuleView[]>([]);
  const [form] = Form.useForm<{ ruleCode: string; units: number; reason?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void pointsApi.rules(tenant.slug).then((r) => setRules(r.items.filter((x) => x.enabled && x.awardRoles.length))), [tenant.slug]);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const e = await pointsApi.award(tenant.slug, { personId: person.id, ruleCode: v.ruleCode, units: v.units, reason: v.reason || undefined });
      message.success(e.points === e.requested ? `已加 ${e.points} 分` : `已加 ${e.points} 分（本期封顶，应得 ${e.requested} 分）`);
      onClose(true);
    } catch (err) {
      const p = problemText(err);
      setError([p.title, ...p.items].join('；'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`为 ${person.name} 手工加分`} okText="加分" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical" initialValues={{ units: 1 }}>
        <Form.Item name="ruleCode" label="积分规则" rules={[{ required: true, message: '请选择积分规则' }]}>
          <Select options={rules.map((r) => ({ value: r.code, label: `${r.name}（每次 ${r.pointsPerUnit} 分，${capLabel(r.capPeriod, r.capPoints)}）` }))} />
        </Form.Item>
        <Form.Item name="units" label="次数（或小时数）" rules={[{ required: true, message: '请填写次数' }]}>
          <InputNumber min={1} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="reason" label="理由">
          <Input.TextArea maxLength={200} />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}

function Rules({ mayEdit }: { mayEdit: boolean }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [rules, setRules] = useState<PointRuleView[]>([]);
  const [editing, setEditing] = useState<PointRuleView | null>(null);
  const [history, setHistory] = useState<PointRuleView[] | null>(null);
  const [form] = Form.useForm();
  const reload = useCallback(() => pointsApi.rules(tenant.slug).then((r) => setRules(r.items), (e) => message.error(problemText(e).title)), [tenant.slug, message]);
  useEffect(() => void reload(), [reload]);
  const open = (r: PointRuleView) => {
    setEditing(r);
    form.setFieldsValue({ name: r.name, pointsPerUnit: r.pointsPerUnit, capPeriod: r.capPeriod ?? 'none', capPoints: r.capPoints, awardRoles: r.awardRoles, reasonRequired: r.reasonRequired, enabled: r.enabled });
  };
  const save = async () => {
    const v = await form.validateFields();
    const capped = v.capPeriod !== 'none';
    try {
      await pointsApi.updateRule(tenant.slug, editing!.code, editing!.version, {
        name: v.name,
        pointsPerUnit: v.pointsPerUnit,
        capPeriod: capped ? v.capPeriod : null,
        capPoints: capped ? (v.capPoints ?? 0) : null,
        awardRoles: v.awardRoles ?? [],
        reasonRequired: v.reasonRequired,
        enabled: v.enabled,
      });
      message.success('已保存为新版本，之前记入的积分不变');
      setEditing(null);
      void reload();
    } catch (err) {
      const p = problemText(err);
      message.error([p.title, ...p.items].join('；'));
      if (p.stale) void reload();
    }
  };
  const ruleColumns = [
    { title: '规则', dataIndex: 'name' },
    { title: '来源', dataIndex: 'source', render: (v: string) => sourceLabel(v) },
    { title: '每次分值', dataIndex: 'pointsPerUnit' },
    { title: '封顶', key: 'cap', render: (_: unknown, r: PointRuleView) => capLabel(r.capPeriod, r.capPoints) },
    { title: '可手工加分', dataIndex: 'awardRoles', render: (v: string[]) => (v.length ? v.map((x) => ROLE_TEXT[x] ?? '其他').join('、') : '仅自动') },
    { title: '状态', dataIndex: 'enabled', render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
    { title: '版本', dataIndex: 'version', render: (v: number) => `第${v}版` },
  ];
  return (
    <>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rules}
        columns={[
          ...ruleColumns,
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, r: PointRuleView) => (
              <Space>
                {mayEdit && <Button size="small" onClick={() => open(r)}>修改</Button>}
                <Button size="small" onClick={() => void pointsApi.history(tenant.slug, r.code).then((h) => setHistory(h.items))}>历史版本</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!editing} title={`修改积分规则：${editing?.name ?? ''}`} okText="保存为新版本" cancelText="取消" onOk={() => void save()} onCancel={() => setEditing(null)} destroyOnClose>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="规则名称" rules={[{ required: true, min: 2, max: 60, message: '规则名称 2–60 个字' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="pointsPerUnit" label="每次（每单位）分值" rules={[{ required: true, message: '请填写分值' }]}>
            <InputNumber min={0} max={1000} precision={0} />
          </Form.Item>
          <Form.Item name="capPeriod" label="封顶周期">
            <Select options={[{ value: 'none', label: '不封顶' }, { value: 'month', label: '每月' }, { value: 'quarter', label: '每季度' }, { value: 'year', label: '每年' }]} />
          </Form.Item>
          <Form.Item name="capPoints" label="封顶分值">
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
          <Form.Item name="awardRoles" label="可手工加分的角色">
            <Select mode="multiple" options={Object.entries(ROLE_TEXT).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="reasonRequired" label="手工加分须填写理由" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="enabled" label="启用" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer open={!!history} title="规则的历史版本" onClose={() => setHistory(null)} width={Math.min(640, window.innerWidth)}>
        <Table rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} dataSource={history ?? []} columns={[...ruleColumns, { title: '生效时间', dataIndex: 'validFrom', render: (v: number) => (v ? formatTime(v) : '初始规则') }]} />
      </Drawer>
    </>
  );
}
