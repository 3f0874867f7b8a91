import { Button, Card, DatePicker, Drawer, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { hoursText } from '../../lib/time.ts';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { AlliancePicker } from '../../shared/AlliancePicker.tsx';
import { OrgPicker } from '../../shared/OrgPicker.tsx';
import { useTenant } from '../../tenant.tsx';
import { CLAIM_STATUS_TEXT, POST_STATUS_TEXT, postApi, SERVICE_STATUS_TEXT, type Post, type PostClaim, type PostWork, type ServiceLog } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

/**
 * 报到领岗 for the post owners (a community or an alliance) and the county:
 * set up posts (设岗定责), approve or decline claims (领岗), confirm the
 * service members log. The server decides who owns which post.
 */
export default function PostsPage() {
  const { tenant } = useTenant();
  const [rows, setRows] = useState<Post[]>([]);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<Post | null>(null);
  const canManage = tenant.actions.includes('post.manage');

  const load = useCallback(async () => {
    setLoading(true);
    setProblem(null);
    try {
      setRows(await postApi.list(tenant.slug));
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setLoading(false);
    }
  }, [tenant.slug]);
  useEffect(() => void load(), [load]);

  const columns: ColumnsType<Post> = [
    { title: '岗位', dataIndex: 'title', render: (v: string, r) => <Space orientation="vertical" size={0}><Typography.Text strong>{v}</Typography.Text><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.ownerName}</Typography.Text></Space> },
    { title: '期限', width: 200, render: (_: unknown, r) => `${r.startsOn} 至 ${r.endsOn}` },
    { title: '人数', width: 100, render: (_: unknown, r) => `${r.taken} / ${r.places}` },
    { title: '特长', dataIndex: 'skills', width: 160, render: (v: string[]) => (v.length ? v.map((s) => <Tag key={s}>{s}</Tag>) : '不限') },
    { title: '状态', dataIndex: 'status', width: 100, render: (v: Post['status'], r) => <Tag color={r.claimable ? 'green' : 'default'}>{r.claimable ? '可领岗' : v === 'open' ? '已满或已结束' : POST_STATUS_TEXT[v]}</Tag> },
    { title: '操作', width: 120, render: (_: unknown, r) => <Button size="small" onClick={() => setOpen(r)}>领岗与服务</Button> },
  ];

  return (
    <Card title="报到领岗" extra={canManage && <Button type="primary" onClick={() => setCreating(true)}>设岗定责</Button>}>
      {problem && <ProblemAlert problem={problem} />}
      <Table rowKey="id" size="middle" loading={loading} columns={columns} dataSource={rows} pagination={{ pageSize: 20, showSizeChanger: false }} scroll={{ x: 800 }} />
      <CreatePostModal open={creating} onClose={() => setCreating(false)} onCreated={() => { setCreating(false); void load(); }} />
      {open && <PostWorkDrawer post={open} onClose={() => { setOpen(null); void load(); }} />}
    </Card>
  );
}

interface CreateValues {
  ownerKind: 'org' | 'alliance';
  ownerOrgId?: string;
  ownerAllianceId?: string;
  title: string;
  duties: string;
  places: number;
  period: [Dayjs, Dayjs];
  skills?: string[];
}

function CreatePostModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const kind = Form.useWatch('ownerKind', form);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setProblem(null);
    try {
      await postApi.create(tenant.slug, {
        ownerOrgId: v.ownerKind === 'org' ? v.ownerOrgId : undefined,
        ownerAllianceId: v.ownerKind === 'alliance' ? v.ownerAllianceId : undefined,
        title: v.title,
        duties: v.duties,
        places: v.places,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
        skills: v.skills ?? [],
      });
      message.success('已设岗');
      form.resetFields();
      onCreated();
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title="设岗定责" okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      {problem && <ProblemAlert problem={problem} />}
      <Form form={form} layout="vertical" initialValues={{ ownerKind: 'org', places: 3, period: [dayjs(), dayjs().add(6, 'month')] }}>
        <Form.Item name="ownerKind" label="设岗单位">
          <Radio.Group options={[{ value: 'org', label: '社区（组织）' }, { value: 'alliance', label: '党建联合体' }]} />
        </Form.Item>
        {kind === 'alliance' ? (
          <Form.Item name="ownerAllianceId" label="联合体" rules={[{ required: true, message: '请选择联合体' }]}>
            <AlliancePicker tenant={tenant.slug} />
          </Form.Item>
        ) : (
          <Form.Item name="ownerOrgId" label="社区（组织）" rules={[{ required: true, message: '请选择社区（组织）' }]}>
            <OrgPicker tenant={tenant.slug} />
          </Form.Item>
        )}
        <Form.Item name="title" label="岗位名称" rules={[{ required: true, message: '请填写岗位名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="duties" label="岗位职责" rules={[{ required: true, message: '请填写岗位职责' }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="places" label="岗位人数" rules={[{ required: true, message: '请填写岗位人数' }]}>
          <InputNumber min={1} max={1000} precision={0} />
        </Form.Item>
        <Form.Item name="period" label="期限" rules={[{ required: true, message: '请选择期限' }]}>
          <DatePicker.RangePicker format="YYYY-MM-DD" placeholder={['开始日期', '结束日期']} />
        </Form.Item>
        <Form.Item name="skills" label="所需特长（可不填）">
          <Select mode="tags" placeholder="输入后回车，如：医疗、法律、宣讲" maxCount={10} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PostWorkDrawer({ post, onClose }: { post: Post; onClose: () => void }) {
  const { tenant } = useTenant();
  const { message, modal } = useFeedback();
  const [work, setWork] = useState<PostWork | null>(null);
  const [problem, setProblem] = useState<ProblemText | null>(null);

  const load = useCallback(async () => {
    try {
      setWork(await postApi.work(tenant.slug, post.id));
    } catch (err) {
      setProblem(problemText(err));
    }
  }, [tenant.slug, post.id]);
  useEffect(() => void load(), [load]);

  const run = async (f: () => Promise<PostWork>, done: string) => {
    setProblem(null);
    try {
      setWork(await f());
      message.success(done);
    } catch (err) {
      setProblem(problemText(err));
    }
  };
  /** Asks for the reason a refusal needs, then runs it. */
  const withReason = (title: string, f: (reason: string) => Promise<PostWork>, done: string) => {
    let reason = '';
    modal.confirm({
      title,
      content: <Input.TextArea rows={3} maxLength={500} placeholder="请说明理由" onChange={(e) => (reason = e.target.value)} />,
      okText: '确定',
      cancelText: '取消',
      onOk: () => run(() => f(reason), done),
    });
  };

  const claimColumns: ColumnsType<PostClaim> = [
    { title: '姓名', dataIndex: 'personName', render: (v: string, r) => <>{v}{r.groupId && <Tag style={{ marginLeft: 4 }}>队伍</Tag>}</> },
    { title: '领岗日期', dataIndex: 'claimedOn', width: 110 },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: PostClaim['status']) => <Tag color={CLAIM_STATUS_TEXT[v].color}>{CLAIM_STATUS_TEXT[v].text}</Tag> },
    {
      title: '审核',
      width: 170,
      render: (_: unknown, r) =>
        r.status === 'pending' ? (
          <Space>
            <Button size="small" type="primary" onClick={() => void run(() => postApi.decideClaim(tenant.slug, post.id, r.id, 'approve'), '已同意领岗')}>同意</Button>
            <Button size="small" danger onClick={() => withReason('不同意领岗', (reason) => postApi.decideClaim(tenant.slug, post.id, r.id, 'decline', reason), '已不同意')}>不同意</Button>
          </Space>
        ) : (r.decisionReason ?? ''),
    },
  ];
  const logColumns: ColumnsType<ServiceLog> = [
    { title: '姓名', dataIndex: 'personName', width: 90 },
    { title: '日期', dataIndex: 'serviceDate', width: 110 },
    { title: '时长', dataIndex: 'minutes', width: 90, render: (v: number) => hoursText(v) },
    { title: '服务内容', dataIndex: 'description' },
    {
      title: '确认',
      width: 170,
      render: (_: unknown, r) =>
        r.status === 'logged' ? (
          <Space>
            <Button size="small" type="primary" onClick={() => void run(() => postApi.decideService(tenant.slug, post.id, r.id, 'confirm'), '已确认')}>确认</Button>
            <Button size="small" danger onClick={() => withReason('不予确认服务记录', (reason) => postApi.decideService(tenant.slug, post.id, r.id, 'reject', reason), '已不予确认')}>不予确认</Button>
          </Space>
        ) : (
          <Tag color={SERVICE_STATUS_TEXT[r.status].color}>{SERVICE_STATUS_TEXT[r.status].text}</Tag>
        ),
    },
  ];

  return (
    <Drawer open title={post.title} size="large" onClose={onClose}>
      {problem && <ProblemAlert problem={problem} />}
      <Typography.Paragraph type="secondary">{post.ownerName} · {post.duties}</Typography.Paragraph>
      <Typography.Title level={5}>领岗申请</Typography.Title>
      <Table rowKey="id" size="small" columns={claimColumns} dataSource={work?.claims ?? []} loading={!work && !problem} pagination={false} scroll={{ x: 560 }} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>服务记录</Typography.Title>
      <Table rowKey="id" size="small" columns={logColumns} dataSource={work?.serviceLogs ?? []} loading={!work && !problem} pagination={{ pageSize: 20, showSizeChanger: false }} scroll={{ x: 640 }} />
    </Drawer>
  );
}
