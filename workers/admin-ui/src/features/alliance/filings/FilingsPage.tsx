import { FILING_KIND_LABELS, FILING_KINDS } from '@ronghe/schema';
import { App, Button, Card, Form, Result, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { filingApi } from '../../../api/alliance-endpoints.ts';
import { errorText } from '../../../api/client.ts';
import type { Filing } from '../../../api/types.ts';
import { filingsChanged } from './filingsBadge.ts';
import { CursorTable } from '../../../lib/CursorTable.tsx';
import { FilterActions } from '../../../lib/FilterActions.tsx';
import { formatTime } from '../../../lib/time.ts';
import { useCursorList } from '../../../lib/useCursorList.ts';
import { type UrlFilters, useUrlFilters } from '../../../lib/useUrlFilters.ts';
import { useTenant } from '../../../tenant.tsx';

// 备案 (seed 000 7.2, 8.2, 8.3): approvals, assessments, adjustments,
// rectifications and dissolutions land here for the organization department.

const FILTER_KEYS = ['kind', 'state', 'allianceId'] as const;
type Filters = UrlFilters<(typeof FILTER_KEYS)[number]>;
const PAGE_SIZE = 20;
const KIND_OPTIONS = FILING_KINDS.map((k) => ({ value: k, label: FILING_KIND_LABELS[k] }));
const STATE_OPTIONS = [
  { value: 'unread', label: '未读' },
  { value: 'acknowledged', label: '已阅' },
];

export default function FilingsPage() {
  const { tenant, perms } = useTenant();
  const { message } = App.useApp();
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  const [filterForm] = Form.useForm<Filters>();
  const list = useCursorList((after) => filingApi.list(tenant.slug, { ...filters, cursor: after ?? undefined, limit: PAGE_SIZE }), [tenant.slug, filters]);
  const unread = list.lastPage?.unread ?? null;
  const [acking, setAcking] = useState<string | null>(null);

  useEffect(() => {
    if (!perms.canReadFilings) return;
    filterForm.resetFields();
    filterForm.setFieldsValue(filters);
    void list.reload();
  }, [list.reload, filterForm, filters, perms.canReadFilings]);

  if (!perms.canReadFilings) return <Result status="403" title="无权查看备案" subTitle="备案由旗县区委组织部和市委组织部查阅。" />;

  const acknowledge = async (f: Filing) => {
    setAcking(f.id);
    try {
      const saved = await filingApi.acknowledge(tenant.slug, f.id);
      // An "unread" filter would hide the row at once; keep it in view, marked, until the next query.
      list.setRows((prev) => prev.map((r) => (r.id === f.id ? saved : r)));
      list.setLastPage((p) => p && { ...p, unread: Math.max(0, p.unread - 1) });
      filingsChanged();
      message.success('已标记为已阅');
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setAcking(null);
    }
  };

  // Read marks, the filter and the unread count are the county department's (the inbox is theirs).
  const stateOf = (f: Filing) => f.countyState;
  const ackOf = (f: Filing) => [f.countyAckBy, formatTime(f.countyAckAt)];

  const allianceLink = (f: Filing) => {
    const q = f.documentId ? `?tab=documents&doc=${encodeURIComponent(f.documentId)}` : '';
    return `/t/${tenant.slug}/alliances/${f.allianceId}${q}`;
  };

  const columns: ColumnsType<Filing> = [
    { title: '备案日期', dataIndex: 'filedOn', width: 100 },
    { title: '类别', dataIndex: 'kindLabel', width: 110 },
    {
      title: '查阅状态',
      key: 'state',
      width: 130,
      render: (_, f) =>
        stateOf(f) === 'unread' ? (
          <Tag color="red">未读</Tag>
        ) : (
          <Space orientation="vertical" size={0}>
            <Tag color="green">已阅</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ackOf(f).filter(Boolean).join(' · ')}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: '标题',
      dataIndex: 'title',
      width: 250,
      render: (t: string, f) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong={stateOf(f) === 'unread'}>{t}</Typography.Text>
          {f.summary && (
            // Approval summaries quote the whole reply; two lines keep the inbox scannable.
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2, tooltip: f.summary }}>
              {f.summary}
            </Typography.Paragraph>
          )}
        </Space>
      ),
    },
    { title: '联合体', dataIndex: 'allianceName', width: 160, ellipsis: true, render: (n: string, f) => <Link to={allianceLink(f)}>{n}</Link> },
    { title: '审批党(工)委', dataIndex: 'committeeName', width: 140, ellipsis: true },
    { title: '报送人', dataIndex: 'filedByName', width: 100, ellipsis: true },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, f) => (
        <Space size={4}>
          <Link to={allianceLink(f)}>查看</Link>
          {perms.canAcknowledgeFilings && f.countyState === 'unread' && (
            <Button type="link" size="small" loading={acking === f.id} onClick={() => acknowledge(f)}>
              标记已阅
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={filterForm} layout="inline" name="filing-filters" onFinish={applyFilters}>
          <Form.Item name="kind" label="备案类别">
            <Select options={KIND_OPTIONS} allowClear placeholder="全部" style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="state" label="状态">
            <Select options={STATE_OPTIONS} allowClear placeholder="全部" style={{ width: 110 }} />
          </Form.Item>
          <FilterActions onReset={() => applyFilters({})} />
        </Form>
      </Card>
      <Card
        size="small"
        title={
          <Space>
            <span>备案管理</span>
            {list.total !== null && (
              <Typography.Text type="secondary" data-testid="filing-total">
                共 {list.total} 件
              </Typography.Text>
            )}
            {unread !== null && (
              <Tag color={unread > 0 ? 'red' : 'default'} data-testid="filing-unread">
                未读 {unread} 件
              </Tag>
            )}
            {filters.allianceId && (
              <Tag closable onClose={() => applyFilters({ ...filters, allianceId: undefined })}>
                仅看一个联合体
              </Tag>
            )}
          </Space>
        }
      >
        <CursorTable<Filing>
          list={list}
          columns={columns}
          emptyText="暂无备案"
          unit="件"
          // Fits the content area at 1440 px (test/e2e/every-page-readable.test.ts); narrower screens scroll inside the card.
          scroll={{ x: 1100 }}
          data-testid="filing-table"
        />
      </Card>
    </>
  );
}
