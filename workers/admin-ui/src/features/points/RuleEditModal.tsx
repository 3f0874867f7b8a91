import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useFeedback } from '../../lib/feedback.tsx';
import { problemText } from '../../lib/problems.ts';
import { useTenant } from '../../tenant.tsx';
import { pointsApi, type PointRuleView } from './api.ts';
import { ROLE_TEXT } from './labels.ts';

interface Props {
  /** The rule being changed; null once the dialog is closed. */
  rule: PointRuleView | null;
  onClose: () => void;
  /** The rules to be read again: after a save, or when the rule had changed meanwhile. */
  onReload: () => void;
}

/** 修改积分规则 (saved as a new version): loaded when first opened (lib/lazy-when-open.tsx), 积分 itself draws without antd. */
export function RuleEditModal({ rule, onClose, onReload }: Props) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [form] = Form.useForm();
  useEffect(() => {
    if (rule) form.setFieldsValue({ name: rule.name, pointsPerUnit: rule.pointsPerUnit, capPeriod: rule.capPeriod ?? 'none', capPoints: rule.capPoints, awardRoles: rule.awardRoles, reasonRequired: rule.reasonRequired, enabled: rule.enabled });
  }, [rule, form]);
  const save = async () => {
    if (!rule) return;
    const v = await form.validateFields();
    const capped = v.capPeriod !== 'none';
    try {
      await pointsApi.updateRule(tenant.slug, rule.code, rule.version, {
        name: v.name,
        pointsPerUnit: v.pointsPerUnit,
        capPeriod: capped ? v.capPeriod : null,
        capPoints: capped ? (v.capPoints ?? 0) : null,
        awardRoles: v.awardRoles ?? [],
        reasonRequired: v.reasonRequired,
        enabled: v.enabled,
      });
      message.success('已保存为新版本，之前记入的积分不变');
      onClose();
      onReload();
    } catch (err) {
      const p = problemText(err);
      message.error([p.title, ...p.items].join('；'));
      if (p.stale) onReload();
    }
  };
  return (
    <Modal open={!!rule} title={`修改积分规则：${rule?.name ?? ''}`} okText="保存为新版本" cancelText="取消" onOk={() => void save()} onCancel={onClose} destroyOnClose>
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
  );
}
