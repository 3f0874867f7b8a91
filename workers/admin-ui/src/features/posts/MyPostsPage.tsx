import { Button, Card, Empty, Form, Input, InputNumber, List, Modal, Space, Statistic, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { useTenant } from '../../tenant.tsx';
import { hoursText, todayShanghai } from '../../lib/time.ts';
import { CLAIM_STATUS_TEXT, postApi, SERVICE_STATUS_TEXT, type MyPosts, type Post } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

/** Today in Asia/Shanghai, as the server counts days. */

/**
 * 我的岗位, for a member on a phone (works at 390 px, one column, no tables):
 * the confirmed service hours, my claims with their service records and a
 * button to log service, and the open posts to claim.
 */
export default function MyPostsPage() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [mine, setMine] = useState<MyPosts | null>(null);
  const [open, setOpen] = useState<Post[]>([]);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [logging, setLogging] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ serviceDate: string; hours: number; description: string }>();

  const load = useCallback(async () => {
    setProblem(null);
    try {
      const [m, o] = await Promise.all([postApi.mine(tenant.slug), postApi.list(tenant.slug, true)]);
      setMine(m);
      setOpen(o);
    } catch (err) {
      setProblem(problemText(err));
    }
  }, [tenant.slug]);
  useEffect(() => void load(), [load]);

  const claim = async (p: Post) => {
    setProblem(null);
    try {
      setMine(await postApi.claim(tenant.slug, p.id));
      message.success('已领岗，等待设岗单位审核');
      setOpen(await postApi.list(tenant.slug, true));
    } catch (err) {
      setProblem(problemText(err));
    }
  };

  const submitService = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      setMine(await postApi.logService(tenant.slug, logging!, { serviceDate: v.serviceDate, minutes: Math.round(v.hours * 60), description: v.description }));
      message.success('已登记，等待设岗单位确认');
      setLogging(null);
      form.resetFields();
    } catch (err) {
      setProblem(problemText(err));
      setLogging(null);
    } finally {
      setBusy(false);
    }
  };

  const claimed = new Set((mine?.claims ?? []).filter((c) => c.status === 'pending' || c.status === 'approved').map((c) => c.postId));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 640 }}>
      {problem && <ProblemAlert problem={problem} />}
      <Card size="small">
        <Statistic title="已确认的服务时长" value={hoursText(mine?.confirmedMinutes ?? 0)} />
      </Card>
      <Card size="small" title="我的领岗">
        {mine && !mine.claims.length ? (
          <Empty description="还没有领岗，可在下方选择岗位" />
        ) : (
          <List
            dataSource={mine?.claims ?? []}
            loading={!mine && !problem}
            renderItem={(c) => (
              <List.Item style={{ display: 'block' }}>
                <Space wrap size={4}>
                  <Typography.Text strong>{c.post.title}</Typography.Text>
                  <Tag color={CLAIM_STATUS_TEXT[c.status].color}>{CLAIM_STATUS_TEXT[c.status].text}</Tag>
                </Space>
                <div><Typography.Text type="secondary">{c.post.ownerName}</Typography.Text></div>
                {c.decisionReason && <div><Typography.Text type="secondary">理由：{c.decisionReason}</Typography.Text></div>}
                {c.serviceLogs.map((s) => (
                  <div key={s.id} style={{ marginTop: 4, overflowWrap: 'anywhere' }}>
                    {s.serviceDate} · {hoursText(s.minutes)} · {s.description} <Tag color={SERVICE_STATUS_TEXT[s.status].color}>{SERVICE_STATUS_TEXT[s.status].text}</Tag>
                  </div>
                ))}
                {c.status === 'approved' && (
                  <Button size="small" type="primary" style={{ marginTop: 8 }} onClick={() => { form.setFieldsValue({ serviceDate: todayShanghai(), hours: 2, description: '' }); setLogging(c.id); }}>
                    登记服务
                  </Button>
                )}
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title="可领的岗位">
        <List
          dataSource={open}
          locale={{ emptyText: '暂无可领的岗位' }}
          renderItem={(p) => (
            <List.Item style={{ display: 'block' }}>
              <Typography.Text strong>{p.title}</Typography.Text>
              <div><Typography.Text type="secondary">{p.ownerName} · {p.startsOn} 至 {p.endsOn} · 已领 {p.taken}/{p.places} 人</Typography.Text></div>
              <Typography.Paragraph style={{ margin: '4px 0', overflowWrap: 'anywhere' }}>{p.duties}</Typography.Paragraph>
              {p.skills.length > 0 && <div>{p.skills.map((s) => <Tag key={s}>{s}</Tag>)}</div>}
              <Button size="small" type="primary" disabled={claimed.has(p.id)} style={{ marginTop: 8 }} onClick={() => void claim(p)}>
                {claimed.has(p.id) ? '已领岗' : '领岗'}
              </Button>
            </List.Item>
          )}
        />
      </Card>
      <Modal open={!!logging} title="登记服务" okText="提交" cancelText="取消" confirmLoading={busy} onOk={() => void submitService()} onCancel={() => setLogging(null)} width={360}>
        <Form form={form} layout="vertical">
          <Form.Item name="serviceDate" label="服务日期" rules={[{ required: true, message: '请填写服务日期' }]}>
            <Input type="date" max={todayShanghai()} />
          </Form.Item>
          <Form.Item name="hours" label="服务时长（小时）" rules={[{ required: true, message: '请填写服务时长' }]}>
            <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="description" label="服务内容" rules={[{ required: true, message: '请填写服务内容' }, { min: 2, message: '服务内容至少 2 个字' }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
