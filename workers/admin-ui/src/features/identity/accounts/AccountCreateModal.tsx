import { phoneSchema } from '@ronghe/schema';
import { Alert, Button, Col, Divider, Form, Input, Modal, Row, Space } from 'antd';
import { useState } from 'react';
import { accountApi, type Account } from '../../../api/admin-endpoints.ts';
import { ApiError, errorText } from '../../../api/client.ts';
import type { Tenant } from '../../../api/types.ts';
import { passwordProblems } from '@ronghe/schema/password-rules';
import { applyServerErrors, isGrantField } from './fieldErrors.ts';
import { checkDuplicateGrants, GrantsFields, grantsPayload, type GrantRow } from './GrantsFields.tsx';
import { generatePassword } from './passwordGen.ts';
import { useOnOpen } from '../../../lib/useOnOpen.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

interface Props {
  open: boolean;
  tenant: Tenant;
  onClose(): void;
  onCreated(account: Account): void;
}

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  password: string;
  grants: GrantRow[];
}

const TOP_FIELDS = new Set(['username', 'displayName', 'phone', 'password']);

// The server's rules (workers/api/src/routes/accounts/schemas.ts), in its words.
export const USERNAME_RE = /^[a-z][a-z0-9_.-]{2,31}$/;
export const USERNAME_MESSAGE = '用户名须以小写字母开头，3–32 位小写字母、数字、_ . -';

export const passwordRule = {
  validator: async (_: unknown, value: string | undefined) => {
    const problems = value ? passwordProblems(value) : [];
    if (problems.length) throw new Error(problems.join('；'));
  },
};

export function AccountCreateModal({ open, tenant, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = useFeedback();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [showPassword, setShowPassword] = useState(false);

  useOnOpen(open, () => {
    setGeneral([]);
    setShowPassword(false);
    form.resetFields();
    form.setFieldsValue({ grants: [{}] });
  }, [form]);

  const submit = async () => {
    setGeneral([]);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the field messages
    }
    if (!checkDuplicateGrants(form, values.grants)) return;
    setSaving(true);
    try {
      const phone = values.phone?.trim();
      const created = await accountApi.create(tenant.slug, {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        phone: phone || null,
        password: values.password,
        grants: grantsPayload(values.grants),
      });
      message.success(`已新建账号“${created.username}”`);
      onCreated(created);
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) {
        const rows = values.grants?.length ?? 0;
        const rest = applyServerErrors(form, err.problem.errors, (n) => (n.length === 1 && TOP_FIELDS.has(String(n[0]))) || isGrantField(n, rows));
        setGeneral(rest);
      } else {
        setGeneral([errorText(err)]);
      }
    } finally {
      setSaving(false);
    }
  };

  const fillPassword = () => {
    form.setFieldValue('password', generatePassword());
    setShowPassword(true);
    void form.validateFields(['password']);
  };

  return (
    <Modal
      open={open}
      title="新建账号"
      width={760}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="保存失败"
          description={general.length === 1 ? general[0] : <ul style={{ margin: 0, paddingLeft: 18 }}>{general.map((g) => <li key={g}>{g}</li>)}</ul>}
          style={{ marginBottom: 12 }}
          data-testid="account-form-error"
        />
      )}
      <Form form={form} layout="vertical" name="account-form" validateTrigger={['onBlur', 'onChange']}>
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          账号信息
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label="用户名"
              name="username"
              extra="登录时使用，创建后不能修改"
              rules={[
                { required: true, whitespace: true, message: '请输入用户名' },
                { pattern: USERNAME_RE, message: USERNAME_MESSAGE },
              ]}
            >
              <Input placeholder="如：zhangsan" maxLength={32} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="姓名"
              name="displayName"
              rules={[
                { required: true, whitespace: true, message: '请输入姓名' },
                { min: 2, message: '姓名至少 2 个字' },
                { max: 40, message: '姓名不能超过 40 个字' },
              ]}
            >
              <Input placeholder="真实姓名" maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="手机号"
              name="phone"
              rules={[
                {
                  validator: async (_, v: string | undefined) => {
                    if (!v?.trim()) return;
                    const r = phoneSchema.safeParse(v);
                    if (!r.success) throw new Error(r.error.issues[0]?.message ?? '请输入正确的手机号');
                  },
                },
              ]}
            >
              <Input placeholder="可不填" maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="初始密码" required extra="至少 8 位，须包含大写字母、小写字母、数字、符号中的至少三类">
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="password" noStyle rules={[{ required: true, message: '请设置初始密码' }, passwordRule]}>
                  <Input.Password
                    autoComplete="new-password"
                    visibilityToggle={{ visible: showPassword, onVisibleChange: setShowPassword }}
                    maxLength={128}
                  />
                </Form.Item>
                <Button onClick={fillPassword}>随机生成</Button>
              </Space.Compact>
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          角色与权限范围
        </Divider>
        <GrantsFields tenant={tenant} />
      </Form>
    </Modal>
  );
}
