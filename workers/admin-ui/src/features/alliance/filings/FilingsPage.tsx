import { FILING_KIND_LABELS, FILING_KINDS } from '@ronghe/schema/enums';
import { Button, Card, Descriptions, Drawer, Form, Result, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
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
import { useFeedback } from '../../../lib/feedback.tsx';

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
  const { message } = useFeedback();
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  const [filterForm] = Form.useForm<Filters>();
  const list = useCursorList((after) => filingApi.list(tenant.slug, { ...filters, cursor: after ?? undefined, limit: PAGE_SIZE }), [tenant.slug, filters]);
  const unread = list.lastPage?.unread ?? null;
  const [acking, setAcking] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [opened, setOpened] = useState<Filing | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (!perms.canReadFilings) return;
    filterForm.resetFields();
    filterForm.setFieldsValue(filters);
    void list.reload();
  }, [list.reload, filterForm, filters, perms.canReadFilings]);

  if (!perms.canReadFilings) return <Result status="403" title="无权查看备案" subTitle="备案由旗县区委组织部和市委组织部查阅。" />;

  /** Puts read filings into the rows and the count; an "unread" filter would hide them at once, so they stay in view, marked, until the next query. */
  const markedRead = (saved: Filing[], newlyRead: number) => {
    const byId = new Map(saved.map((f) => [f.id, f]));
    list.setRows((prev) => prev.map((r) => byId.get(r.id) ?? r));
    list.setLastPage((p) => p && { ...p, unread: Math.max(0, p.unread - newlyRead) });
    setOpened((o) => (o && byId.get(o.id)) ?? o);
    filingsChanged();
  };

  const acknowledge = async (f: Filing, quiet = false) => {
    setAcking(f.id);
    try {
      const saved = await filingApi.acknowledge(tenant.slug, f.id);
      markedRead([saved], f.countyState === 'unread' ? 1 : 0);
      if (!quiet) message.success('已标记为已阅');
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setAcking(null);
    }
  };

  /** Opening a filing is reading it: the county department's mark is set as it opens (seed 000 7.2: 报…备案). */
  const open = (f: Filing) => {
    setOpened(f);
    if (perms.canAcknowledgeFilings && f.countyState === 'unread') void acknowledge(f, true);
  };

  /** 查看 the alliance or document: reading it there counts as having opened the filing. */
  const goTo = (f: Filing) => {
    if (perms.canAcknowledgeFilings && f.countyState === 'unread') void acknowledge(f, true);
    navigate(allianceLink(f));
  };

  const acknowledgeSelected = async () => {
    setBulkBusy(true);
    try {
      const out = await filingApi.acknowledgeMany(tenant.slug, selected);
      markedRead(out.items, out.acknowledged);
      setSelected([]);
      message.success(out.acknowledged > 0 ? `已将 ${out.acknowledged} 件标记为已阅` : '所选备案均已是已阅');
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBulkBusy(false);
    }
  };

  // Read marks, the filter and the unread count are the county department's (the inbox is theirs).
  const stateOf = (f: Filing) => f.countyState;
  const ackOf = (f: Filing) => [f.countyAckBy, formatTime(f.countyAckAt)];
  const cityAckOf = (f: Filing) => [f.cityAckBy, formatTime(f.cityAckAt)];

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
      width: 120,
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
      // Issue 13: the city's signature, on the county's own record (who and when).
      title: '市委组织部',
      key: 'city',
      width: 110,
      render: (_, f) =>
        f.cityState === 'unread' ? (
          <Tag>未签收</Tag>
        ) : (
          <Space orientation="vertical" size={0}>
            <Tag color="blue" data-testid="filing-city-signed">
              已签收
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {cityAckOf(f).filter(Boolean).join(' · ')}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: '标题',
      dataIndex: 'title',
      width: 190,
      render: (t: string, f) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong={stateOf(f) === 'unread'} onClick={() => open(f)} data-testid="filing-open">
            {t}
          </Typography.Link>
          {f.summary && (
            // Approval summaries quote the whole reply; two lines keep the inbox scannable.
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2, tooltip: f.summary }}>
              {f.summary}
            </Typography.Paragraph>
          )}
        </Space>
      ),
    },
    {
      title: '联合体',
      dataIndex: 'allianceName',
      width: 140,
      ellipsis: true,
      render: (n: string, f) => (
        <Typography.Link
          href={allianceLink(f)}
          onClick={(e) => {
            e.preventDefault();
            goTo(f);
          }}
        >
          {n}
        </Typography.Link>
      ),
    },
    { title: '审批党(工)委', dataIndex: 'committeeName', width: 130, ellipsis: true },
    { title: '报送人', dataIndex: 'filedByName', width: 90, ellipsis: true },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, f) => (
        <Space size={4}>
          <Typography.Link onClick={() => open(f)}>查看</Typography.Link>
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
            {perms.canAcknowledgeFilings && selected.length > 0 && (
              <Button size="small" type="primary" loading={bulkBusy} onClick={acknowledgeSelected} data-testid="filing-ack-selected">
                将所选 {selected.length} 件标记已阅
              </Button>
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
          rowSelection={
            perms.canAcknowledgeFilings
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(String)),
                  // Already read: nothing to mark.
                  getCheckboxProps: (f) => ({ disabled: f.countyState !== 'unread', title: f.countyState !== 'unread' ? '已阅' : '选择' }),
                }
              : undefined
          }
        />
      </Card>
      <Drawer open={opened !== null} onClose={() => setOpened(null)} size={640} title={opened?.title ?? '备案'} destroyOnHidden data-testid="filing-drawer">
        {opened && (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="类别">{opened.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="查阅状态">
              {stateOf(opened) === 'unread' ? (
                <Tag color="red">未读</Tag>
              ) : (
                <Space size={4}>
                  <Tag color="green" data-testid="filing-drawer-read">
                    已阅
                  </Tag>
                  <Typography.Text type="secondary">{ackOf(opened).filter(Boolean).join(' · ')}</Typography.Text>
                </Space>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="市委组织部">
              {opened.cityState === 'unread' ? (
                <Tag>未签收</Tag>
              ) : (
                <Space size={4}>
                  <Tag color="blue" data-testid="filing-drawer-city-signed">
                    已签收
                  </Tag>
                  <Typography.Text type="secondary">{cityAckOf(opened).filter(Boolean).join(' · ')}</Typography.Text>
                </Space>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="联合体">
              <Link to={allianceLink(opened)}>{opened.allianceName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="审批党(工)委">{opened.committeeName}</Descriptions.Item>
            <Descriptions.Item label="备案日期">{opened.filedOn}</Descriptions.Item>
            <Descriptions.Item label="报送人">{opened.filedByName}</Descriptions.Item>
            <Descriptions.Item label="内容">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{opened.summary}</Typography.Paragraph>
            </Descriptions.Item>
            {opened.documentId && (
              <Descriptions.Item label="文书">
                <Link to={allianceLink(opened)}>查看批复或决定文书</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
      </Drawer>
    </>
  );
}
