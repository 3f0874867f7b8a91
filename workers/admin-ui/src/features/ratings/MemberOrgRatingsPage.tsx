import { Alert, Button, Card, Empty, Form, Input, InputNumber, Radio, Space, Spin, Tag, Typography } from 'antd';
import { ASSESSMENT_GRADES, RATING_LEVEL_LABELS } from '@ronghe/schema';
import { useCallback, useEffect, useState } from 'react';
import { problemText } from '../../lib/problems.ts';
import { formatTime } from '../../lib/time.ts';
import { useTenant } from '../../tenant.tsx';
import { ratingsApi, type MemberOrgRatableView } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

const levelLabel = (l: string) => RATING_LEVEL_LABELS[l as keyof typeof RATING_LEVEL_LABELS] ?? '其他';

/** 成员单位评价 (seed 003 mechanism 6): my organization rates each alliance it belongs to that is being assessed, once. */
export default function MemberOrgRatingsPage() {
  const { tenant } = useTenant();
  const [items, setItems] = useState<MemberOrgRatableView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    ratingsApi.memberOrg(tenant.slug).then(
      (d) => (setItems(d), setError(null)),
      (e) => setError(problemText(e).title),
    );
  }, [tenant.slug]);
  useEffect(load, [load]);
  return (
    <div style={{ maxWidth: 640, width: '100%' }}>
      <Typography.Title level={4}>成员单位评价</Typography.Title>
      <Typography.Paragraph type="secondary">本单位作为成员单位，对所参加联合体的年度工作作出评价，每个单位一次。</Typography.Paragraph>
      {error && <Alert type="warning" showIcon title={error} />}
      {!items && !error && <Spin />}
      {items && items.length === 0 && <Empty description="目前没有需要本单位评价的联合体" />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {items?.map((a) => <OrgRateCard key={`${a.assessmentId}-${a.orgId}`} item={a} onDone={load} />)}
      </Space>
    </div>
  );
}

function OrgRateCard({ item, onDone }: { item: MemberOrgRatableView; onDone: () => void }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { score: number; level: (typeof ASSESSMENT_GRADES)[number]; comment?: string }) => {
    setBusy(true);
    try {
      await ratingsApi.rate(tenant.slug, item.assessmentId, { group: 'member_org', orgId: item.orgId, score: v.score, level: v.level, comment: v.comment || undefined });
      message.success('评价已提交');
      onDone();
    } catch (e) {
      const p = problemText(e);
      message.error([p.title, ...p.items].join('；'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={<Typography.Text ellipsis style={{ maxWidth: 360 }}>{item.allianceName}</Typography.Text>} extra={`${item.year}年度 · ${item.orgName}`}>
      {item.mine ? (
        <Space orientation="vertical">
          <span>
            已评价：{item.mine.score} 分 <Tag>{levelLabel(item.mine.level)}</Tag>
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
            <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="comment" label="意见建议（选填）">
            <Input.TextArea maxLength={500} rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交评价
          </Button>
        </Form>
      )}
    </Card>
  );
}
