import { AutoComplete, Button, Card, DatePicker, Form, Input, Result, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { auditApi } from '../../api/endpoints.ts';
import type { AuditEntry } from '../../api/types.ts';
import { CursorTable } from '../../lib/CursorTable.tsx';
import { FilterActions } from '../../lib/FilterActions.tsx';
import { formatTime, shanghaiDayEnd, shanghaiDayStart } from '../../lib/time.ts';
import { useCursorList } from '../../lib/useCursorList.ts';
import { type UrlFilters, useUrlFilters } from '../../lib/useUrlFilters.ts';
import { useTenant } from '../../tenant.tsx';
import { AuditDiff } from './AuditDiff.tsx';
import { ACTION_LABELS, actionLabel, ENTITY_LABELS, entityLabel, roleLabel } from './labels.ts';

const KEYS = ['action', 'entityType', 'entityId', 'actorId', 'from', 'to'] as const;
type Filters = UrlFilters<(typeof KEYS)[number]>;
interface FormShape {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }));
const ENTITY_OPTIONS = Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }));

/** URL keeps calendar days (YYYY-MM-DD); the API gets Beijing-time instants. */
function toQuery(f: Filters) {
  return {
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    actorId: f.actorId,
    from: f.from ? shanghaiDayStart(dayjs(f.from)) : undefined,
    to: f.to ? shanghaiDayEnd(dayjs(f.to)) : undefined,
  };
}

export default function AuditPage() {
  const { tenant, perms } = useTenant();
  const { filters, applyFilters: apply } = useUrlFilters(KEYS);
  const [form] = Form.useForm<FormShape>();
  const list = useCursorList((after) => auditApi.list(tenant.slug, { ...toQuery(filters), cursor: after ?? undefined, limit: 30 }), [tenant.slug, filters]);

  useEffect(() => {
    form.setFieldsValue({
      action: filters.action,
      entityType: filters.entityType,
      entityId: filters.entityId,
      actorId: filters.actorId,
      range: filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null,
    });
    if (perms.canReadAudit) void list.reload();
  }, [filters, form, list.reload, perms.canReadAudit]);

  const onFinish = (v: FormShape) =>
    apply({
      action: v.action,
      entityType: v.entityType,
      entityId: v.entityId,
      actorId: v.actorId,
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
          <Typography.Link title="只看此人的操作" onClick={() => apply({ ...filters, actorId: r.actorId })}>
            {name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {roleLabel(r.actorRole)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '操作',
      dataIndex: 'action',
      width: 170,
      render: (a: string) => (
        <Tag color={a.endsWith('deactivate') ? 'orange' : a.endsWith('create') ? 'green' : 'blue'} title={a}>
          {actionLabel(a)}
        </Tag>
      ),
    },
    {
      title: '对象',
      dataIndex: 'entityId',
      render: (id: string, r) => {
        const obj = (r.after ?? r.before) as { name?: unknown } | null;
        const name = obj && typeof obj === 'object' && typeof obj.name === 'string' ? obj.name : null;
        return (
          <Space orientation="vertical" size={0}>
            <span>
              {entityLabel(r.entityType)}
              {name ? `：${name}` : ''}
            </span>
            <Typography.Link
              style={{ fontSize: 12 }}
              title="只看该对象的记录"
              onClick={() => apply({ ...filters, entityType: r.entityType, entityId: id })}
            >
              {id}
            </Typography.Link>
          </Space>
        );
      },
    },
    {
      title: '请求编号',
      dataIndex: 'requestId',
      width: 200,
      render: (v: string) => (
        <Typography.Text type="secondary" copyable={{ text: v, tooltips: ['复制', '已复制'] }} style={{ fontSize: 12 }}>
          {v.length > 14 ? `${v.slice(0, 14)}…` : v}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form form={form} layout="inline" onFinish={onFinish} name="audit-filters">
          <Form.Item name="action" label="操作">
            <AutoComplete options={ACTION_OPTIONS} placeholder="如 org.update" allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="entityType" label="对象类型">
            <AutoComplete options={ENTITY_OPTIONS} placeholder="如 organization" allowClear style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="entityId" label="对象编号">
            <Input allowClear placeholder="对象编号" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="actorId" label="操作人">
            <Input allowClear placeholder="操作人编号" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="range" label="日期">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <FilterActions onReset={() => apply({})} />
        </Form>
      </Card>
      <Card size="small" title="审计日志（最新在前，时间为北京时间）">
        <CursorTable<AuditEntry>
          list={list}
          columns={columns}
          expandable={{
            expandedRowRender: (r) => <AuditDiff before={r.before} after={r.after} />,
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
