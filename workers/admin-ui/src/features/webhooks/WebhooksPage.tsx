import { Alert, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Result, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { WEBHOOK_DELIVERY_STATUS_LABELS, WEBHOOK_EVENT_TYPES } from '@ronghe/schema';
import { useCallback, useEffect, useState } from 'react';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { formatTime } from '../../lib/time.ts';
import { mayManageApiKeys } from '../../shared/access.ts';
import { useTenant } from '../../tenant.tsx';
import { webhookApi, type WebhookDelivery, type WebhookEndpoint } from './api.ts';
import { useOnOpen } from '../../lib/useOnOpen.ts';
import { useFeedback } from '../../lib/feedback.tsx';

const typeLabel = (t: string) => (WEBHOOK_EVENT_TYPES as Record<string, string>)[t] ?? '其他事件';
const TYPE_OPTIONS = Object.entries(WEBHOOK_EVENT_TYPES).map(([value, label]) => ({ value, label }));
const DELIVERY_COLORS: Record<string, string> = { pending: 'gold', delivered: 'green', failed: 'red' };

/** The one display of a signing secret (created or rotated): closing asks for an acknowledgement. */
function SecretModal({ secret, onClose }: { secret: string | null; onClose(): void }) {
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [secret]);
  return (
    <Modal open={!!secret} title="签名密钥（只显示这一次）" maskClosable={false} keyboard={false} closable={false} onOk={onClose} okButtonProps={{ disabled: !saved }} okText="我已保存" cancelButtonProps={{ style: { display: 'none' } }} destroyOnHidden>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="请立即复制并交给接收方保存。关闭后无法再次查看，只能更换新的密钥。" />
      <Input.TextArea value={secret ?? ''} readOnly autoSize onFocus={(e) => e.target.select()} style={{ fontFamily: 'monospace' }} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 8 }}>
        接收方用此密钥校验请求头 Ronghe-Signature：对“时间戳.请求体”计算 HMAC-SHA256，与 v1 比较（详见开放接口文档中的回调说明）。
      </Typography.Paragraph>
      <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)}>
        我已复制并妥善保存密钥
      </Checkbox>
    </Modal>
  );
}

function EndpointForm({ open, initial, onCancel, onSubmit }: { open: boolean; initial: WebhookEndpoint | null; onCancel(): void; onSubmit(v: { url: string; description: string; eventTypes: string[] }): Promise<void> }) {
  const [form] = Form.useForm<{ url: string; description: string; eventTypes: string[] }>();
  const [busy, setBusy] = useState(false);
  useOnOpen(open, () => form.setFieldsValue(initial ? { url: initial.url, description: initial.description, eventTypes: initial.eventTypes } : { url: '', description: '', eventTypes: [] }), [initial, form]);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(v);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={initial ? '修改回调地址' : '登记回调地址'} onCancel={onCancel} onOk={() => void submit()} confirmLoading={busy} okText="保存" cancelText="取消" width={640} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="url" label="接收地址" rules={[{ required: true, message: '请填写接收地址' }, { pattern: /^https:\/\/|^http:\/\/(localhost|127\.0\.0\.1)[:/]/, message: '接收地址必须以 https:// 开头' }]}>
          <Input placeholder="https://" maxLength={500} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input placeholder="如：社区小程序后台" maxLength={200} />
        </Form.Item>
        <Form.Item name="eventTypes" label="订阅的事件" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一种事件' }]}>
          <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', rowGap: 6 }} options={TYPE_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 回调: the county administrator registers the addresses that receive its
 * events (signed), switches them on and off, rotates their secrets, and reads
 * every delivery with its attempts, replaying one when the receiver is fixed.
 */
export default function WebhooksPage() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const allowed = mayManageApiKeys(tenant);
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[]>([]);
  const [deliveries, setDeliveries] = useState<WebhookDelivery[]>([]);
  const [filter, setFilter] = useState<{ endpointId?: string; status?: string }>({});
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [editing, setEditing] = useState<WebhookEndpoint | 'new' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setProblem(null);
    try {
      const [e, d] = await Promise.all([webhookApi.endpoints(tenant.slug), webhookApi.deliveries(tenant.slug, filter)]);
      setEndpoints(e);
      setDeliveries(d);
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setLoading(false);
    }
  }, [tenant.slug, filter]);

  useEffect(() => {
    if (allowed) void load();
  }, [load, allowed]);

  if (!allowed) return <Result status="403" title="无权管理回调" subTitle="回调仅对旗县区委组织部管理员开放。" />;

  const act = async (key: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(key);
    setProblem(null);
    try {
      await fn();
      message.success(done);
      await load();
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(null);
    }
  };

  const save = async (v: { url: string; description: string; eventTypes: string[] }) => {
    try {
      if (editing === 'new') {
        const created = await webhookApi.create(tenant.slug, v);
        setSecret(created.secret);
      } else if (editing) {
        await webhookApi.update(tenant.slug, editing, v);
        message.success('已保存');
      }
      setEditing(null);
      await load();
    } catch (err) {
      setProblem(problemText(err));
      setEditing(null);
    }
  };

  const endpointName = (id: string) => {
    const e = endpoints.find((x) => x.id === id);
    // An address is shown as typed (data-verbatim: a URL is not a code to translate).
    return e ? e.description || <span data-verbatim>{e.url}</span> : '已删除的地址';
  };

  const endpointColumns: ColumnsType<WebhookEndpoint> = [
    { title: '接收地址', dataIndex: 'url', ellipsis: true, render: (v: string, r) => <Space orientation="vertical" size={0}><Typography.Text>{r.description || '（无说明）'}</Typography.Text><Typography.Text type="secondary" style={{ fontSize: 12 }} data-verbatim>{v}</Typography.Text></Space> },
    { title: '订阅的事件', dataIndex: 'eventTypes', width: 360, render: (v: string[]) => <Space size={[4, 4]} wrap>{v.map((t) => <Tag key={t}>{typeLabel(t)}</Tag>)}</Space> },
    {
      title: '状态',
      width: 170,
      render: (_: unknown, r) =>
        r.status === 'enabled' ? (
          <Space orientation="vertical" size={0}><Tag color="green">启用</Tag>{r.consecutiveFailures > 0 && <Typography.Text type="warning" style={{ fontSize: 12 }}>连续失败 {r.consecutiveFailures} 次</Typography.Text>}</Space>
        ) : (
          <Tag color={r.disabledReason === 'failures' ? 'red' : 'default'}>{r.disabledReason === 'failures' ? '连续失败已自动停用' : '已停用'}</Tag>
        ),
    },
    { title: '密钥前缀', dataIndex: 'secretPrefix', width: 120, render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
    {
      title: '操作',
      width: 230,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Button size="small" onClick={() => setEditing(r)}>修改</Button>
          <Button size="small" loading={busy === `s-${r.id}`} onClick={() => void act(`s-${r.id}`, () => webhookApi.update(tenant.slug, r, { status: r.status === 'enabled' ? 'disabled' : 'enabled' }), r.status === 'enabled' ? '已停用' : '已启用')}>
            {r.status === 'enabled' ? '停用' : '启用'}
          </Button>
          <Popconfirm title="更换签名密钥？" description="旧密钥立即作废，接收方须改用新密钥。" okText="更换" cancelText="取消" onConfirm={() => void act(`r-${r.id}`, async () => setSecret((await webhookApi.rotate(tenant.slug, r)).secret), '已更换密钥')}>
            <Button size="small" loading={busy === `r-${r.id}`}>更换密钥</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const deliveryColumns: ColumnsType<WebhookDelivery> = [
    { title: '产生时间', dataIndex: 'createdAt', width: 170, render: (v: number) => formatTime(v) },
    { title: '事件', dataIndex: 'eventType', width: 180, render: (v: string) => typeLabel(v) },
    { title: '接收地址', dataIndex: 'endpointId', ellipsis: true, render: (v: string) => endpointName(v) },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <Tag color={DELIVERY_COLORS[v]}>{(WEBHOOK_DELIVERY_STATUS_LABELS as Record<string, string>)[v] ?? '未知'}</Tag> },
    { title: '尝试次数', dataIndex: 'attempts', width: 90 },
    { title: '最近响应', width: 150, render: (_: unknown, r) => (r.attempts === 0 ? '—' : `${r.lastStatusCode ?? '无响应'}，${r.lastLatencyMs ?? 0} 毫秒`) },
    { title: '下次尝试', dataIndex: 'nextAttemptAt', width: 170, render: (v: number | null) => formatTime(v) },
    {
      title: '操作',
      width: 110,
      render: (_: unknown, r) =>
        r.status === 'pending' && r.attempts === 0 ? null : (
          <Button size="small" type="primary" loading={busy === `p-${r.id}`} onClick={() => void act(`p-${r.id}`, () => webhookApi.replay(tenant.slug, r.id), '已重新投递')}>
            重新投递
          </Button>
        ),
    },
  ];

  const attemptRows = (d: WebhookDelivery) => (
    <Table
      rowKey="attempt"
      size="small"
      pagination={false}
      dataSource={d.attemptLog}
      columns={[
        { title: '第几次', dataIndex: 'attempt', width: 80 },
        { title: '时间', dataIndex: 'at', width: 170, render: (v: number) => formatTime(v) },
        { title: '响应状态码', dataIndex: 'statusCode', width: 110, render: (v: number | null) => v ?? '无响应' },
        { title: '耗时', dataIndex: 'latencyMs', width: 100, render: (v: number) => `${v} 毫秒` },
        { title: '错误', dataIndex: 'error', render: (v: string | null) => v ?? '成功' },
      ]}
    />
  );

  return (
    <Card title="回调">
      <Typography.Paragraph type="secondary">
        登记第三方应用的接收地址后，本旗县区的需求、项目、联合体和活动的状态变化会以带签名的加密网络请求推送过去，不含任何个人信息。失败会按 1、2、4、8 分钟……逐次延后重试；连续失败 10 次的地址自动停用，并在工作台通知管理员。
      </Typography.Paragraph>
      <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
      <Tabs
        items={[
          {
            key: 'endpoints',
            label: '回调地址',
            children: (
              <>
                <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing('new')}>登记回调地址</Button>
                <Table rowKey="id" size="small" loading={loading} columns={endpointColumns} dataSource={endpoints} pagination={false} locale={{ emptyText: '还没有登记回调地址' }} />
              </>
            ),
          },
          {
            key: 'deliveries',
            label: '投递记录',
            children: (
              <>
                <Space style={{ marginBottom: 12 }}>
                  <Select allowClear placeholder="全部接收地址" style={{ width: 260 }} value={filter.endpointId} onChange={(v) => setFilter((f) => ({ ...f, endpointId: v }))} options={endpoints.map((e) => ({ value: e.id, label: e.description || e.url }))} />
                  <Select allowClear placeholder="全部状态" style={{ width: 140 }} value={filter.status} onChange={(v) => setFilter((f) => ({ ...f, status: v }))} options={Object.entries(WEBHOOK_DELIVERY_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
                </Space>
                <Table rowKey="id" size="small" loading={loading} columns={deliveryColumns} dataSource={deliveries} pagination={{ pageSize: 20, showSizeChanger: false }} expandable={{ expandedRowRender: attemptRows, rowExpandable: (d) => d.attemptLog.length > 0 }} locale={{ emptyText: '暂无投递记录' }} />
              </>
            ),
          },
        ]}
      />
      <EndpointForm open={editing !== null} initial={editing === 'new' ? null : editing} onCancel={() => setEditing(null)} onSubmit={save} />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
