import { Button, Card, DatePicker, Form, Result, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { auditApi } from '../../api/endpoints.ts';
import type { AuditEntry } from '../../api/types.ts';
import { CursorTable } from '../../lib/CursorTable.tsx';
import { FilterActions } from '../../lib/FilterActions.tsx';
import { formatTime } from '../../lib/time.ts';
import { useCursorList } from '../../lib/useCursorList.ts';
import { type UrlFilters, useUrlFilters } from '../../lib/useUrlFilters.ts';
import { useTenant } from '../../tenant.tsx';
import { AuditDiff } from './AuditDiff.tsx';
import { AUDIT_FILTER_KEYS, auditListQuery } from './first-reads.ts';
import { ACTION_LABELS, actionLabel, actorRoleLabel, ENTITY_LABELS, entityLabel } from './labels.ts';

const KEYS = AUDIT_FILTER_KEYS;
type Filters = UrlFilters<(typeof KEYS)[number]>;
interface FormShape {
  action?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));
// 'org' is an older alias of 'organization' with the same name; offer each name once.
const ENTITY_OPTIONS = Object.entries(ENTITY_LABELS)
  .filter(([value]) => value !== 'org')
  .map(([value, label]) => ({ value, label }));

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

export default function AuditPage() {
  const { tenant, perms } = useTenant();
  const { filters, applyFilters: apply } = useUrlFilters(KEYS);
  const [form] = Form.useForm<FormShape>();
  const list = useCursorList((after) => auditApi.list(tenant.slug, auditListQuery(filters, after)), [tenant.slug, filters]);

  useEffect(() => {
    form.setFieldsValue({
      action: filters.action,
      entityType: filters.entityType,
      range: filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null,
    });
    if (perms.canReadAudit) void list.reload();
  }, [filters, form, list.reload, perms.canReadAudit]);

  const onFinish = (v: FormShape) =>
    apply({
      ...filters,
      action: v.action,
      entityType: v.entityType,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });

  if (!perms.canReadAudit) {
    return <Result status="403" title="无权查看审计日志" subTitle="审计日志仅对旗县区委组织部和市委组织部管理员开放。" />;
  }

  const columns: ColumnsType<AuditEntry> = [
    { title: '时间', dataIndex: 'at', width: 180, render: (v: number) => formatTime(v) },
    {
      title: '操作人',
      dataIndex: 'actorName',
      width: 220,
      render: (name: string, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link title="只看此人的操作" onClick={() => apply({ ...filters, actorId: r.actorId, actorName: name })}>
            {name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {actorRoleLabel(r.actorRole)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '操作',
      dataIndex: 'action',
      width: 170,
      render: (a: string) => (
        <Tag color={a.endsWith('deactivate') ? 'orange' : a.endsWith('create') ? 'green' : 'blue'}>
          {actionLabel(a)}
        </Tag>
      ),
    },
    {
      title: '对象',
      dataIndex: 'entityId',
      ellipsis: { showTitle: false },
      render: (id: string, r) => {
        const name = objectName(r);
        const label = `${entityLabel(r.entityType)}${name ? `：${name}` : ''}`;
        return (
          <Space orientation="vertical" size={0} style={{ maxWidth: '100%' }}>
            <Tooltip title={label} placement="topLeft">
              <Typography.Text ellipsis>{label}</Typography.Text>
            </Tooltip>
            <Typography.Link
              style={{ fontSize: 12 }}
              onClick={() => apply({ ...filters, entityType: r.entityType, entityId: id, entityName: label })}
            >
              只看该对象的记录
            </Typography.Link>
          </Space>
        );
      },
    },
    {
      title: '请求',
      dataIndex: 'requestId',
      width: 70,
      // The request id is for support staff: copied on demand, never shown as text.
      render: (v: string) => <Typography.Text type="secondary" copyable={{ text: v, tooltips: ['复制请求编号', '已复制'] }} />,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form form={form} layout="inline" onFinish={onFinish} name="audit-filters">
          <Form.Item name="action" label="操作">
            <Select options={ACTION_OPTIONS} placeholder="全部操作" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="entityType" label="对象类型">
            <Select options={ENTITY_OPTIONS} placeholder="全部类型" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="range" label="日期">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <FilterActions onReset={() => apply({})} />
        </Form>
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
        <CursorTable<AuditEntry>
          list={list}
          columns={columns}
          expandable={{
            expandedRowRender: (r) => <AuditDiff entityType={r.entityType} before={r.before} after={r.after} />,
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
            list.rows.length > 0 && <Typography.Text type="secondary">已显示全部 {list.rows.length} 条</Typography.Text>
          )}
        </div>
      </Card>
    </Space>
  );
}
