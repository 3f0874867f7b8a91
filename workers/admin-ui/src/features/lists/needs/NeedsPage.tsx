import { SettingOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { needApi, type NeedView } from '../../../api/list-endpoints.ts';
import { CursorTable } from '../../../lib/CursorTable.tsx';
import { FilterBar, ListCard, ListExcelActions } from '../../../lib/ListLayout.tsx';
import { listPermissionsFor } from '../../../lib/listPermissions.ts';
import { QuantityBar } from '../../../lib/QuantityBar.tsx';
import { useCursorList } from '../../../lib/useCursorList.ts';
import { useItemListPage } from '../../../lib/useItemListPage.ts';
import { type UrlFilters, useUrlFilters } from '../../../lib/useUrlFilters.ts';
import { useTenant } from '../../../tenant.tsx';
import { categoryOptions, useCategories } from '../categories/useCategories.ts';
import { NEED_FILTER_KEYS, needListQuery } from '../first-reads.ts';
import { NEED_SOURCE_OPTIONS, NEED_STATUS_COLORS, NEED_STATUS_LABELS, NEED_STATUS_OPTIONS, type NeedStatus, URGENCY_OPTIONS, urgencyColor, urgencyLabel } from './labels.ts';
import { AllianceFilter } from './AllianceFilter.tsx';
import { lazyWhenOpen } from '../../../lib/lazy-when-open.tsx';

// The form and the drawer (its 驳回 and 关闭 forms) validate with the shared zod schemas: they load when first opened.
const NeedFormModal = lazyWhenOpen(() => import('./NeedFormModal.tsx').then((m) => m.NeedFormModal), (p) => p.open);
const NeedDrawer = lazyWhenOpen(() => import('./NeedDrawer.tsx').then((m) => m.NeedDrawer), (p) => p.needId !== null);
// The Excel import (antd's Upload and the preview table) loads when first opened.
const ListImportModal = lazyWhenOpen(() => import('./ListImportModal.tsx').then((m) => m.ListImportModal), (p) => p.open);

const FILTER_KEYS = NEED_FILTER_KEYS;
type Filters = UrlFilters<(typeof FILTER_KEYS)[number]>;
const OVERDUE_OPTIONS = [
  { value: 'true', label: '已逾期' },
  { value: 'false', label: '未逾期' },
];

export default function NeedsPage() {
  const { tenant } = useTenant();
  const lp = useMemo(() => listPermissionsFor(tenant), [tenant]);
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  const [filterForm] = Form.useForm<Filters>();
  const categories = useCategories(tenant.slug);
  const list = useCursorList((after) => needApi.list(tenant.slug, needListQuery(filters, after)), [tenant.slug, filters]);
  const page = useItemListPage(list);

  useEffect(() => {
    filterForm.resetFields();
    // The urgency select holds numbers; the URL holds text.
    filterForm.setFieldsValue({ ...filters, urgency: filters.urgency ? (Number(filters.urgency) as unknown as string) : undefined });
    void list.reload();
  }, [list.reload, filterForm, filters]);

  const columns: ColumnsType<NeedView> = [
    {
      title: '需求名称',
      dataIndex: 'title',
      fixed: 'left',
      width: 240,
      // A long name ends in … and reads whole on hover.
      ellipsis: true,
      onCell: (r) => ({ title: r.title }),
      render: (title: string, n) => (
        <Typography.Link onClick={() => page.open(n.id)} data-testid="need-title">
          {title}
        </Typography.Link>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (s: NeedStatus) => <Tag color={NEED_STATUS_COLORS[s]}>{NEED_STATUS_LABELS[s]}</Tag>,
    },
    { title: '紧急程度', dataIndex: 'urgency', width: 90, render: (u: number) => <Tag color={urgencyColor(u)}>{urgencyLabel(u)}</Tag> },
    {
      title: '数量进度',
      key: 'qty',
      width: 180,
      render: (_, n) => <QuantityBar quantity={n.quantity} committed={n.committedQty} inDelivery={n.inDeliveryQty} fulfilled={n.fulfilledQty} unit={n.unit} />,
    },
    {
      title: '截止日期',
      dataIndex: 'deadline',
      width: 120,
      render: (d: string, n) =>
        n.overdue ? (
          <Typography.Text type="danger" strong title="截止日已过仍未满足">
            {d}（逾期）
          </Typography.Text>
        ) : (
          d
        ),
    },
    { title: '类别', dataIndex: 'categoryName', width: 100 },
    { title: '来源', dataIndex: 'source', width: 100, responsive: ['xxl'], },
    {
      title: '地点',
      key: 'place',
      width: 200,
      responsive: ['xxl'],
      ellipsis: true,
      render: (_, n) => [n.placeName, n.gridName].filter(Boolean).join(' · ') || '—',
    },
    {
      title: '党建联合体',
      dataIndex: 'allianceName',
      width: 180,
      ellipsis: true,
      render: (name: string, n) => <Link to={`/t/${tenant.slug}/alliances/${n.allianceId}`}>{name}</Link>,
    },
    { title: '提出单位/人', key: 'raiser', width: 180, responsive: ['xxl'],  ellipsis: true, render: (_, n) => n.raisedByOrgName ?? n.raiserName ?? '—' },
  ];

  return (
    <>
      <FilterBar
        form={filterForm}
        name="need-filters"
        onFinish={(v) => applyFilters({ ...v, urgency: v.urgency === undefined || v.urgency === null ? undefined : String(v.urgency) })}
        onReset={() => applyFilters({})}
      >
        <Form.Item name="q" label="关键词">
          <Input placeholder="需求名称、提出人" allowClear style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="allianceId" label="党建联合体">
          <AllianceFilter tenant={tenant.slug} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select options={NEED_STATUS_OPTIONS} allowClear placeholder="全部" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="categoryId" label="类别">
          <Select options={categoryOptions(categories.items, filters.categoryId)} allowClear placeholder="全部" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="source" label="来源">
          <Select options={NEED_SOURCE_OPTIONS} allowClear placeholder="全部" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="urgency" label="紧急程度">
          <Select options={URGENCY_OPTIONS} allowClear placeholder="全部" style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="overdue" label="逾期">
          <Select options={OVERDUE_OPTIONS} allowClear placeholder="全部" style={{ width: 100 }} />
        </Form.Item>
      </FilterBar>
      <ListCard
        title="需求清单"
        total={list.total}
        totalTestId="need-total"
        actions={
          <>
            <Link to={`/t/${tenant.slug}/needs/overdue`}>
              <Button data-testid="overdue-review-link">逾期需求复核</Button>
            </Link>
            {lp.canManageCategories && (
              <Link to={`/t/${tenant.slug}/categories`}>
                <Button icon={<SettingOutlined />}>类别管理</Button>
              </Link>
            )}
            <ListExcelActions
              exportFile={() => needApi.export(tenant.slug, filters)}
              onImport={lp.canCreateNeed ? page.startImport : undefined}
              onCreate={lp.canCreateNeed ? page.startCreate : undefined}
              createText="登记需求" createAction="need.create"
            />
          </>
        }
      >
        <CursorTable<NeedView> list={list} columns={columns} emptyText="暂无需求" unit="条" scroll={{ x: 1010 }} data-testid="need-table" />
      </ListCard>
      <NeedFormModal open={page.creating} allianceId={filters.allianceId} onClose={page.cancelCreate} onSaved={page.created} />
      <ListImportModal open={page.importing} tenant={tenant.slug} noun="需求" allianceId={filters.allianceId} api={needApi} onClose={page.closeImport} onImported={page.imported} />
      <NeedDrawer needId={page.openId} onClose={page.close} onChanged={page.replaceRow} />
    </>
  );
}
