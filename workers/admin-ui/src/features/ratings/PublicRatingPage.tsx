import { Alert, Button, Card, Form, Input, Radio, Result, Slider, Spin, Typography } from 'antd';
import { RATING_LEVEL_LABELS, RESIDENT_LEVELS, type ResidentLevel } from '@ronghe/schema';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { problemText } from '../../lib/problems.ts';
import { ratingsApi, type PublicRatingFormView } from './api.ts';

/** A starting score for each answer; the resident may move it. */
const SCORE_OF: Record<ResidentLevel, number> = { satisfied: 95, basically_satisfied: 75, dissatisfied: 40 };

/**
 * 群众评判: the page a resident's QR code opens, outside the login — phone
 * sized (390 px), one question, one answer per link.
 */
export default function PublicRatingPage() {
  const { token = '' } = useParams();
  const [form, setForm] = useState<PublicRatingFormView | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [f] = Form.useForm();
  useEffect(() => {
    ratingsApi.publicForm(token).then(setForm, (e) => setClosed(problemText(e).title));
  }, [token]);
  const submit = async (v: { level: ResidentLevel; score: number; comment?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await ratingsApi.answer(token, { level: v.level, score: v.score, comment: v.comment || undefined });
      setDone(true);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 410 || e.status === 404 || e.status === 409)) setClosed(problemText(e).title);
      else setError(problemText(e).title);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ maxWidth: 420, margin: '0 auto', padding: 16, boxSizing: 'border-box', width: '100%' }}>
      {done ? (
        <Result status="success" title="感谢您的评价" subTitle="您的意见已记入，每个二维码只能评价一次。" />
      ) : closed ? (
        <Result status="warning" title="无法评价" subTitle={closed} />
      ) : !form ? (
        <Spin />
      ) : (
        <Card title="群众评判" extra={form.countyName}>
          <Typography.Paragraph strong>{form.question}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            评价对象：{form.allianceName}（{form.year}年度）。本评价匿名，不收集您的姓名和电话。
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form form={f} layout="vertical" onFinish={submit} onValuesChange={(c) => c.level && f.setFieldValue('score', SCORE_OF[c.level as ResidentLevel])}>
            <Form.Item name="level" label="您的评价" rules={[{ required: true, message: '请选择 满意、基本满意 或 不满意' }]}>
              <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} options={RESIDENT_LEVELS.map((l) => ({ value: l, label: RATING_LEVEL_LABELS[l] }))} />
            </Form.Item>
            <Form.Item name="score" label="打分（0–100）" initialValue={80} rules={[{ required: true, message: '请打分' }]}>
              <Slider min={0} max={100} />
            </Form.Item>
            <Form.Item name="comment" label="意见建议（选填）">
              <Input.TextArea maxLength={500} rows={3} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              提交评价
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
