import { Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useFeedback } from '../../lib/feedback.tsx';
import { problemText } from '../../lib/problems.ts';
import { useTenant } from '../../tenant.tsx';
import { pointsApi, type PointRuleView } from './api.ts';
import { capLabel } from './labels.ts';

export interface Person {
  id: string;
  name: string;
}

/** 手工加分 for one member: loaded when first opened (lib/lazy-when-open.tsx), 积分 itself draws without antd. */
export function AwardModal({ person, onClose }: { person: Person; onClose: (done: boolean) => void }) {
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
