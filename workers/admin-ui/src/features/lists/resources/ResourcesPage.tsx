import { Form, Input, Progress, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { resourceApi, type ResourceView } from '../../../api/list-endpoints.ts';
import { CursorTable } from '../../../lib/CursorTable.tsx';
import { FilterBar, ListCard, ListExcelActions } from '../../../lib/ListLayout.tsx';
import { listPermissionsFor } from '../../../lib/listPermissions.ts';
import { useCursorList } from '../../../lib/useCursorList.ts';
import { useItemListPage } from '../../../lib/useItemListPage.ts';
import { type UrlFilters, useUrlFilters } from '../../../lib/useUrlFilters.ts';
import { useTenant } from '../../../tenant.tsx';
import { OrgPicker } from '../../../shared/OrgPicker.tsx';
import { categoryOptions, useCategories } from '../categories/useCategories.ts';
import { AllianceFilter } from '../needs/AllianceFilter.tsx';
import { LOCALITY_LABELS, RESOURCE_KIND_OPTIONS, RESOURCE_STATUS_COLORS, RESOURCE_STATUS_LABELS, RESOURCE_STATUS_OPTIONS } from '../needs/labels.ts';
import { availability, ResourceDrawer } from './ResourceDrawer.tsx';
import { ResourceFormModal } from './ResourceFormModal.tsx';
import { lazyWhenOpen } from '../../../lib/lazy-when-open.tsx';

// The Excel import (antd's Upload and the preview table) loads when first opened.
const ListImportModal = lazyWhenOpen(() => import('../needs/ListImportModal.tsx').then((m) => m.ListImportModal), (p) => p.open);

const FILTER_KEYS = ['q', 'allianceId', 'status', 'categoryId', 'kind', 'offeringOrgId'] as const;
type Filters = UrlFilters<(typeof FILTER_KEYS)[number]>;
const PAGE_SIZE = 20;

export default function ResourcesPage() {
  const { tenant } = useTenant();
  const lp = useMemo(() => listPermissionsFor(tenant), [tenant]);
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  const [filterForm] = Form.useForm<Filters>();
  const categories = useCategories(tenant.slug);
  const list = useCursorList((after) => resourceApi.list(tenant.slug, { ...filters, cursor: after ?? undefined, limit: PAGE_SIZE }), [tenant.slug, filters]);
  const page = useItemListPage(list);

  useEffect(() => {
    filterForm.resetFields();
    filterForm.setFieldsValue(filters);
    void list.reload();
  }, [list.reload, filterForm, filters]);

  const columns: ColumnsType<ResourceView> = [
    {
      title: '资源名称',
      dataIndex: 'title',
      fixed: 'left',
      width: 240,
      // A long name ends in … and reads whole on hover.
      ellipsis: true,
      onCell: (r) => ({ title: r.title }),
      render: (title: string, r) => (
        <Typography.Link onClick={() => page.open(r.id)} data-testid="resource-title">
          {title}
        </Typography.Link>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (s: ResourceView['status']) => <Tag color={RESOURCE_STATUS_COLORS[s]}>{RESOURCE_STATUS_LABELS[s]}</Tag>,
    },
    { title: '类型', dataIndex: 'kind', width: 70 },
    { title: '类别', dataIndex: 'categoryName', width: 100 },
    {
      title: '剩余 / 可提供',
      key: 'capacity',
      width: 170,
      render: (_, r) => (
        <div style={{ minWidth: 130 }}>
          <Progress percent={r.capacity ? Math.round((r.allocatedQty / r.capacity) * 100) : 0} showInfo={false} size="small" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            剩余 {r.remainingQty} / {r.capacity} {r.unit}
          </Typography.Text>
        </div>
      ),
    },
    { title: '提供单位', dataIndex: 'offeringOrgName', width: 180, ellipsis: true },
    {
      title: '地点 / 服务范围',
      key: 'place',
      width: 220,
      responsive: ['xxl'],
      ellipsis: true,
      render: (_, r) => `${r.placeName ?? '—'} · ${LOCALITY_LABELS[r.scope]}${r.radiusM ? `（${r.radiusM} 米）` : ''}`,
    },
    { title: '可用期', key: 'window', width: 200, responsive: ['xxl'],  render: (_, r) => availability(r) },
    {
      title: '党建联合体',
      dataIndex: 'allianceName',
      width: 180,
      ellipsis: true,
      render: (name: string, r) => <Link to={`/t/${tenant.slug}/alliances/${r.allianceId}`}>{name}</Link>,
    },
    { title: '联系人', key: 'contact', width: 160, responsive: ['xxl'],  render: (_, r) => [r.contactName, r.contactPhone].filter(Boolean).join(' ') || '—' },
  ];

  return (
    <>
      <FilterBar form={filterForm} name="resource-filters" onFinish={applyFilters} onReset={() => applyFilters({})}>
        <Form.Item name="q" label="关键词">
          <Input placeholder="资源名称" allowClear style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="allianceId" label="党建联合体">
          <AllianceFilter tenant={tenant.slug} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select options={RESOURCE_STATUS_OPTIONS} allowClear placeholder="全部" style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Select options={RESOURCE_KIND_OPTIONS} allowClear placeholder="全部" style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="categoryId" label="类别">
          <Select options={categoryOptions(categories.items, filters.categoryId)} allowClear placeholder="全部" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="offeringOrgId" label="提供单位">
          <OrgPicker tenant={tenant.slug} placeholder="搜索党组织" style={{ width: 200 }} />
        </Form.Item>
      </FilterBar>
      <ListCard
        title="资源清单"
        total={list.total}
        totalTestId="resource-total"
        actions={
          <ListExcelActions
            exportFile={() => resourceApi.export(tenant.slug, filters)}
            onImport={lp.canCreateResource ? page.startImport : undefined}
            onCreate={lp.canCreateResource ? page.startCreate : undefined}
            createText="登记资源" createAction="resource.manage"
          />
        }
      >
        <CursorTable<ResourceView> list={list} columns={columns} emptyText="暂无资源" unit="条" scroll={{ x: 1030 }} data-testid="resource-table" />
      </ListCard>
      <ResourceFormModal open={page.creating} allianceId={filters.allianceId} onClose={page.cancelCreate} onSaved={page.created} />
      <ListImportModal open={page.importing} tenant={tenant.slug} noun="资源" allianceId={filters.allianceId} api={resourceApi} onClose={page.closeImport} onImported={page.imported} />
      <ResourceDrawer resourceId={page.openId} onClose={page.close} onChanged={page.replaceRow} />
    </>
  );
}
