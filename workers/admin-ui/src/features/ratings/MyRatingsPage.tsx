import { Alert, Button, Card, Empty, Form, Input, InputNumber, Radio, Space, Spin, Tag, Typography } from 'antd';
import { ASSESSMENT_GRADES, RATING_LEVEL_LABELS } from '@ronghe/schema';
import { useCallback, useEffect, useState } from 'react';
import { problemText } from '../../lib/problems.ts';
import { formatTime } from '../../lib/time.ts';
import { useTenant } from '../../tenant.tsx';
import { ratingsApi, type MyRatableView } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

const levelLabel = (l: string) => RATING_LEVEL_LABELS[l as keyof typeof RATING_LEVEL_LABELS] ?? '其他';

/** 我的评议 (党员评议): phone-first, one column; each alliance my organization belongs to that is being assessed, rated once. */
export default function MyRatingsPage() {
  const { tenant } = useTenant();
  const [items, setItems] = useState<MyRatableView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    ratingsApi.mine(tenant.slug).then(
      (d) => (setItems(d), setError(null)),
      (e) => setError(problemText(e).title),
    );
  }, [tenant.slug]);
  useEffect(load, [load]);
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', width: '100%' }}>
      <Typography.Title level={4}>我的评议</Typography.Title>
      {error && <Alert type="warning" showIcon title={error} />}
      {!items && !error && <Spin />}
      {items && items.length === 0 && <Empty description="目前没有需要您评议的联合体" />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {items?.map((a) => <RateCard key={a.assessmentId} item={a} onDone={load} />)}
      </Space>
    </div>
  );
}

function RateCard({ item, onDone }: { item: MyRatableView; onDone: () => void }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { score: number; level: (typeof ASSESSMENT_GRADES)[number]; comment?: string }) => {
    setBusy(true);
    try {
      await ratingsApi.rateAsMember(tenant.slug, item.assessmentId, { score: v.score, level: v.level, comment: v.comment || undefined });
      message.success('评议已提交，感谢您的参与');
      onDone();
    } catch (e) {
      const p = problemText(e);
      message.error([p.title, ...p.items].join('；'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={<Typography.Text ellipsis style={{ maxWidth: 300 }}>{item.allianceName}</Typography.Text>} extra={`${item.year}年度`}>
      {item.mine ? (
        <Space orientation="vertical">
          <span>
            已评议：{item.mine.score} 分 <Tag>{levelLabel(item.mine.level)}</Tag>
          </span>
          {item.mine.comment && <Typography.Text type="secondary">意见：{item.mine.comment}</Typography.Text>}
          <Typography.Text type="secondary">提交时间：{formatTime(item.mine.createdAt)}</Typography.Text>
        </Space>
      ) : (
        <Form layout="vertical" onFinish={submit}>
          <Form.Item name="level" label="总体评价" rules={[{ required: true, message: '请选择评价等次' }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={ASSESSMENT_GRADES.map((g) => ({ value: g, label: RATING_LEVEL_LABELS[g] }))} />
          </Form.Item>
          <Form.Item name="score" label="分数（0–100）" rules={[{ required: true, message: '请填写分数' }]}>
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="comment" label="意见建议（选填）">
            <Input.TextArea maxLength={500} rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            提交评议（每人一次）
          </Button>
        </Form>
      )}
    </Card>
  );
}
