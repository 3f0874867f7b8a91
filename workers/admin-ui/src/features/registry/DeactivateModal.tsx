import { OrgDeactivateSchema } from '@ronghe/schema';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../../api/client.ts';
import { orgApi } from '../../api/endpoints.ts';
import type { Organization } from '../../api/types.ts';
import { applyErrors, fromServerErrors } from '../../lib/formErrors.ts';
import { useOnOpen } from '../../lib/useOnOpen.ts';
import { useFeedback } from '../../lib/feedback.tsx';

interface Props {
  tenant: string;
  org: Organization | null;
  onClose(): void;
  onDone(org: Organization): void;
}

const reasonRule = {
  validator: async (_: unknown, value: unknown) => {
    const r = OrgDeactivateSchema.shape.reason.safeParse(typeof value === 'string' ? value : '');
    if (!r.success) throw new Error(r.error.issues[0]?.message ?? '请填写停用原因');
  },
};

export function DeactivateModal({ tenant, org, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = useFeedback();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!org) return;
    let values: { reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const parsed = OrgDeactivateSchema.safeParse(values);
    if (!parsed.success) return;
    setSaving(true);
    setError(null);
    try {
      // The write must carry the version the user is looking at now.
      const current = await orgApi.get(tenant, org.id);
      if (current.value.version !== org.version) {
        setError('该党组织已被他人修改，请关闭后刷新列表再操作。');
        return;
      }
      const saved = await orgApi.deactivate(tenant, org.id, current.etag, parsed.data.reason);
      message.success(`已停用“${org.name}”`);
      onDone(saved);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) setError('该党组织已被他人修改，请关闭后刷新列表再操作。');
      else if (err instanceof ApiError && err.status === 422) {
        const rest = applyErrors(form, fromServerErrors(err.problem.errors, new Set(['reason'])));
        if (rest.length) setError(rest.join('；'));
      } else setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  // Cleared as each organization's dialog opens, before it is painted (lib/useOnOpen.ts).
  useOnOpen(org !== null, () => {
    setError(null);
    form.resetFields();
  }, [org]);

  return (
    <Modal
      open={org !== null}
      title={`停用党组织：${org?.name ?? ''}`}
      okText="确认停用"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title="停用后该组织不再出现在组织树和默认列表中，可随时重新启用。"
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name="deactivate-form">
        <Form.Item label="停用原因" name="reason" rules={[reasonRule]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：村社合并，组织撤销" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
