import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { needApi, type NeedView } from '../../../api/list-endpoints.ts';
import { problemText, type ProblemText } from '../../../lib/problems.ts';
import { ProblemAlert } from '../../../lib/ProblemAlert.tsx';
import { useTenant } from '../../../tenant.tsx';
import { todayShanghai, urgencyColor, urgencyLabel } from './labels.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

type Decision = { need: NeedView; as: 'extend' | 'close' };
const DAY_MS = 86_400_000;
const daysLate = (deadline: string) => Math.round((Date.parse(todayShanghai()) - Date.parse(deadline)) / DAY_MS);

/**
 * 逾期需求复核 (issue 10 §2): needs past their deadline are not matched; here the
 * alliance decides each one — a new deadline (it still stands) or closing it,
 * both with a reason that the audit log keeps.
 */
export default function OverdueReviewPage() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [items, setItems] = useState<NeedView[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [saving, setSaving] = useState(false);
  const [formProblem, setFormProblem] = useState<ProblemText | null>(null);
  const [form] = Form.useForm<{ deadline?: Dayjs | null; reason?: string }>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const page = await needApi.list(tenant.slug, { overdue: 'true', limit: 100 });
      setItems(page.items);
      setTotal(page.total);
      setProblem(null);
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setLoading(false);
    }
  }, [tenant.slug]);
  useEffect(() => void load(), [load]);

  const open = (d: Decision) => {
    setFormProblem(null);
    form.resetFields();
    if (d.as === 'extend') form.setFieldsValue({ deadline: dayjs(todayShanghai()).add(30, 'day') });
    setDecision(d);
  };

  const submit = async () => {
    if (!decision) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const fresh = await needApi.get(tenant.slug, decision.need.id);
      if (decision.as === 'extend') await needApi.extend(tenant.slug, decision.need.id, fresh.etag, v.deadline!.format('YYYY-MM-DD'), v.reason!.trim());
      else await needApi.close(tenant.slug, decision.need.id, fresh.etag, v.reason!.trim());
      message.success(decision.as === 'extend' ? `已延长“${decision.need.title}”的截止日期` : `已关闭“${decision.need.title}”`);
      setDecision(null);
      void load();
    } catch (err) {
      setFormProblem(problemText(err));
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<NeedView> = [
    {
      title: '需求',
      key: 'title',
      render: (_, n) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{n.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.allianceName} · {n.categoryName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '紧急程度', key: 'urgency', width: 90, render: (_, n) => <Tag color={urgencyColor(n.urgency)}>{urgencyLabel(n.urgency)}</Tag> },
    {
      title: '截止日期',
      key: 'deadline',
      width: 170,
      render: (_, n) => (
        <Space size={4}>
          <Typography.Text type="danger">{n.deadline}</Typography.Text>
          <Tag color="red">逾期 {daysLate(n.deadline)} 天</Tag>
        </Space>
      ),
    },
    { title: '待对接', key: 'remaining', width: 110, align: 'right', render: (_, n) => `${n.remainingQty} ${n.unit}` },
    {
      title: '复核',
      key: 'ops',
      width: 200,
      render: (_, n) => (
        <Space>
          <Button size="small" type="primary" disabled={!n.can.extend} title={n.can.extend ? undefined : '只有联合体牵头党组织或组织部管理员可以延长'} onClick={() => open({ need: n, as: 'extend' })}>
            延长截止日期
          </Button>
          <Button size="small" disabled={!n.can.close} title={n.can.close ? undefined : '已有承诺或实施中的数量，或无权关闭'} onClick={() => open({ need: n, as: 'close' })}>
            关闭
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={
        <Space>
          <Link to={`/t/${tenant.slug}/needs`} aria-label="返回需求清单">
            <ArrowLeftOutlined />
          </Link>
          <span>逾期需求复核</span>
          <Typography.Text type="secondary" data-testid="overdue-total">
            共 {total} 项
          </Typography.Text>
        </Space>
      }
      extra={<Button type="text" icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void load()} />}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="已过截止日期仍未满足的需求不参与需求对接和一键最优匹配。请逐项复核：仍然需要的，延长截止日期后重新参与匹配；不再需要的，写明原因后关闭。"
      />
      <ProblemAlert problem={problem} />
      <Table<NeedView> rowKey="id" size="middle" loading={loading} dataSource={items} columns={columns} pagination={false} scroll={{ x: 800 }} locale={{ emptyText: '没有逾期的需求' }} data-testid="overdue-table" />
      <Modal
        open={!!decision}
        title={decision ? `${decision.as === 'extend' ? '延长截止日期' : '关闭需求'}：${decision.need.title}` : ''}
        okText={decision?.as === 'extend' ? '延长' : '关闭'}
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void submit()}
        onCancel={() => setDecision(null)}
        destroyOnHidden
      >
        <ProblemAlert problem={formProblem} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" name="overdue-form">
          {decision?.as === 'extend' && (
            <Form.Item label="新的截止日期" name="deadline" rules={[{ required: true, message: '请选择新的截止日期' }]} extra={`原截止日期 ${decision.need.deadline}`}>
              <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < todayShanghai()} style={{ width: 200 }} />
            </Form.Item>
          )}
          <Form.Item label="原因" name="reason" rules={[{ required: true, whitespace: true, min: 2, message: '请填写原因（至少 2 个字）' }]}>
            <Input.TextArea rows={3} maxLength={1000} placeholder={decision?.as === 'extend' ? '如：社区重新核实，老人仍需要助餐' : '如：居民已搬迁，需求不再存在'} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
