import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Popconfirm, Result, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { accountApi, type Account } from '../../../api/admin-endpoints.ts';
import { ApiError, errorText } from '../../../api/client.ts';
import { formatTime } from '../../../lib/time.ts';
import { useSession } from '../../../session.tsx';
import { useTenant } from '../../../tenant.tsx';
import { mayManageAccounts } from '../../../shared/access.ts';
import { AccountCreateModal } from './AccountCreateModal.tsx';
import { GrantsModal } from './GrantsModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { ROLE_COLORS, roleLabel } from './roles.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

type StatusFilter = 'all' | 'active' | 'disabled' | 'locked';

export default function AccountsPage() {
  const { tenant } = useTenant();
  const { me } = useSession();
  const { message } = useFeedback();
  const allowed = mayManageAccounts(tenant);

  const [rows, setRows] = useState<Account[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Account | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const seq = useRef(0);

  /** Reloads the list; resolves with the fresh rows (for a form that hit a 412). */
  const load = useCallback(async (): Promise<Account[]> => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const items = await accountApi.list(tenant.slug);
      if (mine === seq.current) setRows(items);
      return items;
    } catch (err) {
      if (mine === seq.current) setError(errorText(err));
      return [];
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [tenant.slug]);

  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  const reloadOne = (id: string) => async () => (await load()).find((a) => a.id === id);

  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return rows.filter((a) => {
      if (needle && !a.username.toLowerCase().includes(needle) && !a.displayName.toLowerCase().includes(needle)) return false;
      if (status === 'locked') return a.locked;
      return status === 'all' || a.status === status;
    });
  }, [rows, q, status]);

  if (!allowed) {
    return (
      <Result
        status="403"
        title="无权管理账号"
        subTitle="账号管理仅对旗县区委组织部管理员开放（市级账号由市委组织部管理员管理）。"
      />
    );
  }

  const setAccountStatus = async (a: Account, next: Account['status']) => {
    setSwitching(a.id);
    try {
      const saved = await accountApi.setStatus(tenant.slug, a.id, a.version, next);
      message.success(next === 'disabled' ? `已停用账号“${saved.username}”，该账号已退出登录` : `已启用账号“${saved.username}”`);
      setRows((prev) => prev.map((r) => (r.id === saved.id ? saved : r)));
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        message.warning({ content: `账号“${a.username}”已被他人修改，已刷新列表，请核对后重新操作`, key: 'account-stale' });
        void load();
      } else {
        message.error(errorText(err));
        if (err instanceof ApiError && err.status === 409) void load();
      }
    } finally {
      setSwitching(null);
    }
  };

  const columns: ColumnsType<Account> = [
    {
      title: '用户名',
      dataIndex: 'username',
      width: 160,
      fixed: 'left',
      render: (v: string, a) => (
        <Space size={4} wrap>
          {/* A login name is typed in Latin letters: read verbatim (test/e2e/every-page-readable.test.ts). */}
          <Typography.Text strong data-verbatim>
            {v}
          </Typography.Text>
          {a.id === me?.id && <Tag color="gold">本人</Tag>}
        </Space>
      ),
    },
    { title: '姓名', dataIndex: 'displayName', width: 150, ellipsis: { showTitle: true } },
    { title: '手机号', dataIndex: 'phone', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: `在${tenant.name}的角色`,
      dataIndex: 'grants',
      minWidth: 240,
      render: (_, a) => (
        <Space size={[4, 4]} wrap>
          {a.grants.map((g) => (
            // Organization names run long: a tag wraps rather than spilling into the next column.
            <Tag key={`${g.role}-${g.scopeOrgId ?? ''}`} color={ROLE_COLORS[g.role]} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
              {roleLabel(g.role)}
              {g.scopeOrgId ? `：${g.scopeOrgName ?? '（党组织已不存在）'}` : ''}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 150,
      render: (v: Account['status'], a) => (
        <Space size={4} wrap>
          {v === 'active' ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>}
          {a.locked && (
            <Tooltip title="连续输错密码被临时锁定；重置密码可立即解锁">
              <Tag color="orange">锁定</Tag>
            </Tooltip>
          )}
          {!a.managedHere && (
            <Tooltip title="该账号在其他旗县区也有角色：这里只显示其在本级的角色，不能修改。如需调整请联系市委组织部。">
              <Tag color="purple" data-testid="not-managed-tag">
                跨旗县区·只读
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '创建日期',
      dataIndex: 'createdAt',
      width: 110,
      render: (v: number) => <span title={formatTime(v)}>{formatTime(v).slice(0, 10)}</span>,
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 210,
      render: (_, a) => {
        if (!a.managedHere) return <Typography.Text type="secondary">仅本级可见，不可修改</Typography.Text>;
        if (a.id === me?.id) return <Typography.Text type="secondary">请在个人中心修改本人账号</Typography.Text>;
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setEditing(a)}>
              修改角色
            </Button>
            <Button type="link" size="small" onClick={() => setResetting(a)}>
              {a.locked ? '重置密码并解锁' : '重置密码'}
            </Button>
            {a.status === 'active' ? (
              <Popconfirm
                title={`停用账号“${a.username}”？`}
                description="停用后该账号立即退出登录，且不能再登录，可随时重新启用。"
                okText="停用"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => setAccountStatus(a, 'disabled')}
              >
                <Button type="link" size="small" danger loading={switching === a.id}>
                  停用
                </Button>
              </Popconfirm>
            ) : (
              <Popconfirm
                title={`启用账号“${a.username}”？`}
                okText="启用"
                cancelText="取消"
                onConfirm={() => setAccountStatus(a, 'active')}
              >
                <Button type="link" size="small" loading={switching === a.id}>
                  启用
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Card
      size="small"
      title={
        <Space>
          <span>账号管理</span>
          <Typography.Text type="secondary" data-testid="account-total">
            共 {rows.length} 个
          </Typography.Text>
        </Space>
      }
      extra={
        <Space wrap>
          <Input.Search
            placeholder="用户名/姓名"
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 200 }}
            aria-label="搜索账号"
          />
          <Select<StatusFilter>
            value={status}
            onChange={setStatus}
            aria-label="账号状态"
            style={{ width: 110 }}
            options={[
              { value: 'all', label: '全部状态' },
              { value: 'active', label: '启用' },
              { value: 'disabled', label: '已停用' },
              { value: 'locked', label: '已锁定' },
            ]}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label="刷新">
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建账号
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        title={`这里列出在${tenant.name}有角色的账号。在其他旗县区也有角色的账号只读显示，由市委组织部调整。停用、重置密码、修改角色都会让该账号立即退出登录。`}
        style={{ marginBottom: 12 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Account>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={loading}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个` }}
        scroll={{ x: 1140 }}
        data-testid="account-table"
      />

      <AccountCreateModal
        open={creating}
        tenant={tenant}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void load();
        }}
      />
      <GrantsModal
        tenant={tenant}
        account={editing}
        onClose={() => setEditing(null)}
        onStale={reloadOne(editing?.id ?? '')}
        onSaved={(saved) => {
          setEditing(null);
          setRows((prev) => prev.map((r) => (r.id === saved.id ? saved : r)));
        }}
      />
      <ResetPasswordModal
        tenant={tenant}
        account={resetting}
        onClose={() => setResetting(null)}
        onStale={reloadOne(resetting?.id ?? '')}
        onSaved={(saved) => {
          setResetting(null);
          setRows((prev) => prev.map((r) => (r.id === saved.id ? saved : r)));
        }}
      />
    </Card>
  );
}
