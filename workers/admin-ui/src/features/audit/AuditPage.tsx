import { CopyOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { auditApi } from '../../api/endpoints.ts';
import type { AuditEntry } from '../../api/types.ts';
import { antIsland } from '../../lib/ant-island.tsx';
import { formatTime } from '../../lib/time.ts';
import { useCursorList } from '../../lib/useCursorList.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { Alert } from '../../light/Alert.tsx';
import { Button } from '../../light/Button.tsx';
import { Card } from '../../light/Card.tsx';
import { cx, THEME_CLASS } from '../../light/cx.ts';
import { Space } from '../../light/Space.tsx';
import { Spin } from '../../light/Spin.tsx';
import { Table, type Column } from '../../light/Table.tsx';
import { Tag } from '../../light/Tag.tsx';
import { Link, Text } from '../../light/Typography.tsx';
import { useTenant } from '../../tenant.tsx';
import { AUDIT_FILTER_KEYS, auditListQuery } from './first-reads.ts';
import { actionLabel, actorRoleLabel, entityLabel } from './labels.ts';

// The page draws without antd (src/light/, docs/adr/0031); the filter bar, the copy buttons, a row's
// before/after comparison and the closed page's picture are antd islands that load once the list is on screen.
const AuditFilters = antIsland(() => import('./AuditFilters.tsx').then((m) => m.AuditFilters));
const RequestCopy = antIsland(() => import('./RequestCopy.tsx').then((m) => m.RequestCopy));
const AuditDiff = antIsland(() => import('./AuditDiff.tsx').then((m) => m.AuditDiff));
const AuditForbidden = antIsland(() => import('./AuditForbidden.tsx').then((m) => m.AuditForbidden));

const KEYS = AUDIT_FILTER_KEYS;

const FORBIDDEN = { title: '无权查看审计日志', subTitle: '审计日志仅对旗县区委组织部和市委组织部管理员开放。' };

/** The object's own name as the row recorded it (organizations, alliances, lists, accounts). */
function objectName(r: AuditEntry): string | null {
  for (const side of [r.after, r.before]) {
    const o = typeof side === 'string' ? safeParse(side) : side;
    if (!o || typeof o !== 'object') continue;
    const rec = o as Record<string, unknown>;
    for (const k of ['name', 'title', 'orgName', 'displayName', 'username']) if (typeof rec[k] === 'string' && rec[k]) return rec[k] as string;
  }
  // Signing in and out: the account is the actor's own.
  return r.entityType === 'user' && r.entityId === r.actorId ? r.actorName : null;
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/** antd's copy button (a request id's) as it draws, until its island has loaded. */
const COPY_PLACEHOLDER = (
  <span className={cx('ant-typography ant-typography-secondary', THEME_CLASS)}>
    <span className="ant-typography-actions">
      <button type="button" className="ant-typography-copy ant-typography-copy-icon-only" aria-label="复制请求编号">
        <CopyOutlined />
      </button>
    </span>
  </span>
);

export default function AuditPage() {
  const { tenant, perms } = useTenant();
  const { filters, applyFilters: apply } = useUrlFilters(KEYS);
  const list = useCursorList((after) => auditApi.list(tenant.slug, auditListQuery(filters, after)), [tenant.slug, filters]);

  useEffect(() => {
    if (perms.canReadAudit) void list.reload();
  }, [filters, list.reload, perms.canReadAudit]);

  if (!perms.canReadAudit) {
    return (
      <AuditForbidden
        {...FORBIDDEN}
        // antd's Result without its picture (the same box): the words are read at once, nothing moves after.
        placeholder={
          <div className={cx('ant-result ant-result-403', THEME_CLASS)}>
            <div className="ant-result-icon ant-result-image" />
            <div className="ant-result-title">{FORBIDDEN.title}</div>
            <div className="ant-result-subtitle">{FORBIDDEN.subTitle}</div>
          </div>
        }
      />
    );
  }

  const columns: Column<AuditEntry>[] = [
    { title: '时间', dataIndex: 'at', width: 180, render: (v: number) => formatTime(v) },
    {
      title: '操作人',
      dataIndex: 'actorName',
      width: 220,
      render: (name: string, r) => (
        <Space orientation="vertical" size={0}>
          {/* antd's Typography.Link with a title, which src/light's Link does not take. */}
          <a className={cx('ant-typography ant-typography-link', THEME_CLASS)} title="只看此人的操作" onClick={() => apply({ ...filters, actorId: r.actorId, actorName: name })}>
            {name}
          </a>
          <Text type="secondary" style={{ fontSize: 12 }}>
            {actorRoleLabel(r.actorRole)}
          </Text>
        </Space>
      ),
    },
    {
      title: '操作',
      dataIndex: 'action',
      width: 170,
      render: (a: string) => <Tag color={a.endsWith('deactivate') ? 'orange' : a.endsWith('create') ? 'green' : 'blue'}>{actionLabel(a)}</Tag>,
    },
    {
      title: '对象',
      dataIndex: 'entityId',
      ellipsis: true,
      render: (id: string, r) => {
        const name = objectName(r);
        const label = `${entityLabel(r.entityType)}${name ? `：${name}` : ''}`;
        return (
          <Space orientation="vertical" size={0} style={{ maxWidth: '100%' }}>
            {/* A cut-off name reads whole on hover (antd's tooltip was only that). */}
            <Text ellipsis={{ title: label }}>{label}</Text>
            <Link style={{ fontSize: 12 }} onClick={() => apply({ ...filters, entityType: r.entityType, entityId: id, entityName: label })}>
              只看该对象的记录
            </Link>
          </Space>
        );
      },
    },
    {
      title: '请求',
      dataIndex: 'requestId',
      width: 70,
      // The request id is for support staff: copied on demand, never shown as text.
      render: (v: string) => <RequestCopy requestId={v} placeholder={COPY_PLACEHOLDER} />,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <AuditFilters
          filters={filters}
          onApply={(v) => apply({ ...filters, ...v })}
          onReset={() => apply({})}
          // The inline form's height, so the list does not move when the bar arrives.
          placeholder={<div style={{ minHeight: 32 }} />}
        />
        {(filters.entityId || filters.actorId) && (
          <Space wrap style={{ marginTop: 8 }} data-testid="audit-scope">
            {filters.entityId && (
              <Tag closable onClose={() => apply({ ...filters, entityId: undefined, entityName: undefined })}>
                只看对象：{filters.entityName ?? '指定对象'}
              </Tag>
            )}
            {filters.actorId && (
              <Tag closable onClose={() => apply({ ...filters, actorId: undefined, actorName: undefined })}>
                只看操作人：{filters.actorName ?? '指定操作人'}
              </Tag>
            )}
          </Space>
        )}
      </Card>
      <Card size="small" title="审计日志（最新在前，时间为北京时间）">
        {/* src/light/CursorTable does not open rows: its load error and table are drawn here. */}
        {list.error && <Alert type="error" title={list.error} style={{ marginBottom: 12 }} />}
        <Table<AuditEntry>
          rows={list.rows}
          loading={list.loading && list.rows.length === 0}
          columns={columns}
          expandable={{
            expandedRowRender: (r) => <AuditDiff entityType={r.entityType} before={r.before} after={r.after} placeholder={<Spin />} />,
            rowExpandable: (r) => r.before !== null || r.after !== null,
          }}
          data-testid="audit-table"
        />
        {/* Unlike LoadMoreFooter, the button carries no count: the audit log has no total. */}
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          {list.cursor ? (
            <Button onClick={list.loadMore} loading={list.loading}>
              加载更多
            </Button>
          ) : (
            list.rows.length > 0 && <Text type="secondary">已显示全部 {list.rows.length} 条</Text>
          )}
        </div>
      </Card>
    </Space>
  );
}
