import { Button, Drawer, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useFeedback } from '../../lib/feedback.tsx';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { hoursText } from '../../lib/time.ts';
import { useTenant } from '../../tenant.tsx';
import { CLAIM_STATUS_TEXT, postApi, SERVICE_STATUS_TEXT, type Post, type PostClaim, type PostWork, type ServiceLog } from './api.ts';

// 领岗与服务: a post's claims and service records in antd's drawer, loaded when first opened
// (lib/lazy-when-open.tsx); the page draws without antd (docs/adr/0031).

export function PostWorkDrawer({ post, onClose }: { post: Post; onClose: () => void }) {
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
