import { BarChartOutlined, KeyOutlined, ReloadOutlined } from '@ant-design/icons';
import { API_SCOPE_LABELS, apiScopesFor, type ApiScope } from '@ronghe/schema';
import { Alert, Button, Card, Checkbox, DatePicker, Empty, Form, Input, Modal, Popconfirm, Result, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useRef, useState } from 'react';
import { accountApi, apiKeyApi, type ApiKey, type IssuedApiKey } from '../../../api/admin-endpoints.ts';
import { ApiError, errorText } from '../../../api/client.ts';
import { applyErrors, fromServerErrors } from '../../../lib/formErrors.ts';
import { formatTime, todayShanghai } from '../../../lib/time.ts';
import { useTenant } from '../../../tenant.tsx';
import { mayManageApiKeys } from '../../../shared/access.ts';
import { IssuedKeyModal } from './IssuedKeyModal.tsx';
import { UsageModal } from './UsageModal.tsx';
import { useOnOpen } from '../../../lib/useOnOpen.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

interface IssueValues {
  name: string;
  scopes: ApiScope[];
  expiresOn: Dayjs | null;
}

/** The scopes checked when the form opens: every read scope of the tenant (the city's rollup among them). */
const defaultScopes = (kind: 'county' | 'city') => apiScopesFor(kind).filter((s) => s.endsWith(':read'));

function IssueModal({
  open,
  tenant,
  kind,
  onClose,
  onIssued,
}: {
  open: boolean;
  tenant: string;
  kind: 'county' | 'city';
  onClose(): void;
  onIssued(k: IssuedApiKey): void;
}) {
  const [form] = Form.useForm<IssueValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useOnOpen(open, () => {
    setError(null);
    form.resetFields();
    form.setFieldsValue({ scopes: defaultScopes(kind), expiresOn: null });
  }, [form, kind]);

  const submit = async () => {
    let values: IssueValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onIssued(
        await apiKeyApi.issue(tenant, { name: values.name.trim(), scopes: values.scopes, expiresOn: values.expiresOn ? values.expiresOn.format('YYYY-MM-DD') : null }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) {
        const rest = applyErrors(form, fromServerErrors(err.problem.errors, new Set(['name', 'scopes', 'expiresOn'])));
        setError(rest.length ? rest.join('；') : null);
      } else setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="签发接口密钥"
      okText="签发"
      cancelText="取消"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="api-key-form" onFinish={submit}>
        <Form.Item
          label="用途名称"
          name="name"
          extra="写明对接的单位和系统，便于日后识别和吊销"
          rules={[
            { required: true, whitespace: true, message: '请填写用途名称（至少 2 个字）' },
            { min: 2, message: '请填写用途名称（至少 2 个字）' },
            { max: 60, message: '名称不能超过 60 个字' },
          ]}
        >
          <Input placeholder="如：区政务服务网对接" maxLength={60} />
        </Form.Item>
        <Form.Item label="权限范围" name="scopes" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项权限' }]} extra="只勾选对接系统确实需要的权限">
          <Checkbox.Group
            data-testid="api-key-scopes"
            style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 8 }}
            options={apiScopesFor(kind).map((s) => ({ value: s, label: API_SCOPE_LABELS[s] }))}
          />
        </Form.Item>
        <Form.Item label="有效期至" name="expiresOn" extra="含当天（北京时间）；不填为长期有效">
          <DatePicker
            style={{ width: '100%' }}
            placeholder="长期有效"
            disabledDate={(d) => d.format('YYYY-MM-DD') < todayShanghai()}
            data-testid="api-key-expires"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ApiKeysPage() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const allowed = mayManageApiKeys(tenant);
  const [rows, setRows] = useState<ApiKey[]>([]);
  const [names, setNames] = useState<Map<string, { displayName: string; username: string }>>(new Map());
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [usageOf, setUsageOf] = useState<ApiKey | null>(null);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const items = await apiKeyApi.list(tenant.slug);
      if (mine === seq.current) setRows(items);
    } catch (err) {
      if (mine === seq.current) setError(errorText(err));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [tenant.slug]);

  useEffect(() => {
    if (!allowed) return;
    void load();
    // Keys name their issuer by account id; the same administrator may read the accounts.
    accountApi
      .list(tenant.slug)
      .then((accounts) => setNames(new Map(accounts.map((a) => [a.id, a]))))
      .catch(() => undefined);
  }, [allowed, load, tenant.slug]);

  if (!allowed) {
    return <Result status="403" title="无权管理开放接口密钥" subTitle="开放接口密钥由旗县区委组织部管理员签发和吊销。" />;
  }

  const revoke = async (k: ApiKey) => {
    setRevoking(k.id);
    try {
      const saved = await apiKeyApi.revoke(tenant.slug, k.id, k.version);
      message.success(`已吊销“${k.name}”，使用该密钥的调用将立即被拒绝`);
      setRows((prev) => prev.map((r) => (r.id === saved.id ? saved : r)));
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) message.warning('该密钥已被他人修改，已刷新列表，请核对后重新操作');
      else message.error(errorText(err));
      void load();
    } finally {
      setRevoking(null);
    }
  };

  const columns: ColumnsType<ApiKey> = [
    { title: '用途名称', dataIndex: 'name', width: 150, ellipsis: true, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: '密钥前缀', dataIndex: 'prefix', width: 140, render: (v: string) => <code>{v}…</code> },
    {
      title: '权限范围',
      dataIndex: 'scopes',
      width: 170,
      render: (v: ApiScope[]) => (
        <Space size={[0, 4]} wrap>
          {v.map((s) => (
            <Tag key={s}>{API_SCOPE_LABELS[s]}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '有效期至',
      dataIndex: 'expiresOn',
      width: 100,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">长期有效</Typography.Text>,
    },
    { title: '签发人', dataIndex: 'createdBy', width: 100, ellipsis: true, render: (v: string) => {
        const a = names.get(v);
        if (!a) return '（已删除或其他旗县区的账号）';
        // The login name is shown as typed (data-verbatim: not a code to translate).
        return (
          <>
            {a.displayName}（<span data-verbatim>{a.username}</span>）
          </>
        );
      },
    },
    { title: '签发时间', dataIndex: 'createdAt', width: 130, render: (v: number) => formatTime(v) },
    {
      title: '最近使用',
      dataIndex: 'lastUsedAt',
      width: 130,
      render: (v: number | null) => (v ? formatTime(v) : <Typography.Text type="secondary">从未使用</Typography.Text>),
    },
    {
      title: '状态',
      dataIndex: 'revokedAt',
      width: 90,
      render: (v: number | null, k) =>
        v ? (
          <Space size={4}>
            <Tag>已吊销</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(v)}
            </Typography.Text>
          </Space>
        ) : k.expiresAt !== null && k.expiresAt <= Date.now() ? (
          <Tag color="orange">已过期</Tag>
        ) : (
          <Tag color="green">有效</Tag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      // Wraps rather than widens the fixed column: with a Chinese font both links need ~134 px.
      render: (_, k) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<BarChartOutlined />} onClick={() => setUsageOf(k)}>
            调用统计
          </Button>
          {k.revokedAt ? null : (
          <Popconfirm
            title={`吊销“${k.name}”？`}
            description="吊销后使用该密钥的系统将立即无法调用接口，且不能恢复。"
            okText="吊销"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => revoke(k)}
          >
            <Button type="link" size="small" danger loading={revoking === k.id}>
              吊销
            </Button>
          </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const origin = window.location.origin;
  const active = rows.filter((r) => !r.revokedAt).length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space>
            <span>开放接口密钥</span>
            <Typography.Text type="secondary" data-testid="api-key-total">
              有效 {active} 个，共 {rows.length} 个
            </Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void load()}>
              刷新
            </Button>
            <Button type="primary" icon={<KeyOutlined />} onClick={() => setIssuing(true)}>
              签发密钥
            </Button>
          </Space>
        }
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Table<ApiKey>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={false}
          // Fits the content area at 1440 px (test/e2e/every-page-readable.test.ts); narrower screens scroll inside the card.
          scroll={{ x: 1140 }}
          data-testid="api-key-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未签发接口密钥" /> }}
        />
      </Card>
      <Card size="small" title="第三方如何调用">
        <Typography.Paragraph>
          对接单位在每个请求的 <code>Authorization</code> 请求头中携带密钥，按签发时勾选的权限范围获取{tenant.name}
          的党组织目录、党建联合体、需求清单等（不含任何个人信息；已停用的组织不返回）。密钥只对{tenant.kind === 'city' ? '本级' : '本旗县区'}有效；
          未获权限的接口返回 403，过期的密钥返回 401。
        </Typography.Paragraph>
        <pre className="json-block" data-testid="api-key-usage">
          {`GET ${origin}/v1/orgs
Authorization: Bearer rhk_${tenant.slug}_…

# 例：用 curl 获取列表（支持 q、kind、domain、cursor、limit 等筛选）和单个组织
curl -H "Authorization: Bearer <密钥>" "${origin}/v1/orgs?limit=20"
curl -H "Authorization: Bearer <密钥>" "${origin}/v1/orgs/<组织编号>"`}
        </pre>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          密钥无效、已吊销或已过期时返回 401；每页最多 100 条。完整字段说明见{' '}
          <Typography.Link href="/v1/docs" target="_blank" rel="noreferrer" data-testid="v1-docs-link">
            开放接口文档
          </Typography.Link>
          ，历次变更与弃用政策见{' '}
          <Typography.Link href="/v1/changelog" target="_blank" rel="noreferrer" data-testid="v1-changelog-link">
            变更记录
          </Typography.Link>
          。
        </Typography.Paragraph>
      </Card>

      <IssueModal
        open={issuing}
        tenant={tenant.slug}
        kind={tenant.kind}
        onClose={() => setIssuing(false)}
        onIssued={(k) => {
          setIssuing(false);
          setIssued(k);
          void load();
        }}
      />
      <IssuedKeyModal issued={issued} onClose={() => setIssued(null)} />
      <UsageModal tenant={tenant.slug} apiKey={usageOf} onClose={() => setUsageOf(null)} />
    </Space>
  );
}
