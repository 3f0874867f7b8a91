import { FILING_KIND_LABELS, FILING_KINDS } from '@ronghe/schema/enums';
import { Button, Card, Descriptions, Drawer, Form, Result, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { cityFilingApi } from '../../../api/alliance-endpoints.ts';
import { errorText } from '../../../api/client.ts';
import type { CityFiling } from '../../../api/types.ts';
import { CursorTable } from '../../../lib/CursorTable.tsx';
import { FilterActions } from '../../../lib/FilterActions.tsx';
import { formatTime } from '../../../lib/time.ts';
import { useCursorList } from '../../../lib/useCursorList.ts';
import { type UrlFilters, useUrlFilters } from '../../../lib/useUrlFilters.ts';
import { useSession } from '../../../session.tsx';
import { cityAdminTenant } from '../../../shared/access.ts';
import { cityFilingsChanged } from './cityFilingsBadge.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

// 市委组织部备案收件箱 (issue 13; seed 000 7.2, 8.2–8.3: 报旗县区委组织部和市委组织部备案): every county's
// filings in one list, read from the city's copy (ADR 0024); signing writes to each county's own filing.

const FILTER_KEYS = ['tenant', 'kind', 'state'] as const;
type Filters = UrlFilters<(typeof FILTER_KEYS)[number]>;
const PAGE_SIZE = 20;
const KIND_OPTIONS = FILING_KINDS.map((k) => ({ value: k, label: FILING_KIND_LABELS[k] }));
const STATE_OPTIONS = [
  { value: 'unread', label: '未签收' },
  { value: 'acknowledged', label: '已签收' },
];
const keyOf = (f: CityFiling) => `${f.tenant}/${f.id}`;

export default function CityFilingsPage() {
  const { tenants } = useSession();
  const isCity = !!cityAdminTenant(tenants);
  const { message } = useFeedback();
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  const [filterForm] = Form.useForm<Filters>();
  const list = useCursorList((after) => cityFilingApi.list({ ...filters, cursor: after ?? undefined, limit: PAGE_SIZE }), [filters]);
  const unread = list.lastPage?.unread ?? null;
  const [busy, setBusy] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [opened, setOpened] = useState<CityFiling | null>(null);
  const countyOptions = tenants.filter((t) => t.kind === 'county').map((t) => ({ value: t.slug, label: t.name }));

  useEffect(() => {
    if (!isCity) return;
    filterForm.resetFields();
    filterForm.setFieldsValue(filters);
    void list.reload();
  }, [list.reload, filterForm, filters, isCity]);

  if (!isCity) return <Result status="403" title="无权查看全市备案" subTitle="全市备案收件箱仅对市委组织部管理员开放。" />;

  const sign = async (rows: CityFiling[], key: string) => {
    setBusy(key);
    try {
      const out = await cityFilingApi.acknowledge(rows.map((f) => ({ tenant: f.tenant, id: f.id })));
      const byKey = new Map(out.items.map((f) => [keyOf(f), f]));
      list.setRows((prev) => prev.map((r) => byKey.get(keyOf(r)) ?? r));
      list.setLastPage((p) => p && { ...p, unread: Math.max(0, p.unread - out.acknowledged) });
      setOpened((o) => (o && byKey.get(keyOf(o))) ?? o);
      setSelected([]);
      cityFilingsChanged();
      if (out.failedCounties.length) message.warning(`以下旗县区暂时无法签收，请稍后重试：${out.failedCounties.map((c) => c.tenantName).join('、')}`);
      else message.success(out.acknowledged > 0 ? `已签收 ${out.acknowledged} 件` : '所选备案均已签收');
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const signedLine = (f: CityFiling) => [f.cityAckBy, formatTime(f.cityAckAt)].filter(Boolean).join(' · ');

  const columns: ColumnsType<CityFiling> = [
    { title: '旗县区', dataIndex: 'tenantName', width: 100 },
    { title: '备案日期', dataIndex: 'filedOn', width: 100 },
    { title: '类别', dataIndex: 'kindLabel', width: 110 },
    {
      title: '市委组织部',
      key: 'state',
      width: 150,
      render: (_, f) =>
        f.cityState === 'unread' ? (
          <Tag color="red">未签收</Tag>
        ) : (
          <Space orientation="vertical" size={0}>
            <Tag color="green">已签收</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {signedLine(f)}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: '标题',
      dataIndex: 'title',
      width: 260,
      render: (t: string, f) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong={f.cityState === 'unread'} onClick={() => setOpened(f)} data-testid="city-filing-open">
            {t}
          </Typography.Link>
          {f.summary && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2, tooltip: f.summary }}>
              {f.summary}
            </Typography.Paragraph>
          )}
        </Space>
      ),
    },
    { title: '联合体', dataIndex: 'allianceName', width: 150, ellipsis: true },
    { title: '审批党(工)委', dataIndex: 'committeeName', width: 130, ellipsis: true },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_, f) => (
        <Space size={4}>
          <Typography.Link onClick={() => setOpened(f)}>查看</Typography.Link>
          {f.cityState === 'unread' && (
            <Button type="link" size="small" loading={busy === keyOf(f)} onClick={() => sign([f], keyOf(f))} data-testid="city-filing-ack">
              签收
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const selectedRows = list.rows.filter((r) => selected.includes(keyOf(r)));
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={filterForm} layout="inline" name="city-filing-filters" onFinish={applyFilters}>
          <Form.Item name="tenant" label="旗县区">
            <Select options={countyOptions} allowClear placeholder="全部" style={{ width: 150 }} data-testid="city-filing-county" />
          </Form.Item>
          <Form.Item name="kind" label="备案类别">
            <Select options={KIND_OPTIONS} allowClear placeholder="全部" style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="state" label="签收状态">
            <Select options={STATE_OPTIONS} allowClear placeholder="全部" style={{ width: 120 }} />
          </Form.Item>
          <FilterActions onReset={() => applyFilters({})} />
        </Form>
      </Card>
      <Card
        size="small"
        title={
          <Space>
            <span>全市备案</span>
            {list.total !== null && (
              <Typography.Text type="secondary" data-testid="city-filing-total">
                共 {list.total} 件
              </Typography.Text>
            )}
            {unread !== null && (
              <Tag color={unread > 0 ? 'red' : 'default'} data-testid="city-filing-unread">
                未签收 {unread} 件
              </Tag>
            )}
            {selectedRows.length > 0 && (
              <Button size="small" type="primary" loading={busy === 'selected'} onClick={() => sign(selectedRows, 'selected')} data-testid="city-filing-ack-selected">
                签收所选 {selectedRows.length} 件
              </Button>
            )}
          </Space>
        }
      >
        <CursorTable<CityFiling>
          list={list}
          columns={columns}
          rowKey={keyOf}
          emptyText="暂无备案"
          unit="件"
          scroll={{ x: 1100 }}
          data-testid="city-filing-table"
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (f) => ({ disabled: f.cityState !== 'unread', title: f.cityState !== 'unread' ? '已签收' : '选择' }),
          }}
        />
      </Card>
      <Drawer open={opened !== null} onClose={() => setOpened(null)} size={640} title={opened?.title ?? '备案'} destroyOnHidden data-testid="city-filing-drawer">
        {opened && (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="旗县区">{opened.tenantName}</Descriptions.Item>
            <Descriptions.Item label="类别">{opened.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="市委组织部">
              {opened.cityState === 'unread' ? (
                <Space>
                  <Tag color="red">未签收</Tag>
                  <Button size="small" type="primary" loading={busy === keyOf(opened)} onClick={() => sign([opened], keyOf(opened))} data-testid="city-filing-drawer-ack">
                    签收
                  </Button>
                </Space>
              ) : (
                <Space size={4}>
                  <Tag color="green" data-testid="city-filing-drawer-signed">
                    已签收
                  </Tag>
                  <Typography.Text type="secondary">{signedLine(opened)}</Typography.Text>
                </Space>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="旗县区委组织部">{opened.countyState === 'unread' ? '未签收' : '已签收'}</Descriptions.Item>
            <Descriptions.Item label="联合体">{opened.allianceName}</Descriptions.Item>
            <Descriptions.Item label="审批党(工)委">{opened.committeeName}</Descriptions.Item>
            <Descriptions.Item label="备案日期">{opened.filedOn}</Descriptions.Item>
            <Descriptions.Item label="内容">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{opened.summary}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Drawer>
    </>
  );
}
