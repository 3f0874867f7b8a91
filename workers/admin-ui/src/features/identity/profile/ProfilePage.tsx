import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorText } from '../../../api/client.ts';
import { authApi } from '../../../api/endpoints.ts';
import type { Grant } from '../../../api/types.ts';
import { applyErrors, fromServerErrors } from '../../../lib/formErrors.ts';
import { passwordProblems } from '@ronghe/schema/password-rules';
import { roleLabel } from '../../../shared/roleLabel.ts';
import { loginNotice, useSession } from '../../../session.tsx';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const PASSWORD_FIELDS: ReadonlySet<string> = new Set(['currentPassword', 'newPassword']);

export default function ProfilePage() {
  const { me, tenants, forget } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!me) return null;
  const tenantName = (slug: string) => tenants.find((t) => t.slug === slug)?.name ?? '（旗县区）';

  const submit = async (v: PasswordForm) => {
    setSaving(true);
    setError(null);
    try {
      await authApi.changePassword(v.currentPassword, v.newPassword);
      // The server ends every session of this user, this one included.
      loginNotice.set('密码已修改，请使用新密码重新登录。');
      forget('chosen');
      navigate('/login', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const rest = applyErrors(form, fromServerErrors(err.problem.errors, PASSWORD_FIELDS));
        setError(rest.length ? rest.join('；') : null);
        if (!err.problem.errors?.length) setError(err.problem.detail);
      } else if (err instanceof ApiError && err.status === 401 && err.code === 'invalid_credentials') {
        form.setFields([{ name: 'currentPassword', errors: [err.problem.detail] }]);
      } else {
        setError(errorText(err));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card title="个人信息" size="small" style={{ marginBottom: 16 }}>
          <Descriptions column={1} bordered size="small" data-testid="profile">
            <Descriptions.Item label="姓名">{me.displayName}</Descriptions.Item>
            <Descriptions.Item label="用户名">
              <span data-verbatim>{me.username}</span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            角色与权限范围
          </Typography.Title>
          <Table<Grant>
            size="small"
            pagination={false}
            rowKey={(g) => `${g.tenant}-${g.role}-${g.scopeOrgId ?? ''}-${g.scopeAllianceId ?? ''}`}
            dataSource={me.grants}
            columns={[
              { title: '旗县区', dataIndex: 'tenant', render: (t: string) => tenantName(t) },
              { title: '角色', dataIndex: 'role', render: (r: string) => <Tag color="red">{roleLabel(r)}</Tag> },
              {
                title: '范围',
                key: 'scope',
                render: (_, g) =>
                  // GET /me already names what each grant is scoped to (identity grant-names.ts): no read per grant.
                  g.scopeOrgId ? (g.scopeOrgName ?? '（已撤销的党组织）') : g.scopeAllianceId ? (g.scopeAllianceName ?? '指定联合体') : '本级全部',
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="修改密码" size="small">
          <Alert
            type="info"
            showIcon
            title="新密码至少 8 位，须包含大写字母、小写字母、数字、符号中的至少三类。修改成功后所有登录会话将失效，需要重新登录。"
            style={{ marginBottom: 16 }}
          />
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form form={form} layout="vertical" onFinish={submit} name="password-form" requiredMark={false}>
            <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              label="新密码"
              name="newPassword"
              rules={[
                { required: true, message: '请输入新密码' },
                {
                  validator: async (_, value: string) => {
                    const problems = value ? passwordProblems(value) : [];
                    if (problems.length) throw new Error(problems.join('；'));
                  },
                },
              ]}
            >
              <Input.Password autoComplete="new-password" />
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
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>
              修改密码
            </Button>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
