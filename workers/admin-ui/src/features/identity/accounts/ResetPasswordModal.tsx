import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { accountApi, type Account } from '../../../api/admin-endpoints.ts';
import { ApiError, errorText } from '../../../api/client.ts';
import type { Tenant } from '../../../api/types.ts';
import { passwordRule } from './AccountCreateModal.tsx';
import { applyServerErrors } from './fieldErrors.ts';
import { generatePassword } from './passwordGen.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

interface Props {
  tenant: Tenant;
  account: Account | null;
  onClose(): void;
  onSaved(account: Account): void;
  onStale(): Promise<Account | undefined>;
}

interface Values {
  newPassword: string;
  confirm: string;
}

export function ResetPasswordModal({ tenant, account, onClose, onSaved, onStale }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = useFeedback();
  const [base, setBase] = useState<Account | null>(account);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [show, setShow] = useState(false);

  useEffect(() => {
    setBase(account);
    setError(null);
    setStale(false);
    setShow(false);
    form.resetFields();
  }, [account, form]);

  const submit = async () => {
    if (!base) return;
    setError(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const saved = await accountApi.resetPassword(tenant.slug, base.id, base.version, values.newPassword);
      message.success(`已重置“${saved.displayName}”的密码${base.locked ? '并解除锁定' : ''}`);
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        const fresh = await onStale();
        if (!fresh) {
          message.warning('该账号已不在本级账号列表中');
          onClose();
          return;
        }
        // The password typed stays: resetting is safe to repeat on the newer version.
        setBase(fresh);
        setStale(true);
      } else if (err instanceof ApiError && err.problem.errors?.length) {
        const rest = applyServerErrors(form, err.problem.errors, (n) => n.length === 1 && n[0] === 'newPassword');
        setError(rest.length ? rest.join('；') : null);
      } else {
        setError(errorText(err));
      }
    } finally {
      setSaving(false);
    }
  };

  const fill = () => {
    const p = generatePassword();
    form.setFieldsValue({ newPassword: p, confirm: p });
    setShow(true);
    void form.validateFields(['newPassword', 'confirm']);
  };

  return (
    <Modal
      open={account !== null}
      title={`${account?.locked ? '重置密码并解锁' : '重置密码'}：${account?.displayName ?? ''}（${account?.username ?? ''}）`}
      okText="确认重置"
      cancelText="取消"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert
        type="info"
        showIcon
        title="重置后该账号的所有登录会话立即失效；若账号因输错密码被锁定，将同时解除锁定。请把新密码当面或电话告知本人，并提醒其登录后在个人中心修改。"
        style={{ marginBottom: 12 }}
      />
      {stale && (
        <Alert
          type="warning"
          showIcon
          data-testid="stale-alert"
          title="数据已被他人修改"
          description="您打开后，该账号已被其他人修改，已加载最新数据。请确认后再次点击“确认重置”。"
          style={{ marginBottom: 12 }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="reset-password-form" requiredMark={false}>
        <Form.Item label="新密码" required extra="至少 8 位，须包含大写字母、小写字母、数字、符号中的至少三类">
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="newPassword" noStyle rules={[{ required: true, message: '请输入新密码' }, passwordRule]}>
              <Input.Password autoComplete="new-password" visibilityToggle={{ visible: show, onVisibleChange: setShow }} maxLength={128} />
            </Form.Item>
            <Button onClick={fill}>随机生成</Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_, value: string) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" visibilityToggle={{ visible: show, onVisibleChange: setShow }} maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
