import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, errorText } from '../../../api/client.ts';
import { loginNotice, useSession } from '../../../session.tsx';
import { returnPath, type LoginState } from './return-path.ts';

export default function LoginPage() {
  const { status, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [notice] = useState(() => loginNotice.peek());
  useEffect(() => loginNotice.clear(), []);

  if (status === 'ready' && !submitting) return <Navigate to="/" replace />;

  const onFinish = async (values: { username: string; password: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      const username = values.username.trim();
      const tenants = await login(username, values.password);
      // `submitting` stays true: this page is leaving, and flipping it back would
      // let the "already logged in" redirect above race this navigation.
      navigate(returnPath(state, username, tenants), { replace: true });
    } catch (err) {
      setError({ text: errorText(err), locked: err instanceof ApiError && err.status === 423 });
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <Card style={{ width: 400, boxShadow: '0 8px 24px rgba(0,0,0,0.15)' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <div style={{ fontSize: 36, color: '#c8161d', lineHeight: 1 }}>☭</div>
          <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>
            融合党建管理平台
          </Typography.Title>
          <Typography.Text type="secondary">赤峰市委组织部 · 党建联合体</Typography.Text>
        </div>
        {notice && !error && <Alert type="success" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="login-notice" />}
        {error && (
          <Alert
            type={error.locked ? 'warning' : 'error'}
            showIcon
            title={error.locked ? '账号已锁定' : '登录失败'}
            description={error.text}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" size="large" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
